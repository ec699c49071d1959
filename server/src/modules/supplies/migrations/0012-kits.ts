import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE kits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order's id and the facts supplies needs, copied from orders' events
      -- (no foreign key: modules keep to their own tables).
      order_id uuid NOT NULL UNIQUE,
      order_starts_at timestamptz NOT NULL,
      recipient_name text NOT NULL,
      delivery_address text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assembling', 'ready', 'cancelled')),
      -- [{ "name": …, "quantity": …, "packed": bool }], from the service type's template.
      items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
      ready_at timestamptz,
      ready_by uuid,
      cancelled_at timestamptz,
      -- The supplier's cookie: the order we place, its delivery, our retries.
      cookie_status text NOT NULL DEFAULT 'pending'
        CHECK (cookie_status IN ('pending', 'ordered', 'delivered', 'cancelling', 'cancelled')),
      cookie_supplier_order_id text UNIQUE,
      cookie_attempts integer NOT NULL DEFAULT 0 CHECK (cookie_attempts >= 0),
      cookie_last_error text,
      cookie_next_attempt_at timestamptz,
      cookie_next_poll_at timestamptz,
      cookie_delivered_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((status = 'ready') = (ready_at IS NOT NULL)),
      -- A kit is never ready without its cookie.
      CHECK (status <> 'ready' OR cookie_status = 'delivered'),
      CHECK (cookie_status NOT IN ('ordered', 'cancelling') OR cookie_supplier_order_id IS NOT NULL)
    );
    CREATE INDEX kits_queue ON kits (status, order_starts_at);
    CREATE INDEX kits_cookie_due ON kits (cookie_next_attempt_at) WHERE cookie_status IN ('pending', 'cancelling');
    CREATE INDEX kits_cookie_poll ON kits (cookie_next_poll_at) WHERE cookie_status = 'ordered';

    -- Supplier callbacks already handled: a replayed event is acknowledged and ignored.
    CREATE TABLE supplier_events (
      id text PRIMARY KEY,
      type text NOT NULL,
      received_at timestamptz NOT NULL,
      payload jsonb NOT NULL
    );
  `);
}
