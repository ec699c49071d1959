import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { statementLinesTable, statementsTable } from './tables.ts';

export type StatementRow = RowOf<typeof statementsTable>;
export type StatementLineRow = RowOf<typeof statementLinesTable>;

/** Records what an order came to for its worker, once (a repeated event changes nothing). */
export async function recordOutcome(
  db: Database,
  o: { orderId: string; workerId: string; outcome: 'completed' | 'failed'; priceCents: bigint; at: Date },
): Promise<void> {
  await execute(
    db,
    `INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id) DO NOTHING`,
    [o.orderId, o.workerId, o.outcome, o.priceCents.toString(), o.at],
  );
}

/**
 * Issues the month's statements set-based (SPEC §8): for every worker with
 * orders finished or rewards granted since its last statement, 60 % of each
 * completed order (rounded half up per order), 40 per failed order, the
 * rewards, and the debt carried from a negative previous statement. Lines
 * keep each order and reward traceable; each is on exactly one statement,
 * and there is one statement per worker and month.
 */
export async function issueStatements(db: Database, tx: Tx, periodEnd: Date, now: Date): Promise<StatementRow[]> {
  const { rows } = await execute<StatementRow>(
    db,
    `WITH pending_outcomes AS (
       SELECT o.* FROM worker_outcomes o
       WHERE o.at <= $1 AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.order_id = o.order_id)
     ), pending_rewards AS (
       SELECT r.* FROM rewards r
       WHERE r.created_at <= $1 AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.reward_id = r.id)
     ), pending_corrections AS (
       -- Fines a quality review reversed (already in the ledger: stated here, posted when made).
       SELECT c.* FROM review_corrections c
       WHERE c.kind = 'fine_reversal' AND c.created_at <= $1 AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.correction_id = c.id)
     ), pending_tips AS (
       -- Clients' tips on the worker's orders, paid in full (billing records each once, from orders' order.tipped).
       SELECT t.* FROM billable_tips t
       WHERE t.tipped_at <= $1 AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.tip_id = t.tip_id)
     ), activity AS (
       SELECT worker_id,
              sum(CASE WHEN outcome = 'completed' THEN (price_cents * 6000 + 5000) / 10000 ELSE 0 END) AS earned,
              sum(CASE WHEN outcome = 'failed' THEN 4000 ELSE 0 END) AS fines,
              0::numeric AS rewards, 0::numeric AS adjustments, 0::numeric AS tips, min(at) AS first_at
       FROM pending_outcomes GROUP BY worker_id
       UNION ALL
       SELECT worker_id, 0, 0, sum(amount_cents), 0, 0, min(created_at) FROM pending_rewards GROUP BY worker_id
       UNION ALL
       SELECT worker_id, 0, 0, 0, sum(amount_cents), 0, min(created_at) FROM pending_corrections GROUP BY worker_id
       UNION ALL
       SELECT worker_id, 0, 0, 0, 0, sum(amount_cents), min(tipped_at) FROM pending_tips GROUP BY worker_id
     ), per_worker AS (
       SELECT worker_id, sum(earned)::bigint AS earned, sum(fines)::bigint AS fines, sum(rewards)::bigint AS rewards,
              sum(adjustments)::bigint AS adjustments, sum(tips)::bigint AS tips, min(first_at) AS first_at
       FROM activity GROUP BY worker_id
     ), previous AS (
       SELECT DISTINCT ON (worker_id) worker_id, period_end, net_cents FROM statements ORDER BY worker_id, period_end DESC
     ), computed AS (
       SELECT w.worker_id, least(coalesce(p.period_end, w.first_at), w.first_at) AS period_start, w.earned, w.fines, w.rewards, w.adjustments, w.tips,
              CASE WHEN p.net_cents < 0 THEN -p.net_cents ELSE 0 END AS debt
       FROM per_worker w LEFT JOIN previous p USING (worker_id)
     ), netted AS (
       SELECT c.*, c.earned - c.fines + c.rewards + c.adjustments + c.tips - c.debt AS net FROM computed c
     )
     INSERT INTO statements (worker_id, period_start, period_end, earned_cents, fines_cents, rewards_cents, adjustments_cents, tips_cents, debt_carried_cents, net_cents, status, issued_at, paid_at)
     SELECT worker_id, period_start, $1, earned, fines, rewards, adjustments, tips, debt, net,
            CASE WHEN net < 0 THEN 'debt' WHEN net = 0 THEN 'paid' ELSE 'payable' END,
            $2, CASE WHEN net = 0 THEN $2::timestamptz END
     FROM netted
     ON CONFLICT (worker_id, period_end) DO NOTHING
     RETURNING ${statementsTable.list}`,
    [periodEnd, now],
    tx,
  );
  if (rows.length === 0) return rows;
  const ids = rows.map((r) => r.id);
  await execute(
    db,
    `INSERT INTO statement_lines (statement_id, kind, order_id, reward_id, amount_cents, at, correction_id, description, tip_id)
     SELECT s.id, CASE WHEN o.outcome = 'completed' THEN 'earning' ELSE 'fine' END, o.order_id, NULL::uuid,
            CASE WHEN o.outcome = 'completed' THEN (o.price_cents * 6000 + 5000) / 10000 ELSE -4000 END, o.at, NULL::uuid, NULL::text, NULL::uuid
     FROM statements s JOIN worker_outcomes o ON o.worker_id = s.worker_id
     WHERE s.id = ANY($1::uuid[]) AND o.at <= $2
     UNION ALL
     SELECT s.id, 'reward', NULL, r.id, r.amount_cents, r.created_at, NULL, NULL, NULL
     FROM statements s JOIN rewards r ON r.worker_id = s.worker_id
     WHERE s.id = ANY($1::uuid[]) AND r.created_at <= $2
     UNION ALL
     SELECT s.id, 'adjustment', NULL, NULL, c.amount_cents, c.created_at, c.id, c.description, NULL
     FROM statements s JOIN review_corrections c ON c.worker_id = s.worker_id AND c.kind = 'fine_reversal'
     WHERE s.id = ANY($1::uuid[]) AND c.created_at <= $2
     UNION ALL
     SELECT s.id, 'tip', t.order_id, NULL, t.amount_cents, t.tipped_at, NULL, NULL, t.tip_id
     FROM statements s JOIN billable_tips t ON t.worker_id = s.worker_id
     WHERE s.id = ANY($1::uuid[]) AND t.tipped_at <= $2
     -- The unique keys skip orders and rewards already stated. (A NOT EXISTS on the table being filled would rescan it per row.)
     ON CONFLICT DO NOTHING`,
    [ids, periodEnd],
    tx,
  );
  // The month in the ledger: earnings from platform revenue, fines to the fines account, rewards from the rewards account,
  // tips from the tips account (what clients' invoices put there: the worker's in full).
  await execute(
    db,
    `INSERT INTO ledger_accounts (kind, owner_id, created_at)
     SELECT 'worker', worker_id, $2::timestamptz FROM statements WHERE id = ANY($1::uuid[])
     UNION ALL SELECT k, NULL::uuid, $2::timestamptz FROM unnest(ARRAY['platform_revenue', 'fines', 'rewards', 'tips']) k
     ON CONFLICT (kind, owner_id) DO NOTHING`,
    [ids, now],
    tx,
  );
  const posted = await execute<{ id: string }>(
    db,
    `INSERT INTO ledger_transactions (kind, reference, description, occurred_at)
     SELECT 'statement', id::text, 'Statement ' || id, $2 FROM statements WHERE id = ANY($1::uuid[])
     ON CONFLICT (kind, reference) DO NOTHING RETURNING id`,
    [ids, now],
    tx,
  );
  // Equality joins only: the worker's own account by owner, the platform's four by kind.
  await execute(
    db,
    `WITH fresh AS (
       SELECT t.id AS transaction_id, s.*
       FROM statements s JOIN ledger_transactions t ON t.kind = 'statement' AND t.reference = s.id::text
       WHERE s.id = ANY($1::uuid[]) AND t.id = ANY($2::uuid[])
     ), platform AS (
       SELECT kind, id FROM ledger_accounts WHERE kind IN ('platform_revenue', 'fines', 'rewards', 'tips') AND owner_id IS NULL
     ), amounts AS (
       SELECT f.transaction_id, f.worker_id, v.kind, v.amount
       FROM fresh f CROSS JOIN LATERAL (VALUES
         ('platform_revenue', -f.earned_cents), ('worker', f.earned_cents),
         ('worker', -f.fines_cents), ('fines', f.fines_cents),
         ('rewards', -f.rewards_cents), ('worker', f.rewards_cents),
         ('tips', -f.tips_cents), ('worker', f.tips_cents)
       ) AS v(kind, amount)
       WHERE v.amount <> 0
     )
     INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
     SELECT m.transaction_id, a.id, m.amount FROM amounts m JOIN ledger_accounts a ON a.kind = 'worker' AND a.owner_id = m.worker_id WHERE m.kind = 'worker'
     UNION ALL
     SELECT m.transaction_id, p.id, m.amount FROM amounts m JOIN platform p ON p.kind = m.kind WHERE m.kind <> 'worker'`,
    [ids, posted.rows.map((r) => r.id)],
    tx,
  );
  // A payable month gets its payout, sent by `billing.payouts`.
  await execute(
    db,
    `INSERT INTO payouts (statement_id, worker_id, amount_cents, next_attempt_at, created_at)
     SELECT id, worker_id, net_cents, $2, $2 FROM statements WHERE id = ANY($1::uuid[]) AND status = 'payable'
     ON CONFLICT (statement_id) DO NOTHING`,
    [ids, now],
    tx,
  );
  return rows;
}

