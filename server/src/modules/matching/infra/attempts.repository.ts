import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';

export interface MatchingAttempt {
  orderId: string;
  at: Date;
  strategy: string;
  candidates: string[];
  refused: string[];
  chosen: string | null;
  priceCents: bigint | null;
  pricing: string | null;
  outcome: 'assigned' | 'no_worker_free' | 'order_moved_on';
  ranking: string;
  note: string | null;
}

export async function recordAttempt(db: Database, attempt: MatchingAttempt, tx?: Tx): Promise<void> {
  await execute(
    db,
    `INSERT INTO matching_attempts (order_id, attempted_at, strategy, candidates, refused, chosen, price_cents, pricing, outcome, ranking, note, ended_at)
     VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6, $7, $8, $9, $10, $11, $2)`,
    [
      attempt.orderId,
      attempt.at,
      attempt.strategy,
      attempt.candidates,
      attempt.refused,
      attempt.chosen,
      attempt.priceCents === null ? null : attempt.priceCents.toString(),
      attempt.pricing,
      attempt.outcome,
      attempt.ranking,
      attempt.note,
    ],
    tx,
  );
}

/**
 * When each of these orders was last tried (absent: never): an offers
 * round counts from its end, and one still open (`offering`) is not over,
 * so its order is not tried again meanwhile (`open`).
 */
export async function lastAttempts(db: Database, orderIds: string[]): Promise<Map<string, { at: Date; open: boolean }>> {
  if (orderIds.length === 0) return new Map();
  const rows = await sql<{ order_id: string; at: Date; open: boolean }>(
    db,
    `SELECT order_id, max(coalesce(ended_at, attempted_at)) AS at, bool_or(outcome = 'offering') AS open
       FROM matching_attempts WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`,
    [orderIds],
  );
  return new Map(rows.map((r) => [r.order_id, { at: new Date(r.at), open: r.open }]));
}
