import { sql, execute, transaction, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { accountId } from './ledger.repository.ts';
import { type invoiceLinesView, invoicesTable } from './tables.ts';

export type InvoiceRow = RowOf<typeof invoicesTable>;
export type LineRow = RowOf<typeof invoiceLinesView>;

// Recording an order (shared) and closing a period (exclusive) exclude each other, so an order
// recorded while a Sunday run is closing its period waits and joins the next one.
const PERIODS_LOCK = 4_242_102;

/** The end of the last closed (invoiced) period, or null before the first run. */
export async function lastClosedPeriod(db: Database, tx?: Tx): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(db, 'SELECT max(period_end) AS at FROM billing_periods', [], tx);
  return row?.at ? new Date(row.at) : null;
}

/**
 * Records a completed order as billable once (a repeated event changes
 * nothing), in the period `periodFor` picks given the last closed one.
 */
export async function recordBillableOrder(
  db: Database,
  o: { orderId: string; clientId: string; workerId: string | null; priceCents: bigint; completedAt: Date },
  periodFor: (lastClosed: Date | null) => Date,
): Promise<void> {
  await transaction(db, async (tx) => {
    await execute(db, 'SELECT pg_advisory_xact_lock_shared($1)', [PERIODS_LOCK], tx);
    const periodEnd = periodFor(await lastClosedPeriod(db, tx));
    await execute(
      db,
      `INSERT INTO billable_orders (order_id, client_id, worker_id, price_cents, completed_at, period_end) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (order_id) DO NOTHING`,
      [o.orderId, o.clientId, o.workerId, o.priceCents.toString(), o.completedAt, periodEnd],
      tx,
    );
  });
}

/**
 * Records a tip once (a repeated event changes nothing) in the period
 * `periodFor` picks — the same rule as an order's, so a tip given after its
 * week was invoiced joins the next open period.
 */
export async function recordBillableTip(
  db: Database,
  t: { tipId: string; orderId: string; clientId: string; workerId: string; amountCents: bigint; tippedAt: Date },
  periodFor: (lastClosed: Date | null) => Date,
): Promise<void> {
  await transaction(db, async (tx) => {
    await execute(db, 'SELECT pg_advisory_xact_lock_shared($1)', [PERIODS_LOCK], tx);
    const periodEnd = periodFor(await lastClosedPeriod(db, tx));
    await execute(
      db,
      `INSERT INTO billable_tips (tip_id, order_id, client_id, worker_id, amount_cents, tipped_at, period_end) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tip_id) DO NOTHING`,
      [t.tipId, t.orderId, t.clientId, t.workerId, t.amountCents.toString(), t.tippedAt, periodEnd],
      tx,
    );
  });
}

/**
 * Starts closing the period ending `periodEnd`: waits for orders being
 * recorded, and answers the last closed period — or null when this period
 * (or a later one) is already closed, so a re-run issues nothing.
 */
export async function beginClosing(db: Database, tx: Tx, periodEnd: Date): Promise<{ lastClosed: Date | null } | null> {
  await execute(db, 'SELECT pg_advisory_xact_lock($1)', [PERIODS_LOCK], tx);
  const lastClosed = await lastClosedPeriod(db, tx);
  if (lastClosed && lastClosed.getTime() >= periodEnd.getTime()) return null;
  // Orders of a period whose run never happened (a missed Sunday) join this one, so none is left behind.
  await execute(
    db,
    "UPDATE billable_orders SET period_end = $1 WHERE period_end < $1 AND period_end > coalesce($2::timestamptz, '-infinity')",
    [periodEnd, lastClosed],
    tx,
  );
  await execute(
    db,
    "UPDATE billable_tips SET period_end = $1 WHERE period_end < $1 AND period_end > coalesce($2::timestamptz, '-infinity')",
    [periodEnd, lastClosed],
    tx,
  );
  return { lastClosed };
}

/** The period is invoiced: no order can join it any more (the database refuses). */
export const markClosed = (db: Database, tx: Tx, periodEnd: Date, now: Date) =>
  execute(db, 'INSERT INTO billing_periods (period_end, closed_at) VALUES ($1, $2)', [periodEnd, now], tx);

/**
 * How invoice payments reach the ledger, as the tail of one statement
 * (common table expressions): every paid invoice with a total in the CTE
 * `from` (columns id, client_id, total_cents, status) becomes its own
 * `invoice_payment` transaction, the client's account to platform revenue —
 * but its tips (column tips_cents) to the platform's `tips` account, which
 * owes them to the workers in full (the statement pays them out of it).
 * `at`, `revenueAccount` and `tipsAccount` are the statement's parameters
 * for the time and the two accounts' ids. Equality joins only (an OR join
 * is a nested loop over every account).
 */
