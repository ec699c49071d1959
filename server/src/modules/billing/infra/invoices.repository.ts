import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';

export interface InvoiceRow {
  id: string;
  client_id: string;
  period_start: Date;
  period_end: Date;
  subtotal_cents: string;
  paid_before_cents: string;
  discount_rate: number;
  discount_cents: string;
  total_cents: string;
  status: 'unpaid' | 'paid';
  issued_at: Date;
  paid_at: Date | null;
}

export interface LineRow {
  invoice_id: string;
  order_id: string;
  price_cents: string;
  completed_at: Date;
}

/** Records a completed order as billable once (a repeated event changes nothing). */
export async function recordBillableOrder(
  db: Database,
  o: { orderId: string; clientId: string; workerId: string | null; priceCents: bigint; completedAt: Date },
): Promise<void> {
  await execute(
    db,
    `INSERT INTO billable_orders (order_id, client_id, worker_id, price_cents, completed_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (order_id) DO NOTHING`,
    [o.orderId, o.clientId, o.workerId, o.priceCents.toString(), o.completedAt],
  );
}

/**
 * Issues the week's invoices in two statements: one invoice per client with
 * completed orders not yet invoiced up to `periodEnd` (subtotal, what the
 * client paid before, the discount), then their lines. The unique keys
 * (client and period; an order on one invoice) make a second run a no-op.
 */
export async function issueInvoices(db: Database, tx: Tx, periodEnd: Date, now: Date): Promise<InvoiceRow[]> {
  const { rows } = await execute<InvoiceRow>(
    db,
    `WITH unbilled AS (
       SELECT b.client_id, b.price_cents, b.completed_at FROM billable_orders b
       WHERE b.completed_at <= $1 AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.order_id = b.order_id)
     ), per_client AS (
       SELECT client_id, sum(price_cents)::bigint AS subtotal, min(completed_at) AS first_completed FROM unbilled GROUP BY client_id
     ), paid AS (
       SELECT client_id, sum(total_cents)::bigint AS paid_before FROM invoices WHERE status = 'paid' GROUP BY client_id
     ), previous AS (
       SELECT client_id, max(period_end) AS last_end FROM invoices GROUP BY client_id
     ), priced AS (
       SELECT c.client_id, c.subtotal, least(coalesce(pr.last_end, c.first_completed), c.first_completed) AS period_start,
              coalesce(p.paid_before, 0) AS paid_before, billing_discount_rate(coalesce(p.paid_before, 0)) AS rate
       FROM per_client c LEFT JOIN paid p USING (client_id) LEFT JOIN previous pr USING (client_id)
     )
     INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, issued_at)
     SELECT client_id, period_start, $1, subtotal, paid_before, rate,
            (subtotal * rate * 100 + 5000) / 10000,
            subtotal - (subtotal * rate * 100 + 5000) / 10000, $2
     FROM priced
     ON CONFLICT (client_id, period_end) DO NOTHING
     RETURNING *`,
    [periodEnd, now],
    tx,
  );
  if (rows.length === 0) return rows;
  // Joined through the ids just returned, not the invoices table: its statistics do not know these rows yet,
  // and a plan built on "empty" would scan every order once per invoice.
  await execute(
    db,
    `INSERT INTO invoice_lines (invoice_id, order_id, price_cents, completed_at)
     SELECT i.id, b.order_id, b.price_cents, b.completed_at
     FROM unnest($2::uuid[], $3::uuid[]) AS i(id, client_id)
     JOIN billable_orders b ON b.client_id = i.client_id
     WHERE b.completed_at <= $1
     -- The unique key skips orders already on an invoice. (A NOT EXISTS on the table being filled would rescan it per row.)
     ON CONFLICT (order_id) DO NOTHING`,
    [periodEnd, rows.map((r) => r.id), rows.map((r) => r.client_id)],
    tx,
  );
  return rows;
}

/**
 * Pays unpaid invoices from client balances, oldest first, as far as each
 * balance goes (a running total), and posts each payment to the ledger —
 * set-based. Serialised by a transaction-level advisory lock, so two runs
 * (the Sunday job and a top-up) can never spend one balance twice.
 */
