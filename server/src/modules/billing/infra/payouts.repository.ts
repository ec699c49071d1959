import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { payoutsTable } from './tables.ts';

export type PayoutRow = RowOf<typeof payoutsTable>;

/** How many payouts one run of `billing.payouts` sends or polls; the rest wait for the next run. */
const BATCH = 50;

export const findPayout = async (db: Database, id: string) =>
  (await sql<PayoutRow>(db, `SELECT ${payoutsTable.list} FROM payouts WHERE id = $1`, [id]))[0];

export const lockPayout = async (db: Database, tx: Tx, id: string) =>
  (await sql<PayoutRow>(db, `SELECT ${payoutsTable.list} FROM payouts WHERE id = $1 FOR UPDATE`, [id], tx))[0];

export const lockPayoutByProviderId = async (db: Database, tx: Tx, providerPayoutId: string) =>
  (
    await sql<PayoutRow>(db, `SELECT ${payoutsTable.list} FROM payouts WHERE provider_payout_id = $1 FOR UPDATE`, [providerPayoutId], tx)
  )[0];

/** False when it was paid already (nothing changes then, so nothing is recorded twice). */
export async function markPayoutPaid(db: Database, tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await execute(
    db,
    `UPDATE payouts SET status = 'paid', paid_at = $2, next_attempt_at = NULL, next_poll_at = NULL, last_error = NULL, failure_reason = NULL
     WHERE id = $1 AND status <> 'paid'`,
    [id, now],
    tx,
  );
  return count > 0;
}

/** A failed try puts the payout back to pending until its retry; `newAttempt` when Golden Hat failed the attempt itself. */
export async function recordPayoutFailure(
  db: Database,
  tx: Tx,
  failure: { id: string; failures: number; lastError: string; reason: string; nextAttemptAt: Date; newAttempt: boolean },
): Promise<void> {
  await execute(
    db,
    `UPDATE payouts SET status = 'pending', failures = $2, last_error = $3, failure_reason = $6, next_attempt_at = $4, next_poll_at = NULL,
            attempt = attempt + $5 WHERE id = $1`,
    [failure.id, failure.failures, failure.lastError, failure.nextAttemptAt, failure.newAttempt ? 1 : 0, failure.reason],
    tx,
  );
}

export async function markPayoutProcessing(db: Database, tx: Tx, id: string, providerPayoutId: string, nextPollAt: Date): Promise<void> {
  await execute(
    db,
    "UPDATE payouts SET status = 'processing', provider_payout_id = $2, next_attempt_at = NULL, next_poll_at = $3 WHERE id = $1",
    [id, providerPayoutId, nextPollAt],
    tx,
  );
}

/** Claims the pending payouts due by `now` (holding them until `holdUntil`, so a parallel run skips them). */
export async function claimDuePayouts(db: Database, now: Date, holdUntil: Date): Promise<{ id: string }[]> {
  const { rows } = await execute<{ id: string }>(
    db,
    `UPDATE payouts SET next_attempt_at = $2 WHERE id IN (
       SELECT id FROM payouts WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [now, holdUntil],
  );
  return rows;
}

/** Claims the processing payouts whose poll is due, moving their next poll to `nextPollAt`. */
export async function claimPayoutsToPoll(db: Database, now: Date, nextPollAt: Date): Promise<PayoutRow[]> {
  const { rows } = await execute<PayoutRow>(
    db,
    `UPDATE payouts SET next_poll_at = $2 WHERE id IN (
       SELECT id FROM payouts WHERE status = 'processing' AND next_poll_at <= $1 ORDER BY next_poll_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
     RETURNING ${payoutsTable.list}`,
    [now, nextPollAt],
  );
  return rows;
}

export async function nextPendingPayoutAt(db: Database): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(db, "SELECT min(next_attempt_at) AS at FROM payouts WHERE status = 'pending'");
  return row?.at ? new Date(row.at) : null;
}

export async function makePayoutDue(db: Database, tx: Tx, id: string, at: Date): Promise<void> {
  await execute(db, 'UPDATE payouts SET next_attempt_at = $2 WHERE id = $1', [id, at], tx);
}

/** Records a Golden Hat callback event; false when its id was seen before. */
export async function recordGoldenHatEvent(db: Database, tx: Tx, event: { id: string; type: string; receivedAt: Date }): Promise<boolean> {
  const { rows } = await execute(
    db,
    'INSERT INTO golden_hat_events (id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id',
    [event.id, event.type, event.receivedAt],
    tx,
  );
  return rows.length > 0;
}

/** These payouts as the transaction sees them (by id, or by their statements). */
export const payoutRowsOf = (db: Database, tx: Tx, by: { ids?: string[]; statementIds?: string[] }) =>
  sql<PayoutRow>(
    db,
    `SELECT ${payoutsTable.list} FROM payouts WHERE id = ANY($1::uuid[]) OR statement_id = ANY($2::uuid[]) ORDER BY created_at, id`,
    [by.ids ?? [], by.statementIds ?? []],
    tx,
  );

/** Newest first, keyset-paged on (created_at, id). */
export function listPayoutRows(
  db: Database,
  q: { workerId?: string; status?: string; statementId?: string; after?: { at: string; id: string }; limit: number },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.workerId) where.push(`worker_id = $${params.push(q.workerId)}`);
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.statementId) where.push(`statement_id = $${params.push(q.statementId)}`);
  if (q.after) where.push(`(created_at, id) < ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<PayoutRow>(
    db,
    `SELECT ${payoutsTable.list} FROM payouts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC LIMIT $${params.push(q.limit)}`,
    params,
  );
}
