import { col, defineTable, type RowOf } from '../../../platform/table.ts';
import type { Answers, FormField } from '../domain/forms.ts';
import type { ReviewReason, ReviewStatus, Verdict } from '../domain/review-lifecycle.ts';

/** Quality's tables as the code sees them (history: migrations/). */
export const reviewFormsTable = defineTable('review_forms', {
  id: col.uuid({ primaryKey: true }),
  current_version: col.integer(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

export const reviewFormVersionsTable = defineTable('review_form_versions', {
  form_id: col.uuid({ primaryKey: true }),
  version: col.integer({ primaryKey: true }),
  name: col.text(),
  fields: col.jsonb<FormField[]>(),
  created_by: col.uuid.nullable(),
  created_at: col.timestamptz(),
});

export const reviewsTable = defineTable('reviews', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  reason: col.text<ReviewReason>(),
  status: col.text<ReviewStatus>(),
  form_id: col.uuid.nullable(),
  form_version: col.integer.nullable(),
  answers: col.jsonb.nullable<Answers>(),
  verdict: col.text.nullable<Verdict>(),
  client_feedback: col.text.nullable(),
  reviewer_id: col.uuid.nullable(),
  opened_by: col.uuid.nullable(),
  fine_reversed: col.boolean(),
  refunded_cents: col.bigint.nullable(),
  created_at: col.timestamptz(),
  completed_at: col.timestamptz.nullable(),
});

export const reviewSamplingDrawsTable = defineTable('review_sampling_draws', {
  order_id: col.uuid({ primaryKey: true }),
  sampled: col.boolean(),
  drawn_at: col.timestamptz(),
});

/** Views for the panel (every column of a view is nullable to PostgreSQL). */
export const reviewQueueView = defineTable('review_queue', {
  id: col.uuid.nullable({ primaryKey: true }),
  order_id: col.uuid.nullable(),
  reason: col.text.nullable<ReviewReason>(),
  status: col.text.nullable<ReviewStatus>(),
  verdict: col.text.nullable<Verdict>(),
  client_feedback: col.text.nullable(),
  reviewer_id: col.uuid.nullable(),
  opened_by: col.uuid.nullable(),
  fine_reversed: col.boolean.nullable(),
  refunded_cents: col.bigint.nullable(),
  answers: col.jsonb.nullable<Answers>(),
  form_version: col.integer.nullable(),
  created_at: col.timestamptz.nullable(),
  completed_at: col.timestamptz.nullable(),
  form_id: col.uuid.nullable(),
  form_name: col.text.nullable(),
  form_fields: col.jsonb.nullable<FormField[]>(),
  queue_position: col.text.nullable(),
});

export const reviewFormsCurrentView = defineTable('review_forms_current', {
  id: col.uuid.nullable({ primaryKey: true }),
  name: col.text.nullable(),
  version: col.integer.nullable(),
  fields: col.jsonb.nullable<FormField[]>(),
  created_at: col.timestamptz.nullable(),
  updated_at: col.timestamptz.nullable(),
});

export type ReviewRow = RowOf<typeof reviewsTable>;
export type FormVersionRow = RowOf<typeof reviewFormVersionsTable>;

export const QUALITY_TABLES = [
  reviewFormsTable,
  reviewFormVersionsTable,
  reviewsTable,
  reviewSamplingDrawsTable,
  reviewQueueView,
  reviewFormsCurrentView,
];
