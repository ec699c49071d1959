import { transaction } from '../../../platform/database.ts';
import type { OrderSlot } from '../../orders/index.ts';
import { lockOrderRound, openRound, openRoundOf } from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';
import { offerNext } from './offer-next.ts';
import type { Ranked } from './rank-candidates.ts';

/**
 * Opens an offers round for an order waiting for a worker
 * (`MATCHING_STRATEGY=offers`): one `matching_attempts` row, strategy
 * `offers`, outcome `offering` while it asks, holding the ranked candidates;
 * the first free one is offered the order at once. An order whose round is
 * still open is left alone (a repeated `order.kit_ready` delivery).
 */
export async function startOffers(m: Matcher, slot: OrderSlot, ranked: Ranked): Promise<'offering' | 'no_worker_free' | 'order_moved_on'> {
  const { db } = m.kernel;
  return transaction(db, async (tx) => {
    await lockOrderRound(db, tx, slot.orderId);
    if (await openRoundOf(db, tx, slot.orderId)) return 'offering';
    const at = m.kernel.clock.now();
    const round = await openRound(db, tx, {
      orderId: slot.orderId,
      at,
      ranking: ranked.ranking,
      note: ranked.note,
      candidates: ranked.workerIds,
    });
    const next = await offerNext(m, tx, round, at);
    return typeof next === 'string' ? next : 'offering';
  });
}
