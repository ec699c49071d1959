import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Integrators' endpoints (SPEC §13). The platform's, not one manager's: created_by is who is emailed when it is disabled.
    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
      event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      -- Signing secrets, encrypted (AES-256-GCM, WEBHOOKS_ENCRYPTION_KEY): recoverable for signing, useless in a dump.
      secret_encrypted text NOT NULL,
      -- The secret before the last rotation still signs until previous_secret_expires_at.
      previous_secret_encrypted text,
      previous_secret_expires_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      disabled_at timestamptz,
      disabled_reason text,
      -- Soft delete: the delivery log keeps its endpoint; deleted endpoints are gone from the API and receive nothing.
      deleted_at timestamptz,
      CHECK ((status = 'disabled') = (disabled_at IS NOT NULL)),
      CHECK ((previous_secret_encrypted IS NULL) = (previous_secret_expires_at IS NULL))
    );
    CREATE INDEX webhook_endpoints_listing ON webhook_endpoints (created_at DESC, id DESC) WHERE deleted_at IS NULL;

    -- One delivery per event per endpoint: the unique key is what makes the fan-out exactly once.
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id),
      event_id text NOT NULL,
      event_type text NOT NULL,
      -- The exact bytes every attempt sends (the signature covers them).
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz,
      -- 3 days after the first attempt (reset by a manual redelivery).
      give_up_at timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      UNIQUE (endpoint_id, event_id),
      CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
      CHECK ((status = 'pending') = (finished_at IS NULL))
    );
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);

    -- The delivery log: every attempt, as the panel shows it.
    CREATE TABLE webhook_delivery_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id),
      attempted_at timestamptz NOT NULL,
      succeeded boolean NOT NULL,
      status_code integer,
      error text,
      latency_ms integer NOT NULL CHECK (latency_ms >= 0),
      -- The first 1 kB of the answer, no more is read.
      response_excerpt text,
      CHECK (status_code IS NOT NULL OR error IS NOT NULL)
    );
    CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, attempted_at);
    CREATE INDEX webhook_delivery_attempts_endpoint ON webhook_delivery_attempts (endpoint_id, attempted_at DESC);

    -- How far the fan-out has read the event feed: one row, locked and advanced in the transaction that writes the deliveries.
    CREATE TABLE webhook_feed_cursor (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      after_seq bigint
    );
    INSERT INTO webhook_feed_cursor (singleton, after_seq) VALUES (true, NULL);

    -- The panel's list of endpoints: no secrets, with the share of the latest 100 attempts that succeeded.
    CREATE VIEW webhook_endpoint_overview AS
      SELECT e.id, e.url, e.event_types, e.status, e.created_by, e.created_at, e.disabled_at, e.disabled_reason,
             e.previous_secret_expires_at AS rotation_overlap_until,
             (SELECT round(100.0 * count(*) FILTER (WHERE a.succeeded) / nullif(count(*), 0), 1)::text
                FROM (SELECT succeeded FROM webhook_delivery_attempts
                       WHERE endpoint_id = e.id ORDER BY attempted_at DESC LIMIT 100) a) AS success_rate,
             (SELECT count(*)::integer FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending') AS pending_deliveries
        FROM webhook_endpoints e
       WHERE e.deleted_at IS NULL;
  `);
}