function postInvoicePayments(p: { from: string; at: string; revenueAccount: string; tipsAccount: string }): string {
  return `posted AS (
       INSERT INTO ledger_transactions (kind, reference, description, occurred_at)
       SELECT 'invoice_payment', id::text, 'Invoice ' || id || ' paid from the balance', ${p.at}
       FROM ${p.from} WHERE status = 'paid' AND total_cents > 0
       RETURNING id, reference
     ), entries AS (
       INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
       SELECT t.id, a.id, -i.total_cents
       FROM posted t JOIN ${p.from} i ON i.id::text = t.reference JOIN ledger_accounts a ON a.kind = 'client' AND a.owner_id = i.client_id
       UNION ALL
       SELECT t.id, ${p.revenueAccount}::uuid, i.total_cents - i.tips_cents FROM posted t JOIN ${p.from} i ON i.id::text = t.reference
       WHERE i.total_cents - i.tips_cents <> 0
       UNION ALL
       SELECT t.id, ${p.tipsAccount}::uuid, i.tips_cents FROM posted t JOIN ${p.from} i ON i.id::text = t.reference WHERE i.tips_cents <> 0
     )`;
}

/**
 * Issues the period's invoices in one statement: one per client with
 * orders in the period (subtotal, what the client paid before, the
 * discount), paid at once where the balance covers it after the client's
 * older unpaid invoices (oldest first), each payment posted to the ledger
 * as its own transaction. Returns the counts.
 */
export async function issueInvoices(
  db: Database,
  tx: Tx,
  input: { periodEnd: Date; lastClosed: Date | null; now: Date; revenueAccountId: string; tipsAccountId: string },
): Promise<{ issued: number; paid: number }> {
  const [row] = await sql<{ issued: number; paid: number }>(
    db,
    // Named up front: pg_stat_activity keeps only the first kilobyte of a query's text.
    `/* billing: issue the period's invoices */
     WITH activity AS (
       SELECT client_id, price_cents AS subtotal, 0::bigint AS tips, completed_at AS at FROM billable_orders WHERE period_end = $1
       UNION ALL
       SELECT client_id, 0, amount_cents, tipped_at FROM billable_tips WHERE period_end = $1
     ), per_client AS (
       SELECT client_id, sum(subtotal)::bigint AS subtotal, sum(tips)::bigint AS tips, min(at) AS first_completed
       FROM activity GROUP BY client_id
     ), paid AS (
       -- What the client paid before, for the discount: its orders, not its tips (the platform keeps none of a tip).
       SELECT client_id, sum(total_cents - tips_cents)::bigint AS paid_before FROM invoices WHERE status = 'paid' GROUP BY client_id
     ), owed AS (
       SELECT client_id, sum(total_cents)::bigint AS owed FROM invoices WHERE status = 'unpaid' GROUP BY client_id
     ), balances AS (
       SELECT a.owner_id AS client_id, sum(e.amount_cents)::bigint AS balance
       FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id WHERE a.kind = 'client' GROUP BY a.owner_id
     ), priced AS (
       SELECT c.client_id, c.subtotal, c.tips, least(coalesce($3, c.first_completed), c.first_completed) AS period_start,
              coalesce(p.paid_before, 0) AS paid_before, billing_discount_rate(coalesce(p.paid_before, 0)) AS rate,
              coalesce(bal.balance, 0) - coalesce(o.owed, 0) AS available
       FROM per_client c LEFT JOIN paid p USING (client_id) LEFT JOIN owed o USING (client_id) LEFT JOIN balances bal USING (client_id)
     ), discounted AS (
       -- The discount is on the orders only: tips are added after it, in full.
       SELECT *, (subtotal * rate * 100 + 5000) / 10000 AS discount FROM priced
     ), totals AS (
       SELECT *, subtotal - discount + tips AS total FROM discounted
     ), issued AS (
       INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, tips_cents, total_cents, status, issued_at, paid_at)
       SELECT client_id, period_start, $1, subtotal, paid_before, rate, discount, tips, total,
              CASE WHEN total <= available THEN 'paid' ELSE 'unpaid' END, $2,
              CASE WHEN total <= available THEN $2::timestamptz END
       -- No ON CONFLICT: the period is open (checked under the lock), so a second invoice for a client and
       -- period is a bug the unique key must refuse loudly — and speculative insertion would cost a third more.
       FROM totals
       RETURNING id, client_id, total_cents, tips_cents, status
     ), ${postInvoicePayments({ from: 'issued', at: '$2', revenueAccount: '$4', tipsAccount: '$5' })}
     SELECT count(*)::int AS issued, (count(*) FILTER (WHERE status = 'paid'))::int AS paid FROM issued`,
    [input.periodEnd, input.now, input.lastClosed, input.revenueAccountId, input.tipsAccountId],
    tx,
  );
  return row ?? { issued: 0, paid: 0 };
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
  if (payable.length === 0) return [];
  // …then paid by id (an UPDATE … FROM over rows this transaction just wrote is planned on stale statistics), and posted.
  const revenueAccount = await accountId(db, tx, 'platform_revenue', null, now);
  const tipsAccount = await accountId(db, tx, 'tips', null, now);
  return sql<{ id: string; client_id: string }>(
    db,
    `WITH paid AS (
       UPDATE invoices SET status = 'paid', paid_at = $1 WHERE id = ANY($2::uuid[]) AND status = 'unpaid'
       RETURNING id, client_id, total_cents, tips_cents, status
     ), ${postInvoicePayments({ from: 'paid', at: '$1', revenueAccount: '$3', tipsAccount: '$4' })}
     SELECT id, client_id FROM paid`,
    [now, payable.map((p) => p.id), revenueAccount, tipsAccount],
    tx,
  );
}

