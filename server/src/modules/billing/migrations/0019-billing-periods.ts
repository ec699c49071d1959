import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * Invoice lines become a view. A billable order is recorded with the
 * invoicing period it belongs to (the first Sunday 23:00 at or after its
 * completion that is still open), so the Sunday run reads a period's orders
 * and writes only the invoices: an order is on exactly one invoice — the one
 * for its client and period — by construction, not by 200,000 written lines.
 * Closing a period is a row in billing_periods; the database refuses an order
 * into a period already closed, where it would never be invoiced.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE billing_periods (
      period_end timestamptz PRIMARY KEY,
      closed_at timestamptz NOT NULL
    );
    INSERT INTO billing_periods (period_end, closed_at) SELECT period_end, min(issued_at) FROM invoices GROUP BY period_end;

    ALTER TABLE billable_orders ADD COLUMN period_end timestamptz;
    UPDATE billable_orders b SET period_end = i.period_end
    FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.order_id = b.order_id;
    -- Not invoiced yet: just after the last closed period (the next run moves them into the period it closes).
    UPDATE billable_orders SET period_end = greatest(completed_at, (SELECT max(period_end) FROM billing_periods) + interval '1 millisecond')
    WHERE period_end IS NULL;
    ALTER TABLE billable_orders ALTER COLUMN period_end SET NOT NULL;
    DROP INDEX billable_orders_client;
    CREATE INDEX billable_orders_client ON billable_orders (client_id, period_end);
    CREATE INDEX billable_orders_period ON billable_orders (period_end);

    CREATE FUNCTION billing_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE closed timestamptz := (SELECT max(period_end) FROM billing_periods);
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.period_end <= closed THEN
        RAISE EXCEPTION 'order % is on the invoice of the closed period %', OLD.order_id, OLD.period_end USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.period_end <= closed THEN
        RAISE EXCEPTION 'billing period % is closed: order % would never be invoiced', NEW.period_end, NEW.order_id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER billable_orders_open_period BEFORE INSERT OR UPDATE ON billable_orders
      FOR EACH ROW EXECUTE FUNCTION billing_period_open();

    DROP TABLE invoice_lines;
    CREATE VIEW invoice_lines AS
      SELECT i.id AS invoice_id, b.order_id, b.price_cents, b.completed_at
      FROM invoices i JOIN billable_orders b ON b.client_id = i.client_id AND b.period_end = i.period_end;
  `);
}
