import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { reviewCorrectionsTable } from './tables.ts';

export type CorrectionRow = RowOf<typeof reviewCorrectionsTable>;
const COLUMNS = reviewCorrectionsTable.list;

/** Records a correction once per kind and review (and per kind and order); undefined when one was already recorded. */
export async function insertCorrection(
  db: Database,
  tx: Tx,
  c: Omit<CorrectionRow, 'id' | 'amount_cents'> & { amount_cents: bigint },
): Promise<CorrectionRow | undefined> {
  const { rows } = await execute<CorrectionRow>(
    db,
    `INSERT INTO review_corrections (kind, review_id, order_id, worker_id, client_id, amount_cents, description, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [c.kind, c.review_id, c.order_id, c.worker_id, c.client_id, c.amount_cents.toString(), c.description, c.created_at],
    tx,
  );
  return rows[0];
}

export const correctionOfOrder = async (db: Database, kind: CorrectionRow['kind'], orderId: string, tx?: Tx) =>
  (await sql<CorrectionRow>(db, `SELECT ${COLUMNS} FROM review_corrections WHERE kind = $1 AND order_id = $2`, [kind, orderId], tx))[0];

/** The worker's recorded outcome of an order (the fine is on its statement when it is `failed`). */
export const outcomeOfOrder = async (db: Database, orderId: string, tx?: Tx) =>
  (
    await sql<{ worker_id: string; outcome: 'completed' | 'failed'; price_cents: string; at: Date }>(
      db,
      'SELECT worker_id, outcome, price_cents, at FROM worker_outcomes WHERE order_id = $1',
      [orderId],
      tx,
    )
  )[0];

/** The order as billed: its billable row and, once its week is closed, its invoice. */
export const billedOrder = async (db: Database, orderId: string, tx?: Tx) =>
  (
    await sql<{
      order_id: string;
      client_id: string;
      price_cents: string;
      completed_at: Date;
      period_end: Date;
      invoice_id: string | null;
      invoice_status: 'paid' | 'unpaid' | null;
    }>(
      db,
      `SELECT b.order_id, b.client_id, b.price_cents, b.completed_at, b.period_end, i.id AS invoice_id, i.status AS invoice_status
       FROM billable_orders b LEFT JOIN invoices i ON i.client_id = b.client_id AND i.period_end = b.period_end
       WHERE b.order_id = $1`,
      [orderId],
      tx,
    )
  )[0];

/** A worker's latest outcomes, newest first, with whether a review reversed each fine. */
export const recentOutcomes = (db: Database, workerId: string, limit: number) =>
  sql<{ order_id: string; outcome: 'completed' | 'failed'; at: Date; fine_reversed: boolean }>(
    db,
    `SELECT o.order_id, o.outcome, o.at,
            EXISTS (SELECT 1 FROM review_corrections c WHERE c.kind = 'fine_reversal' AND c.order_id = o.order_id) AS fine_reversed
     FROM worker_outcomes o WHERE o.worker_id = $1 ORDER BY o.at DESC, o.order_id LIMIT $2`,
    [workerId, limit],
  );

export const outcomeTotals = async (db: Database, workerId: string) =>
  (
    await sql<{ completed: string; failed: string }>(
      db,
      `SELECT count(*) FILTER (WHERE outcome = 'completed')::text AS completed, count(*) FILTER (WHERE outcome = 'failed')::text AS failed
       FROM worker_outcomes WHERE worker_id = $1`,
      [workerId],
    )
  )[0]!;