export async function payInvoices(db: Database, tx: Tx, now: Date, clientId?: string): Promise<{ id: string; client_id: string }[]> {
  await execute(db, 'SELECT pg_advisory_xact_lock(4242101)', [], tx);
  // Which invoices each balance covers, oldest first (a running total per client)…
  const payable = await sql<{ id: string }>(
    db,
    `WITH balances AS (
       SELECT a.owner_id AS client_id, sum(e.amount_cents) AS balance
       FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id
       WHERE a.kind = 'client' AND ($1::uuid IS NULL OR a.owner_id = $1)
       GROUP BY a.owner_id
     ), unpaid AS (
       SELECT i.id, i.client_id, sum(i.total_cents) OVER (PARTITION BY i.client_id ORDER BY i.period_end, i.id) AS running
       FROM invoices i WHERE i.status = 'unpaid' AND ($1::uuid IS NULL OR i.client_id = $1)
     )
     SELECT u.id FROM unpaid u LEFT JOIN balances b USING (client_id) WHERE u.running <= coalesce(b.balance, 0)`,
    [clientId ?? null],
    tx,
  );
  // …then paid by id (an UPDATE … FROM over rows this transaction just wrote is planned on stale statistics).
  const { rows } = await execute<{ id: string; client_id: string; total_cents: string }>(
    db,
    `UPDATE invoices SET status = 'paid', paid_at = $1 WHERE id = ANY($2::uuid[]) AND status = 'unpaid' RETURNING id, client_id, total_cents`,
    [now, payable.map((p) => p.id)],
    tx,
  );
  const charged = rows.filter((r) => BigInt(r.total_cents) > 0n);
  if (charged.length === 0) return rows;
  await execute(
    db,
    `INSERT INTO ledger_accounts (kind, owner_id, created_at) VALUES ('platform_revenue', NULL, $1) ON CONFLICT (kind, owner_id) DO NOTHING`,
    [now],
    tx,
  );
  const ids = charged.map((r) => r.id);
  const posted = await execute<{ id: string }>(
    db,
    `INSERT INTO ledger_transactions (kind, reference, description, occurred_at)
     SELECT 'invoice_payment', i.id::text, 'Invoice ' || i.id || ' paid from the balance', $2 FROM invoices i WHERE i.id = ANY($1::uuid[])
     ON CONFLICT (kind, reference) DO NOTHING RETURNING id`,
    [ids, now],
    tx,
  );
  // Entries only for the transactions this run created (never a NOT EXISTS on the table being filled).
  // Two equality joins (never an OR join: that is a nested loop over every account).
  await execute(
    db,
    `WITH fresh AS (
       SELECT t.id AS transaction_id, i.client_id, i.total_cents
       FROM invoices i JOIN ledger_transactions t ON t.kind = 'invoice_payment' AND t.reference = i.id::text
       WHERE i.id = ANY($1::uuid[]) AND t.id = ANY($2::uuid[])
     )
     INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
     SELECT f.transaction_id, a.id, -f.total_cents FROM fresh f JOIN ledger_accounts a ON a.kind = 'client' AND a.owner_id = f.client_id
     UNION ALL
     SELECT f.transaction_id, r.id, f.total_cents FROM fresh f
     CROSS JOIN (SELECT id FROM ledger_accounts WHERE kind = 'platform_revenue' AND owner_id IS NULL) r`,
    [ids, posted.rows.map((r) => r.id)],
    tx,
  );
  return rows;
}

export const findInvoice = async (db: Database, id: string) => (await sql<InvoiceRow>(db, 'SELECT * FROM invoices WHERE id = $1', [id]))[0];

export const linesOf = (db: Database, invoiceIds: string[]) =>
  sql<LineRow>(db, 'SELECT * FROM invoice_lines WHERE invoice_id = ANY($1::uuid[]) ORDER BY completed_at, order_id', [invoiceIds]);

export const listInvoiceRows = (db: Database, q: { clientId?: string; after?: { at: string; id: string }; limit: number }) => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.clientId) where.push(`client_id = $${params.push(q.clientId)}`);
  if (q.after) where.push(`(period_end, id) < ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<InvoiceRow>(
    db,
    `SELECT * FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_end DESC, id DESC LIMIT $${params.push(q.limit)}`,
    params,
  );
};

export async function unbilledOf(
  db: Database,
  clientId: string,
  upTo: Date,
): Promise<{ order_id: string; price_cents: string; completed_at: Date }[]> {
  return sql(
    db,
    `SELECT b.order_id, b.price_cents, b.completed_at FROM billable_orders b
     WHERE b.client_id = $1 AND b.completed_at <= $2 AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.order_id = b.order_id)
     ORDER BY b.completed_at, b.order_id`,
    [clientId, upTo],
  );
}

export async function paidBefore(db: Database, clientId: string): Promise<bigint> {
  const [row] = await sql<{ total: string | null }>(
    db,
    "SELECT sum(total_cents)::text AS total FROM invoices WHERE client_id = $1 AND status = 'paid'",
    [clientId],
  );
  return BigInt(row?.total ?? 0);
}

export async function lastPeriodEnd(db: Database, clientId: string): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(db, 'SELECT max(period_end) AS at FROM invoices WHERE client_id = $1', [clientId]);
  return row?.at ? new Date(row.at) : null;
}
