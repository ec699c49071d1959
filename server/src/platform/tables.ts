import { col, defineTable, type Table } from './table.ts';

/**
 * The kernel's own tables, as the code sees them (history: `migrations/0001-platform.ts`;
 * `audit_log` came with identity's `0005-accounts.ts`, but the kernel writes it and
 * operations shows it). Libraries' bookkeeping (Agenda's `agenda_jobs`, umzug's
 * `schema_migrations`, connect-pg-simple's `admin_sessions`) is theirs, not described here.
 */

/** The sandbox clock's offset, one row shared by every process (`sandbox-clock.ts`). */
export const sandboxClockTable = defineTable('sandbox_clock', {
  id: col.boolean({ primaryKey: true }),
  offset_ms: col.bigint(),
  replayed_to: col.timestamptz.nullable(),
  updated_at: col.timestamptz(),
});

/** Idempotency-Key records (`http/idempotency.ts`). */
export const idempotencyKeysTable = defineTable('idempotency_keys', {
  scope: col.text({ primaryKey: true }),
  key: col.text({ primaryKey: true }),
  method: col.text(),
  path: col.text(),
  request_hash: col.text(),
  state: col.text<'in_flight' | 'done' | 'lost'>(),
  response_status: col.integer.nullable(),
  response_headers: col.jsonb.nullable<Record<string, string>>(),
  response_body: col.text.nullable(),
  created_at: col.timestamptz(),
  locked_at: col.timestamptz(),
  claim_id: col.uuid.nullable(),
});

/** Claims of an Idempotency-Key whose request committed a change, written in that change's transaction (`database.ts`). */
export const idempotencyCommitsTable = defineTable('idempotency_commits', {
  claim_id: col.uuid({ primaryKey: true }),
  committed_at: col.timestamptz(),
});

/** Rate-limit counters shared by every process (`http/rate-limit.ts`). */
export const rateLimitHitsTable = defineTable('rate_limit_hits', {
  key: col.text({ primaryKey: true }),
  hits: col.integer(),
  reset_at: col.timestamptz(),
});

/** The transactional outbox (`outbox.ts`). */
export const outboxTable = defineTable('outbox', {
  id: col.uuid({ primaryKey: true }),
  topic: col.text(),
  dedupe_key: col.text(),
  // An email's payload holds its one-time codes in the clear (the `emails` view shows a redacted copy).
  payload: col.jsonb({ secret: true }),
  status: col.text<'pending' | 'sent' | 'failed'>(),
  attempts: col.integer(),
  available_at: col.timestamptz(),
  last_error: col.text.nullable(),
  created_at: col.timestamptz(),
  sent_at: col.timestamptz.nullable(),
});

/** Every run of a scheduled job (`scheduler.ts`). */
export const jobRunsTable = defineTable('job_runs', {
  id: col.uuid({ primaryKey: true }),
  job: col.text(),
  trigger: col.text<'schedule' | 'cli' | 'sandbox' | 'test'>(),
  as_of: col.timestamptz(),
  started_at: col.timestamptz(),
  finished_at: col.timestamptz.nullable(),
  outcome: col.text.nullable<'succeeded' | 'failed'>(),
  error: col.text.nullable(),
});

/** The audit log of manager and admin actions (`audit.ts`). */
export const auditLogTable = defineTable('audit_log', {
  id: col.uuid({ primaryKey: true }),
  at: col.timestamptz(),
  actor_id: col.uuid.nullable(),
  actor_roles: col.textArray(),
  action: col.text(),
  target_type: col.text(),
  target_id: col.text.nullable(),
  before: col.jsonb.nullable(),
  after: col.jsonb.nullable(),
  request_id: col.text.nullable(),
});

/** The public event feed (`event-feed.ts`, migrations `0050-event-feed.ts`, `0051-event-api-version.ts`). */
export const eventsTable = defineTable('events', {
  id: col.uuid({ primaryKey: true }),
  seq: col.bigint(),
  type: col.text(),
  data: col.jsonb(),
  audience: col.uuidArray(),
  created_at: col.timestamptz(),
  tx: col.xid8(),
  api_version: col.text(),
});

export const KERNEL_TABLES: readonly Table[] = [
  sandboxClockTable,
  idempotencyKeysTable,
  idempotencyCommitsTable,
  rateLimitHitsTable,
  outboxTable,
  jobRunsTable,
  auditLogTable,
  eventsTable,
];