export const findInvoice = async (db: Database, id: string) =>
  (await sql<InvoiceRow>(db, `SELECT ${invoicesTable.list} FROM invoices WHERE id = $1`, [id]))[0];

/** One line of an invoice: an order at its price, or a tip (its own line, never discounted). */
export type InvoiceLineRow = Pick<LineRow, 'invoice_id' | 'order_id' | 'price_cents' | 'completed_at'> & {
  kind: 'order' | 'tip';
  tip_id: string | null;
};

/** The invoices' lines: the orders (what the discount is on), then the tips, each in time order. */
export const linesOf = (db: Database, invoiceIds: string[], tx?: Tx) =>
  sql<InvoiceLineRow>(
    db,
    `SELECT invoice_id, 'order' AS kind, order_id, NULL::uuid AS tip_id, price_cents, completed_at FROM invoice_lines WHERE invoice_id = ANY($1::uuid[])
     UNION ALL
     SELECT invoice_id, 'tip', order_id, tip_id, amount_cents, tipped_at FROM invoice_tip_lines WHERE invoice_id = ANY($1::uuid[])
     ORDER BY kind, completed_at, order_id, tip_id`,
    [invoiceIds],
    tx,
  );

/** These invoices, or (`periodEnd`) every invoice of a period, as the transaction sees them. */
export const invoiceRowsOf = (db: Database, tx: Tx, of: { ids: string[] } | { periodEnd: Date }) =>
  'ids' in of
    ? sql<InvoiceRow>(db, `SELECT ${invoicesTable.list} FROM invoices WHERE id = ANY($1::uuid[]) ORDER BY id`, [of.ids], tx)
    : sql<InvoiceRow>(db, `SELECT ${invoicesTable.list} FROM invoices WHERE period_end = $1 ORDER BY id`, [of.periodEnd], tx);

export const listInvoiceRows = (db: Database, q: { clientId?: string; after?: { at: string; id: string }; limit: number }) => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.clientId) where.push(`client_id = $${params.push(q.clientId)}`);
  if (q.after) where.push(`(period_end, id) < ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<InvoiceRow>(
    db,
    `SELECT ${invoicesTable.list} FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_end DESC, id DESC LIMIT $${params.push(q.limit)}`,
    params,
  );
};

/** The client's orders in periods not closed yet: what its next invoice will be made of. */
export async function unbilledOf(db: Database, clientId: string): Promise<{ order_id: string; price_cents: string; completed_at: Date }[]> {
  return sql(
    db,
    `SELECT b.order_id, b.price_cents, b.completed_at FROM billable_orders b
     WHERE b.client_id = $1 AND b.period_end > coalesce((SELECT max(period_end) FROM billing_periods), '-infinity')
     ORDER BY b.completed_at, b.order_id`,
    [clientId],
  );
}

/** The client's tips in periods not closed yet: the tip lines of its next invoice. */
export async function unbilledTipsOf(
  db: Database,
  clientId: string,
): Promise<{ tip_id: string; order_id: string; amount_cents: string; tipped_at: Date }[]> {
  return sql(
    db,
    `SELECT t.tip_id, t.order_id, t.amount_cents, t.tipped_at FROM billable_tips t
     WHERE t.client_id = $1 AND t.period_end > coalesce((SELECT max(period_end) FROM billing_periods), '-infinity')
     ORDER BY t.tipped_at, t.tip_id`,
    [clientId],
  );
}

export async function paidBefore(db: Database, clientId: string): Promise<bigint> {
  const [row] = await sql<{ total: string | null }>(
    db,
    "SELECT sum(total_cents - tips_cents)::text AS total FROM invoices WHERE client_id = $1 AND status = 'paid'",
    [clientId],
  );
  return BigInt(row?.total ?? 0);
}
