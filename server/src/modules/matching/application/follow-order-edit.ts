import type { DomainEvent } from '../../../platform/events.ts';
import { transaction } from '../../../platform/database.ts';
import { findOrderSlot, type OrderEventPayload } from '../../orders/index.ts';
import {
  answerOffer,
  closeRound,
  lockOrderRound,
  openRound,
  openRoundOf,
  pendingOfferOf,
  roundAfterEdit,
} from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';
import { offerNext } from './offer-next.ts';
import { rankCandidates } from './rank-candidates.ts';

/**
 * On `order.edited` (`MATCHING_STRATEGY=offers`): an order edited while it
 * is being offered (a manager moved it, or changed its address or service
 * type) no longer matches what the pending offer says, and the ranking may
 * differ (who is free then, who is nearest there). So the pending offer is
 * withdrawn, the round ends `order_edited`, and a fresh round ranked for
 * the order as it is now offers it again — to the same worker too, if it
 * still comes first. One fresh round per edit (`after_edit`), however often
 * the event is delivered; an order not being offered right now is left to
 * matching as usual (its next round ranks the edited order).
 */
export async function followOrderEdit(m: Matcher, event: DomainEvent<OrderEventPayload>): Promise<'reoffered' | 'not_offering'> {
  const { kernel } = m;
  if (kernel.config.matchingStrategy !== 'offers') return 'not_offering';
  const { orderId } = event.payload;
  const slot = await findOrderSlot(kernel, orderId);
  if (!slot || slot.status !== 'matching') return 'not_offering';
  const ranked = await rankCandidates(m, slot);
  return transaction(kernel.db, async (tx) => {
    const { db } = kernel;
    await lockOrderRound(db, tx, orderId);
    if (await roundAfterEdit(db, tx, event.id)) return 'reoffered';
    const round = await openRoundOf(db, tx, orderId);
    if (!round) return 'not_offering';
    const now = kernel.clock.now();
    const pending = await pendingOfferOf(db, tx, orderId);
    if (pending) await answerOffer(db, tx, pending.id, 'withdrawn', now, 'always');
    await closeRound(db, tx, round.id, { outcome: 'order_edited', at: now });
    const fresh = await openRound(db, tx, {
      orderId,
      at: now,
      ranking: ranked.ranking,
      note: ranked.note,
      candidates: ranked.workerIds,
      afterEdit: event.id,
    });
    await offerNext(m, tx, fresh, now);
    return 'reoffered';
  });
}
