import { getCreateTableSQL, getCreateIndexesSQL, getUpdateTimestampTriggerSQL } from '@agendajs/postgres-backend';
import type { MigrationContext } from '../migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE EXTENSION IF NOT EXISTS pgcrypto;
    CREATE EXTENSION IF NOT EXISTS btree_gist;

    -- The sandbox clock's offset, shared by every process. One row, forward only.
    CREATE TABLE sandbox_clock (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      offset_ms bigint NOT NULL DEFAULT 0 CHECK (offset_ms >= 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO sandbox_clock DEFAULT VALUES;

    -- Idempotency-Key records (Stripe semantics), kept 24 h.
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      state text NOT NULL CHECK (state IN ('in_flight', 'done')),
      response_status integer,
      response_headers jsonb,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      locked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    );
    CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

    -- Rate-limit counters shared by every process (fixed windows).
    CREATE UNLOGGED TABLE rate_limit_hits (
      key text PRIMARY KEY,
      hits integer NOT NULL,
      reset_at timestamptz NOT NULL
    );

    -- The transactional outbox: written in the caller's transaction, delivered after commit.
    CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic text NOT NULL,
      dedupe_key text NOT NULL UNIQUE,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      available_at timestamptz NOT NULL,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    );
    CREATE INDEX outbox_due ON outbox (available_at) WHERE status = 'pending';
    CREATE INDEX outbox_topic_created ON outbox (topic, created_at DESC, id DESC);

    -- Every run of a scheduled job, whatever triggered it (Agenda, CLI, sandbox clock).
    CREATE TABLE job_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      job text NOT NULL,
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'cli', 'sandbox', 'test')),
      as_of timestamptz NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      outcome text CHECK (outcome IN ('succeeded', 'failed')),
      error text
    );
    CREATE INDEX job_runs_job_started ON job_runs (job, started_at DESC);

    -- Admin panel sessions (connect-pg-simple), so admin logins survive across processes.
    CREATE TABLE admin_sessions (
      sid varchar NOT NULL PRIMARY KEY,
      sess json NOT NULL,
      expire timestamp(6) NOT NULL
    );
    CREATE INDEX admin_sessions_expire ON admin_sessions (expire);
  `);
  // Agenda's job store, created once here so concurrent workers never race to create it.
  await sql(getCreateTableSQL('agenda_jobs'));
  for (const statement of getCreateIndexesSQL('agenda_jobs')) await sql(statement);
  await sql(getUpdateTimestampTriggerSQL('agenda_jobs'));
}
