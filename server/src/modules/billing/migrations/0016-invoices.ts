import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Orders billing has learnt are completed (from orders' events): what invoices are made of.
    CREATE TABLE billable_orders (
      order_id uuid PRIMARY KEY,
      client_id uuid NOT NULL,
      worker_id uuid,
      price_cents bigint NOT NULL CHECK (price_cents >= 0),
      completed_at timestamptz NOT NULL
    );
    CREATE INDEX billable_orders_client ON billable_orders (client_id, completed_at);

    CREATE TABLE invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      period_start timestamptz NOT NULL,
      period_end timestamptz NOT NULL,
      subtotal_cents bigint NOT NULL CHECK (subtotal_cents >= 0),
      paid_before_cents bigint NOT NULL CHECK (paid_before_cents >= 0),
      discount_rate integer NOT NULL CHECK (discount_rate BETWEEN 0 AND 12),
      discount_cents bigint NOT NULL CHECK (discount_cents >= 0),
      total_cents bigint NOT NULL CHECK (total_cents >= 0),
      status text NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
      issued_at timestamptz NOT NULL,
      paid_at timestamptz,
      CHECK (total_cents = subtotal_cents - discount_cents),
      CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
      -- One invoice per client and week, however often the job runs.
      UNIQUE (client_id, period_end)
    );
    CREATE INDEX invoices_unpaid ON invoices (client_id, period_end) WHERE status = 'unpaid';

    CREATE TABLE invoice_lines (
      -- No foreign key: lines are only written by the run that issued their invoice, from its returned ids,
      -- and a per-row key check is a third of the weekly run's time (bench/billing).
      invoice_id uuid NOT NULL,
      -- An order is on exactly one invoice.
      order_id uuid PRIMARY KEY,
      price_cents bigint NOT NULL CHECK (price_cents >= 0),
      completed_at timestamptz NOT NULL
    );
    CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id);

    -- SPEC §8's discount in SQL, for set-based invoicing; a test holds it equal
    -- to domain/discount.ts at every boundary. Hundredths in, whole percent out.
    CREATE FUNCTION billing_discount_rate(paid_before bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE
        WHEN paid_before <= 1000000 THEN 0
        WHEN paid_before <= 2000000 THEN 5
        ELSE least(12, 6 + ((paid_before - 2000001) / 1000000)::integer)
      END
    $$;
  `);
}
