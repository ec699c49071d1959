import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { assignWorker, findOrderSlot } from '../../orders/index.ts';
import { recordAttempt, type MatchingAttempt } from '../infra/attempts.repository.ts';
import { priceOf, type Matcher } from './matcher.ts';
import { rankCandidates } from './rank-candidates.ts';
import { startOffers } from './start-offers.ts';

export { createMatcher, priceOf, type Matcher } from './matcher.ts';

/**
 * Tries to give an order in `matching` a worker (SPEC §7): the active
 * workers free for the whole slot (never its own client), in the
 * configured ranking's order. With `MATCHING_STRATEGY=random` the first
 * the database accepts gets it at once, at the pricing strategy's price:
 * a worker taken meanwhile by a concurrent match is refused and the next
 * candidate tried. With `offers` the ranked list starts an offers round
 * (start-offers.ts). Every try is recorded with its candidates and its
 * choice. Idempotent: an order that has moved on is left alone.
 */
export async function matchOrder(m: Matcher, orderId: string): Promise<MatchingAttempt['outcome'] | 'offering' | 'not_matching'> {
  const { kernel } = m;
  const slot = await findOrderSlot(kernel, orderId);
  if (!slot || slot.status !== 'matching') return 'not_matching';
  const ranked = await rankCandidates(m, slot);
  if (kernel.config.matchingStrategy === 'offers') return startOffers(m, slot, ranked);
  const price = priceOf(m, slot);
  const refused: string[] = [];
  const attempt = (outcome: MatchingAttempt['outcome'], chosen: string | null): MatchingAttempt => ({
    orderId,
    at: kernel.clock.now(),
    strategy: ranked.ranking,
    ranking: ranked.ranking,
    note: ranked.note,
    candidates: ranked.workerIds,
    refused,
    chosen,
    priceCents: chosen ? price.cents : null,
    pricing: chosen ? m.pricing.name : null,
    outcome,
  });
  for (const workerId of ranked.workerIds) {
    try {
      // The assignment and its record commit together: a crash between them can leave neither, never an order
      // assigned with no attempt saying by whom and why (a redelivered kit_ready would find it matched and record nothing).
      await transaction(kernel.db, async (tx) => {
        await assignWorker(kernel, orderId, workerId, price, tx);
        await recordAttempt(kernel.db, attempt('assigned', workerId), tx);
      });
      return 'assigned';
    } catch (error) {
      if (error instanceof AppError && error.code === 'ORDERS.WORKER_BUSY') {
        refused.push(workerId);
        continue;
      }
      if (error instanceof AppError && error.code === 'ORDERS.ILLEGAL_TRANSITION') {
        // Matched by a concurrent run, cancelled, or failed meanwhile.
        await recordAttempt(kernel.db, attempt('order_moved_on', null));
        return 'order_moved_on';
      }
      throw error;
    }
  }
  await recordAttempt(kernel.db, attempt('no_worker_free', null));
  return 'no_worker_free';
}
