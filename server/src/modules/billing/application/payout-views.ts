import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatCents } from '../../../platform/money.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { Schemas } from '../../../platform/http/contract.ts';
import { findPayout, listPayoutRows, type PayoutRow } from '../infra/payouts.repository.ts';
import type { Billing } from './context.ts';

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/**
 * A payout on the wire (GET /v1/payouts, the `payout.*` events). Golden
 * Hat's raw answers (`last_error`), its payout id and our attempt number
 * stay inside; the worker reads only what kind of failure it was.
 */
export function toPayoutView(p: PayoutRow): Schemas['Payout'] {
  return {
    id: p.id,
    statementId: p.statement_id,
    workerId: p.worker_id,
    amount: formatCents(p.amount_cents),
    status: p.status,
    failures: p.failures,
    lastFailureReason: p.failure_reason,
    // While a payout is sent, `next_attempt_at` holds the claim, not a try to come.
    nextAttemptAt: p.status === 'pending' ? iso(p.next_attempt_at) : null,
    createdAt: iso(p.created_at)!,
    paidAt: iso(p.paid_at),
  };
}

export type PayoutView = ReturnType<typeof toPayoutView>;

/** A worker lists its own payouts; managers and admins all, and may filter by worker. */
export async function listPayouts(
  billing: Billing,
  viewer: Principal,
  query: { limit: number; cursor?: string; workerId?: string; status?: PayoutRow['status']; statementId?: string },
) {
  const rows = await listPayoutRows(billing.kernel.db, {
    workerId: isManager(viewer) ? query.workerId : viewer.id,
    status: query.status,
    statementId: query.statementId,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return page(rows.map(toPayoutView), query.limit, (p) => ({ at: p.createdAt, id: p.id }));
}

/** Another worker's payout is not found, as a missing one is: the answer reveals nothing. */
export async function getPayout(billing: Billing, viewer: Principal, id: string): Promise<PayoutView> {
  const row = await findPayout(billing.kernel.db, id);
  if (!row || (!isManager(viewer) && row.worker_id !== viewer.id)) throw new AppError('NOT_FOUND', 'No such payout.');
  return toPayoutView(row);
}
