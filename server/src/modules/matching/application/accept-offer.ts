import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { assignWorker, findOrderSlot } from '../../orders/index.ts';
import { answerOffer, closeRound, findOffer, roundOf } from '../infra/offers.repository.ts';
import { answerableOffer, refusal } from './answerable-offer.ts';
import { priceOf, type Matcher } from './matcher.ts';
import { offerNext } from './offer-next.ts';
import { offerView } from './offer-view.ts';

/**
 * A worker takes the order it was offered (SPEC §7 through orders' door,
 * as a direct match does): in one transaction, under the order's round
 * lock, the offer becomes `accepted` only while it is pending and before
 * its deadline on the platform clock (a conditional UPDATE: a racing
 * accept, decline or deadline run finds it answered), the worker is
 * assigned at the pricing strategy's price, and the round ends `assigned`.
 * If the worker took another order for the slot meanwhile, the exclusion
 * constraint refuses the assignment: the offer is withdrawn, the next
 * candidate asked, and the answer is 409 `ORDERS.WORKER_BUSY`. An order
 * that moved on (cancelled, failed) withdraws the offer: 409
 * `MATCHING.OFFER_WITHDRAWN`.
 */
export async function acceptOffer(m: Matcher, input: { actor: Principal; offerId: string }) {
  const { kernel } = m;
  const { db } = kernel;
  const outcome = await transaction(db, async (tx) => {
    const { offer, now } = await answerableOffer(m, tx, input.actor, input.offerId);
    const slot = await findOrderSlot(kernel, offer.order_id, tx);
    if (!slot) throw new Error(`offer ${offer.id}: order ${offer.order_id} not found`);
    const price = priceOf(m, slot);
    try {
      // A savepoint: a refused assignment rolls back the accept with it, and the round moves on in this transaction.
      await db.sequelize.transaction({ transaction: tx }, async (savepoint) => {
        if (!(await answerOffer(db, savepoint, offer.id, 'accepted', now, 'deadline'))) throw refusal('MATCHING.OFFER_EXPIRED');
        await assignWorker(kernel, offer.order_id, offer.worker_id, price, savepoint);
      });
    } catch (error) {
      const busy = error instanceof AppError && error.code === 'ORDERS.WORKER_BUSY';
      const movedOn = error instanceof AppError && error.code === 'ORDERS.ILLEGAL_TRANSITION';
      if (!busy && !movedOn) throw error;
      await answerOffer(db, tx, offer.id, 'withdrawn', now, 'always');
      const round = await roundOf(db, tx, offer.attempt_id);
      if (busy) await offerNext(m, tx, round, now);
      else await closeRound(db, tx, round.id, { outcome: 'order_moved_on', at: now });
      return busy ? 'ORDERS.WORKER_BUSY' : 'MATCHING.OFFER_WITHDRAWN';
    }
    await closeRound(db, tx, offer.attempt_id, {
      outcome: 'assigned',
      at: now,
      chosen: offer.worker_id,
      priceCents: price.cents,
      pricing: m.pricing.name,
    });
    return 'accepted';
  });
  // Refusals that moved the round on are answered once that is committed.
  if (outcome === 'ORDERS.WORKER_BUSY') throw new AppError(outcome, 'You have another order at that time; the offer is withdrawn.');
  if (outcome === 'MATCHING.OFFER_WITHDRAWN') throw refusal(outcome);
  return offerView(m, (await findOffer(db, input.offerId))!);
}
