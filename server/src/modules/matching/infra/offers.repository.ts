import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import type { OfferStatus } from '../domain/offers.ts';
import { matchingAttemptsTable, matchingOffersTable } from './attempts.table.ts';

export type OfferRow = RowOf<typeof matchingOffersTable>;
export type RoundRow = RowOf<typeof matchingAttemptsTable>;

/**
 * Serialises every change to one order's offers round (its start, an
 * answer, a lapse, a withdrawal) for the rest of the transaction. The
 * conditional updates below are the last word on each offer; this lock
 * keeps two of them from both moving the round on (two "next" offers).
 */
export async function lockOrderRound(db: Database, tx: Tx, orderId: string): Promise<void> {
  await sql(db, "SELECT pg_advisory_xact_lock(hashtextextended('matching-round:' || $1::text, 0))", [orderId], tx);
}

/** The order's open offers round (at most one: rounds are opened under the order's lock). */
export async function openRoundOf(db: Database, tx: Tx, orderId: string): Promise<RoundRow | undefined> {
  const [row] = await sql<RoundRow>(
    db,
    `SELECT ${matchingAttemptsTable.list} FROM matching_attempts WHERE order_id = $1 AND outcome = 'offering' FOR UPDATE`,
    [orderId],
    tx,
  );
  return row;
}

/** A round by its id (held under the order's round lock by the caller). */
export async function roundOf(db: Database, tx: Tx, attemptId: string): Promise<RoundRow> {
  const [row] = await sql<RoundRow>(db, `SELECT ${matchingAttemptsTable.list} FROM matching_attempts WHERE id = $1`, [attemptId], tx);
  if (!row) throw new Error(`matching attempt ${attemptId} not found`);
  return row;
}

export async function openRound(
  db: Database,
  tx: Tx,
  round: { orderId: string; at: Date; ranking: string; note: string | null; candidates: string[]; afterEdit?: string },
): Promise<RoundRow> {
  const { rows } = await execute<RoundRow>(
    db,
    `INSERT INTO matching_attempts (order_id, attempted_at, strategy, candidates, outcome, ranking, note, after_edit)
     VALUES ($1, $2, 'offers', $3::uuid[], 'offering', $4, $5, $6) RETURNING ${matchingAttemptsTable.list}`,
    [round.orderId, round.at, round.candidates, round.ranking, round.note, round.afterEdit ?? null],
    tx,
  );
  return rows[0]!;
}

/** Notes workers skipped as busy and the worker asked now (the round's record of who was asked). */
export async function noteAsked(db: Database, tx: Tx, attemptId: string, skipped: string[], offered: string | null): Promise<void> {
  await execute(
    db,
    `UPDATE matching_attempts SET refused = refused || $2::uuid[], offered = offered || $3::uuid[] WHERE id = $1`,
    [attemptId, skipped, offered ? [offered] : []],
    tx,
  );
}

/** Whether a round was already opened for this `order.edited` event (a repeated delivery). */
export async function roundAfterEdit(db: Database, tx: Tx, eventId: string): Promise<boolean> {
  return (await sql(db, 'SELECT 1 FROM matching_attempts WHERE after_edit = $1', [eventId], tx)).length > 0;
}

/** Ends an open round: assigned (with the worker and price), no_worker_free, order_moved_on or order_edited. */
export async function closeRound(
  db: Database,
  tx: Tx,
  attemptId: string,
  end: {
    outcome: 'assigned' | 'no_worker_free' | 'order_moved_on' | 'order_edited';
    at: Date;
    chosen?: string;
    priceCents?: bigint;
    pricing?: string;
  },
): Promise<void> {
  await execute(
    db,
    `UPDATE matching_attempts SET outcome = $2, ended_at = $3, chosen = $4, price_cents = $5, pricing = $6
     WHERE id = $1 AND outcome = 'offering'`,
    [attemptId, end.outcome, end.at, end.chosen ?? null, end.priceCents?.toString() ?? null, end.pricing ?? null],
    tx,
  );
}