export const listStatementRows = (db: Database, q: { workerId?: string; after?: { at: string; id: string }; limit: number }) => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.workerId) where.push(`worker_id = $${params.push(q.workerId)}`);
  if (q.after) where.push(`(period_end, id) < ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<StatementRow>(
    db,
    `SELECT ${statementsTable.list} FROM statements ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_end DESC, id DESC LIMIT $${params.push(q.limit)}`,
    params,
  );
};

export const statementLinesOf = (db: Database, ids: string[], tx?: Tx) =>
  sql<StatementLineRow>(
    db,
    `SELECT ${statementLinesTable.list} FROM statement_lines WHERE statement_id = ANY($1::uuid[]) ORDER BY at, kind`,
    [ids],
    tx,
  );

/** These statements as the transaction sees them. */
export const statementRowsOf = (db: Database, tx: Tx, ids: string[]) =>
  sql<StatementRow>(db, `SELECT ${statementsTable.list} FROM statements WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids], tx);

export async function insertReward(
  db: Database,
  tx: Tx,
  r: { workerId: string; amountCents: bigint; reason: string; createdBy: string; now: Date },
): Promise<{ id: string; created_at: Date }> {
  const { rows } = await execute<{ id: string; created_at: Date }>(
    db,
    'INSERT INTO rewards (worker_id, amount_cents, reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at',
    [r.workerId, r.amountCents.toString(), r.reason, r.createdBy, r.now],
    tx,
  );
  return rows[0]!;
}

