import { formatCents } from '../../../platform/money.ts';
import type { FormVersionRow, ReviewRow } from '../infra/tables.ts';

export function toFormView(v: FormVersionRow) {
  return { id: v.form_id, name: v.name, version: v.version, fields: v.fields, createdAt: new Date(v.created_at).toISOString() };
}

export type ReviewFormView = ReturnType<typeof toFormView>;

/** A review on the wire (SPEC §14): `form` is the version its result was recorded with, or the one it would be filled in with. */
export function toReviewView(r: ReviewRow, form: FormVersionRow | undefined) {
  return {
    id: r.id,
    orderId: r.order_id,
    status: r.status,
    reason: r.reason,
    form: form ? toFormView(form) : null,
    answers: r.answers,
    verdict: r.verdict,
    clientFeedback: r.client_feedback,
    reviewerId: r.reviewer_id,
    openedBy: r.opened_by,
    fineReversed: r.fine_reversed,
    refund: r.refunded_cents === null ? null : formatCents(r.refunded_cents),
    createdAt: new Date(r.created_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  };
}

export type ReviewView = ReturnType<typeof toReviewView>;
