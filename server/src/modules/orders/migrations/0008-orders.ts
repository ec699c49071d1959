import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES users (id),
      worker_id uuid REFERENCES users (id),
      service_type_id uuid NOT NULL REFERENCES service_types (id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      address text NOT NULL CHECK (length(address) > 0),
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'created'
        CHECK (status IN ('created', 'matching', 'scheduled', 'in_progress', 'reported', 'completed', 'failed', 'cancelled')),
      failure_reason text CHECK (failure_reason IN ('no_check_in', 'no_worker', 'rejected')),
      price_cents bigint CHECK (price_cents >= 0),
      rating smallint CHECK (rating BETWEEN 1 AND 5),
      copy_of uuid REFERENCES orders (id),
      version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (ends_at > starts_at),
      CHECK ((status = 'failed') = (failure_reason IS NOT NULL)),
      -- From scheduled on, an order has its worker and its price.
      CHECK (status IN ('created', 'matching', 'cancelled') OR (status = 'failed' AND failure_reason = 'no_worker') OR (worker_id IS NOT NULL AND price_cents IS NOT NULL)),
      -- A worker can never hold two overlapping orders: the database refuses it, whatever the code does.
      CONSTRAINT orders_worker_no_overlap EXCLUDE USING gist (worker_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (worker_id IS NOT NULL AND status IN ('scheduled', 'in_progress', 'reported', 'completed'))
    );
    CREATE INDEX orders_client_starts ON orders (client_id, starts_at);
    CREATE INDEX orders_worker_starts ON orders (worker_id, starts_at) WHERE worker_id IS NOT NULL;
    CREATE INDEX orders_status_starts ON orders (status, starts_at);

    CREATE TABLE order_timeline (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES orders (id),
      at timestamptz NOT NULL,
      seq bigserial NOT NULL,
      actor_id uuid,
      actor_role text NOT NULL,
      event text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      reason text,
      file_hashes text[] NOT NULL DEFAULT '{}',
      changes jsonb
    );
    CREATE INDEX order_timeline_order ON order_timeline (order_id, seq);
  `);
}