/** A worker's earnings in [from, to): completed and failed orders, rewards and reversed fines, whether stated yet or not. */
export async function earningsBetween(db: Database, workerId: string, from: Date, to: Date) {
  const [row] = await sql<{
    earned: string;
    fines: string;
    completed: string;
    failed: string;
    rewards: string;
    adjustments: string;
    tips: string;
  }>(
    db,
    `SELECT
       coalesce((SELECT sum((price_cents * 6000 + 5000) / 10000) FROM worker_outcomes WHERE worker_id = $1 AND outcome = 'completed' AND at >= $2 AND at < $3), 0)::text AS earned,
       coalesce((SELECT count(*) * 4000 FROM worker_outcomes WHERE worker_id = $1 AND outcome = 'failed' AND at >= $2 AND at < $3), 0)::text AS fines,
       (SELECT count(*) FROM worker_outcomes WHERE worker_id = $1 AND outcome = 'completed' AND at >= $2 AND at < $3)::text AS completed,
       (SELECT count(*) FROM worker_outcomes WHERE worker_id = $1 AND outcome = 'failed' AND at >= $2 AND at < $3)::text AS failed,
       coalesce((SELECT sum(amount_cents) FROM rewards WHERE worker_id = $1 AND created_at >= $2 AND created_at < $3), 0)::text AS rewards,
       coalesce((SELECT sum(amount_cents) FROM review_corrections WHERE worker_id = $1 AND kind = 'fine_reversal' AND created_at >= $2 AND created_at < $3), 0)::text AS adjustments,
       -- Clients' tips, in full, by when they were given (as the statement takes them); index billable_tips_worker.
       coalesce((SELECT sum(amount_cents) FROM billable_tips WHERE worker_id = $1 AND tipped_at >= $2 AND tipped_at < $3), 0)::text AS tips`,
    [workerId, from, to],
  );
  return row!;
}

/** Its payout was paid: a payable statement is paid (a statement already paid stays as it is). */
export async function markStatementPaid(db: Database, tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await execute(
    db,
    "UPDATE statements SET status = 'paid', paid_at = $2 WHERE id = $1 AND status = 'payable'",
    [id, now],
    tx,
  );
  return count > 0;
}

export const findStatement = async (db: Database, id: string) =>
  (await sql<StatementRow>(db, `SELECT ${statementsTable.list} FROM statements WHERE id = $1`, [id]))[0];
