import { col, defineTable, type RowOf } from '../../../platform/table.ts';
import type { DeliveryStatus, EndpointStatus } from '../domain/endpoint.ts';

/** Webhooks' tables as the code sees them (history: migrations/). */
export const webhookEndpointsTable = defineTable('webhook_endpoints', {
  id: col.uuid({ primaryKey: true }),
  url: col.text(),
  event_types: col.textArray(),
  status: col.text<EndpointStatus>(),
  secret_encrypted: col.text({ secret: true }),
  previous_secret_encrypted: col.text.nullable({ secret: true }),
  previous_secret_expires_at: col.timestamptz.nullable(),
  created_by: col.uuid(),
  created_at: col.timestamptz(),
  disabled_at: col.timestamptz.nullable(),
  disabled_reason: col.text.nullable(),
  deleted_at: col.timestamptz.nullable(),
});
export type EndpointRow = RowOf<typeof webhookEndpointsTable>;

export const webhookDeliveriesTable = defineTable('webhook_deliveries', {
  id: col.uuid({ primaryKey: true }),
  endpoint_id: col.uuid(),
  event_id: col.text(),
  event_type: col.text(),
  body: col.text(),
  status: col.text<DeliveryStatus>(),
  attempts: col.integer(),
  next_attempt_at: col.timestamptz.nullable(),
  give_up_at: col.timestamptz.nullable(),
  last_status_code: col.integer.nullable(),
  last_error: col.text.nullable(),
  created_at: col.timestamptz(),
  finished_at: col.timestamptz.nullable(),
  position: col.bigint(),
  /** An attempt is in flight until then (wall clock); see migration 0062. */
  leased_until: col.timestamptz.nullable(),
});
export type DeliveryRow = RowOf<typeof webhookDeliveriesTable>;

export const webhookDeliveryAttemptsTable = defineTable('webhook_delivery_attempts', {
  id: col.uuid({ primaryKey: true }),
  delivery_id: col.uuid(),
  endpoint_id: col.uuid(),
  attempted_at: col.timestamptz(),
  succeeded: col.boolean(),
  status_code: col.integer.nullable(),
  error: col.text.nullable(),
  latency_ms: col.integer(),
  response_excerpt: col.text.nullable(),
});
export type AttemptRow = RowOf<typeof webhookDeliveryAttemptsTable>;

export const webhookFeedCursorTable = defineTable('webhook_feed_cursor', {
  singleton: col.boolean({ primaryKey: true }),
  after_seq: col.bigint.nullable(),
});

/** The panel's endpoint list (a view): no secrets; the success rate of the latest 100 attempts. */
export const webhookEndpointOverview = defineTable('webhook_endpoint_overview', {
  id: col.uuid({ primaryKey: true }),
  url: col.text(),
  event_types: col.textArray(),
  status: col.text<EndpointStatus>(),
  created_by: col.uuid(),
  created_at: col.timestamptz(),
  disabled_at: col.timestamptz.nullable(),
  disabled_reason: col.text.nullable(),
  /** Until then the secret before the last rotation signs too. */
  rotation_overlap_until: col.timestamptz.nullable(),
  success_rate: col.text.nullable(),
  pending_deliveries: col.integer(),
});