export async function insertOffer(
  db: Database,
  tx: Tx,
  offer: { attemptId: string; orderId: string; workerId: string; position: number; offeredAt: Date; expiresAt: Date },
): Promise<OfferRow> {
  const { rows } = await execute<OfferRow>(
    db,
    `INSERT INTO matching_offers (attempt_id, order_id, worker_id, position, status, offered_at, expires_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING ${matchingOffersTable.list}`,
    [offer.attemptId, offer.orderId, offer.workerId, offer.position, offer.offeredAt, offer.expiresAt],
    tx,
  );
  return rows[0]!;
}

export async function findOffer(db: Database, offerId: string, tx?: Tx, lock = false): Promise<OfferRow | undefined> {
  const [row] = await sql<OfferRow>(
    db,
    `SELECT ${matchingOffersTable.list} FROM matching_offers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [offerId],
    tx,
  );
  return row;
}

/** The last offer of a round (the next candidate is looked for after its position). */
export async function lastOfferOfRound(db: Database, tx: Tx, attemptId: string): Promise<OfferRow | undefined> {
  const [row] = await sql<OfferRow>(
    db,
    `SELECT ${matchingOffersTable.list} FROM matching_offers WHERE attempt_id = $1 ORDER BY position DESC LIMIT 1`,
    [attemptId],
    tx,
  );
  return row;
}

/**
 * Answers a pending offer, only while it is still pending and — for an
 * answer from the worker — before its deadline on the platform clock
 * (`openUntil`): the one write a racing accept, decline or deadline run
 * can win. Returns whether this call won it.
 */
export async function answerOffer(
  db: Database,
  tx: Tx,
  offerId: string,
  to: Exclude<OfferStatus, 'pending'>,
  at: Date,
  openUntil: 'deadline' | 'always',
): Promise<boolean> {
  const { count } = await execute(
    db,
    `UPDATE matching_offers SET status = $2, answered_at = $3
     WHERE id = $1 AND status = 'pending' AND ($4::boolean OR expires_at > $3)`,
    [offerId, to, at, openUntil === 'always'],
    tx,
  );
  return count === 1;
}

/** The order's pending offer, if any, locked. */
export async function pendingOfferOf(db: Database, tx: Tx, orderId: string): Promise<OfferRow | undefined> {
  const [row] = await sql<OfferRow>(
    db,
    `SELECT ${matchingOffersTable.list} FROM matching_offers WHERE order_id = $1 AND status = 'pending' FOR UPDATE`,
    [orderId],
    tx,
  );
  return row;
}

/** Pending offers whose deadline is at or before `asOf`, earliest first (the deadline job's work). */
export async function lapsedOfferRows(db: Database, asOf: Date, limit = 500): Promise<OfferRow[]> {
  return sql<OfferRow>(
    db,
    `SELECT ${matchingOffersTable.list} FROM matching_offers WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at, id LIMIT $2`,
    [asOf, limit],
  );
}

/** The earliest pending deadline (the sandbox clock steps to it). */
export async function earliestPendingDeadline(db: Database): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(db, "SELECT min(expires_at) AS at FROM matching_offers WHERE status = 'pending'");
  return row?.at ? new Date(row.at) : null;
}

/** A worker's offers, newest first, keyset-paged, optionally of one status. */
export async function offerRowsOfWorker(
  db: Database,
  q: { workerId: string; status?: OfferStatus; after?: { at: string; id: string }; limit: number },
): Promise<OfferRow[]> {
  return sql<OfferRow>(
    db,
    `SELECT ${matchingOffersTable.list} FROM matching_offers
     WHERE worker_id = $1 AND ($2::text IS NULL OR status = $2)
       AND ($3::timestamptz IS NULL OR (offered_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY offered_at DESC, id DESC LIMIT $5`,
    [q.workerId, q.status ?? null, q.after?.at ?? null, q.after?.id ?? null, q.limit],
  );
}
