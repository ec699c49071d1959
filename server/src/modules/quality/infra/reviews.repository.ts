import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { Answers } from '../domain/forms.ts';
import type { ReviewReason, ReviewStatus, Verdict } from '../domain/review-lifecycle.ts';
import { reviewsTable, type ReviewRow } from './tables.ts';

const COLUMNS = reviewsTable.list;

/** Opens a review; undefined when the order already has one for this reason (an open manual one, for `manual`). */
export async function insertReview(
  db: Database,
  tx: Tx,
  r: { orderId: string; reason: ReviewReason; openedBy: string | null; now: Date },
): Promise<ReviewRow | undefined> {
  const { rows } = await execute<ReviewRow>(
    db,
    `INSERT INTO reviews (order_id, reason, status, opened_by, created_at) VALUES ($1, $2, 'open', $3, $4)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [r.orderId, r.reason, r.openedBy, r.now],
    tx,
  );
  return rows[0];
}

export const findOpenManualReview = async (db: Database, orderId: string, tx?: Tx) =>
  (
    await sql<ReviewRow>(db, `SELECT ${COLUMNS} FROM reviews WHERE order_id = $1 AND reason = 'manual' AND status = 'open'`, [orderId], tx)
  )[0];

export const findReview = async (db: Database, id: string, tx?: Tx, lock = false) =>
  (await sql<ReviewRow>(db, `SELECT ${COLUMNS} FROM reviews WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id], tx))[0];

export const reviewsOfOrder = (db: Database, orderId: string) =>
  sql<ReviewRow>(db, `SELECT ${COLUMNS} FROM reviews WHERE order_id = $1 ORDER BY created_at, id`, [orderId]);

/** The queue: open first, then oldest first; the cursor is the last row's (time, id), its rank read from that row. */
export function listReviewRows(
  db: Database,
  q: { status?: ReviewStatus; reason?: ReviewReason; after?: { at: string; id: string; rank?: number }; limit: number },
): Promise<ReviewRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.reason) where.push(`reason = $${params.push(q.reason)}`);
  if (q.after) {
    const at = `$${params.push(q.after.at)}::timestamptz`;
    const id = `$${params.push(q.after.id)}::uuid`;
    // The cursor's group as the page showed it (a review done since stays where it was: the open ones after it follow);
    // a cursor without one (issued before it carried the group) reads it from the row.
    const rank =
      q.after.rank !== undefined
        ? `$${params.push(q.after.rank)}::int`
        : `coalesce((SELECT (status <> 'open')::int FROM reviews WHERE id = ${id}), 1)`;
    where.push(`((status <> 'open')::int, created_at, id) > (${rank}, ${at}, ${id})`);
  }
  return sql<ReviewRow>(
    db,
    `SELECT ${COLUMNS} FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY (status <> 'open')::int, created_at, id LIMIT $${params.push(q.limit)}`,
    params,
  );
}

export async function completeReview(
  db: Database,
  tx: Tx,
  id: string,
  r: {
    formId: string;
    formVersion: number;
    answers: Answers;
    verdict: Verdict;
    clientFeedback: string | null;
    reviewerId: string;
    fineReversed: boolean;
    refundedCents: bigint | null;
    now: Date;
  },
): Promise<ReviewRow> {
  const { rows } = await execute<ReviewRow>(
    db,
    `UPDATE reviews SET status = 'done', form_id = $2, form_version = $3, answers = $4::jsonb, verdict = $5, client_feedback = $6,
            reviewer_id = $7, fine_reversed = $8, refunded_cents = $9, completed_at = $10
     WHERE id = $1 AND status = 'open' RETURNING ${COLUMNS}`,
    [
      id,
      r.formId,
      r.formVersion,
      JSON.stringify(r.answers),
      r.verdict,
      r.clientFeedback,
      r.reviewerId,
      r.fineReversed,
      r.refundedCents === null ? null : r.refundedCents.toString(),
      r.now,
    ],
    tx,
  );
  return rows[0]!;
}

/** Draws a completed order for sampling once: false when it was drawn before (a repeated event draws nothing). */
export async function recordSamplingDraw(db: Database, tx: Tx, orderId: string, sampled: boolean, now: Date): Promise<boolean> {
  const { rows } = await execute(
    db,
    'INSERT INTO review_sampling_draws (order_id, sampled, drawn_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING order_id',
    [orderId, sampled, now],
    tx,
  );
  return rows.length > 0;
}

/** What a client said on review calls about its orders (its personal data, SPEC §12). */
export const feedbackOnOrders = (db: Database, orderIds: string[]) =>
  sql<{
    id: string;
    orderId: string;
    reason: string;
    status: string;
    verdict: string | null;
    clientFeedback: string | null;
    completedAt: Date | null;
  }>(
    db,
    `SELECT id, order_id AS "orderId", reason, status, verdict, client_feedback AS "clientFeedback", completed_at AS "completedAt"
     FROM reviews WHERE order_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [orderIds],
  );

export const eraseFeedbackOnOrders = (db: Database, tx: Tx, orderIds: string[]) =>
  execute(
    db,
    "UPDATE reviews SET client_feedback = '[erased]' WHERE order_id = ANY($1::uuid[]) AND client_feedback IS NOT NULL",
    [orderIds],
    tx,
  );
