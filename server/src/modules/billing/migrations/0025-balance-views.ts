import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * The panel's money per person, one row each, read by billing's own
 * screens (Billing → Client balances, Worker earnings): every figure a sum
 * of billing's own rows, the balance the ledger's (the sum of the owner's
 * account entries, as `balance()` reads it), never a stored total.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE VIEW client_balances AS
      WITH clients AS (
        SELECT owner_id AS client_id FROM ledger_accounts WHERE kind = 'client'
        UNION SELECT client_id FROM invoices
        UNION SELECT client_id FROM top_ups
        UNION SELECT client_id FROM billable_orders
      )
      SELECT c.client_id,
        coalesce((SELECT sum(e.amount_cents) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
                  WHERE a.kind = 'client' AND a.owner_id = c.client_id), 0)::bigint AS balance_cents,
        (SELECT count(*) FROM invoices i WHERE i.client_id = c.client_id AND i.status = 'unpaid')::int AS unpaid_invoices,
        coalesce((SELECT sum(i.total_cents) FROM invoices i WHERE i.client_id = c.client_id AND i.status = 'unpaid'), 0)::bigint AS unpaid_cents,
        coalesce((SELECT sum(i.total_cents) FROM invoices i WHERE i.client_id = c.client_id AND i.status = 'paid'), 0)::bigint AS paid_cents,
        coalesce((SELECT sum(t.amount_cents) FROM top_ups t WHERE t.client_id = c.client_id AND t.status = 'succeeded'), 0)::bigint AS topped_up_cents,
        coalesce((SELECT sum(b.price_cents) FROM billable_orders b WHERE b.client_id = c.client_id
                  AND b.period_end > coalesce((SELECT max(period_end) FROM billing_periods), '-infinity')), 0)::bigint AS upcoming_cents
      FROM clients c;

    CREATE VIEW worker_earnings AS
      WITH workers AS (
        SELECT owner_id AS worker_id FROM ledger_accounts WHERE kind = 'worker'
        UNION SELECT worker_id FROM statements
        UNION SELECT worker_id FROM worker_outcomes
        UNION SELECT worker_id FROM rewards
      )
      SELECT w.worker_id,
        (SELECT count(*) FROM statements s WHERE s.worker_id = w.worker_id)::int AS statements,
        coalesce((SELECT sum(s.earned_cents) FROM statements s WHERE s.worker_id = w.worker_id), 0)::bigint AS earned_cents,
        coalesce((SELECT sum(p.amount_cents) FROM payouts p WHERE p.worker_id = w.worker_id AND p.status = 'paid'), 0)::bigint AS paid_out_cents,
        coalesce((SELECT sum(p.amount_cents) FROM payouts p WHERE p.worker_id = w.worker_id AND p.status <> 'paid'), 0)::bigint AS in_payout_cents,
        coalesce((SELECT sum(e.amount_cents) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
                  WHERE a.kind = 'worker' AND a.owner_id = w.worker_id), 0)::bigint AS balance_cents
      FROM workers w;
  `);
}
