import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * Tips in billing (issue 19). A tip is recorded once (`billable_tips`, from
 * orders' `order.tipped`) in the invoicing period of its time that is still
 * open — the same rule and the same closed-period trigger as orders, so a
 * tip given after its week was invoiced joins the next invoice. The invoice
 * shows it as its own line (`invoice_tip_lines`) and adds it after the
 * discount (the discount never applies to tips); the worker's statement
 * pays it in full as a `tip` line. In the ledger the platform's `tips`
 * account holds what clients paid in tips until the statement pays it to
 * the worker: no platform share.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE billable_tips (
      tip_id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      client_id uuid NOT NULL,
      worker_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      tipped_at timestamptz NOT NULL,
      period_end timestamptz NOT NULL
    );
    CREATE INDEX billable_tips_period ON billable_tips (period_end, client_id);
    CREATE INDEX billable_tips_worker ON billable_tips (worker_id, tipped_at);
    CREATE TRIGGER billable_tips_open_period BEFORE INSERT OR UPDATE ON billable_tips
      FOR EACH ROW EXECUTE FUNCTION billing_period_open();

    ALTER TABLE invoices ADD COLUMN tips_cents bigint NOT NULL DEFAULT 0 CHECK (tips_cents >= 0);
    DO $$
    DECLARE c text;
    BEGIN
      SELECT conname INTO c FROM pg_constraint
      WHERE conrelid = 'invoices'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%total_cents = (subtotal_cents - discount_cents)%';
      EXECUTE format('ALTER TABLE invoices DROP CONSTRAINT %I', c);
    END $$;
    ALTER TABLE invoices ADD CONSTRAINT invoices_total CHECK (total_cents = subtotal_cents - discount_cents + tips_cents);

    CREATE VIEW invoice_tip_lines AS
      SELECT i.id AS invoice_id, t.tip_id, t.order_id, t.worker_id, t.amount_cents, t.tipped_at
      FROM invoices i JOIN billable_tips t ON t.client_id = i.client_id AND t.period_end = i.period_end;

    ALTER TABLE statements ADD COLUMN tips_cents bigint NOT NULL DEFAULT 0 CHECK (tips_cents >= 0);
    ALTER TABLE statements DROP CONSTRAINT statements_net;
    ALTER TABLE statements ADD CONSTRAINT statements_net
      CHECK (net_cents = earned_cents - fines_cents + rewards_cents + adjustments_cents + tips_cents - debt_carried_cents);

    -- A tip line names its order too, so an order's earning and its tips share an order id: one earning or fine per order, one line per tip.
    ALTER TABLE statement_lines ADD COLUMN tip_id uuid UNIQUE;
    ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_order_id_key;
    CREATE UNIQUE INDEX statement_lines_order ON statement_lines (order_id) WHERE tip_id IS NULL;
    ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_kind_check;
    ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_kind_check CHECK (kind IN ('earning', 'fine', 'reward', 'adjustment', 'tip'));
    ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_tip CHECK ((kind = 'tip') = (tip_id IS NOT NULL AND order_id IS NOT NULL));

    ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check;
    ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_check CHECK (kind IN (
      'client', 'worker', 'platform_revenue', 'fines', 'rewards', 'external_in', 'external_out', 'developers',
      'bids', 'bid_pot', 'bid_shares', 'tips'
    ));
  `);
}
