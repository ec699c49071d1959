import { transaction } from '../../../platform/database.ts';
import { answerOffer, closeRound, lockOrderRound, openRoundOf, pendingOfferOf } from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';

/**
 * The order left `matching` some other way (cancelled, failed at its start
 * with nobody found): its pending offer is withdrawn and its open round
 * ends `order_moved_on`. Idempotent (a repeated delivery finds nothing open).
 */
export async function withdrawOffers(m: Matcher, orderId: string): Promise<void> {
  const { db } = m.kernel;
  await transaction(db, async (tx) => {
    await lockOrderRound(db, tx, orderId);
    const now = m.kernel.clock.now();
    const pending = await pendingOfferOf(db, tx, orderId);
    if (pending) await answerOffer(db, tx, pending.id, 'withdrawn', now, 'always');
    const round = await openRoundOf(db, tx, orderId);
    if (round) await closeRound(db, tx, round.id, { outcome: 'order_moved_on', at: now });
  });
}
