import type { Tx } from '../../../platform/database.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { busyWorkerIds, findOrderSlot, orderHeadline } from '../../orders/index.ts';
import { nextCandidate, offerDeadline } from '../domain/offers.ts';
import { orderOfferedWorker } from '../domain/emails.ts';
import { closeRound, insertOffer, lastOfferOfRound, noteAsked, type OfferRow, type RoundRow } from '../infra/offers.repository.ts';
import { priceOf, type Matcher } from './matcher.ts';

/**
 * Moves an open offers round on, in the caller's transaction and under the
 * order's round lock (`lockOrderRound`): the next ranked candidate after the
 * last one asked who is not busy now is offered the order with a deadline
 * `MATCHING_OFFER_SECONDS` from `at`, and emailed (through the outbox, in
 * this transaction). When the list has run out the round ends
 * `no_worker_free` (`matching.retry` starts a fresh one later); when the
 * order is no longer waiting for a worker it ends `order_moved_on`.
 * Returns the new offer, or how the round ended.
 */
export async function offerNext(m: Matcher, tx: Tx, round: RoundRow, at: Date): Promise<OfferRow | 'no_worker_free' | 'order_moved_on'> {
  const { kernel } = m;
  const { db } = kernel;
  // Read after the round lock is held: a cancel committed before it is seen here, one after it withdraws what this writes.
  const slot = await findOrderSlot(kernel, round.order_id, tx);
  if (!slot || slot.status !== 'matching') {
    await closeRound(db, tx, round.id, { outcome: 'order_moved_on', at });
    return 'order_moved_on';
  }
  const last = await lastOfferOfRound(db, tx, round.id);
  const askedSoFar = last ? last.position + 1 : 0;
  const busy = await busyWorkerIds(kernel, slot.startsAt, slot.endsAt, tx);
  const next = nextCandidate(round.candidates, askedSoFar, busy);
  if (!next) {
    // Everyone left is busy now (or nobody is left): they are the round's refused.
    await noteAsked(db, tx, round.id, round.candidates.slice(askedSoFar), null);
    await closeRound(db, tx, round.id, { outcome: 'no_worker_free', at });
    return 'no_worker_free';
  }
  await noteAsked(db, tx, round.id, next.skipped, next.workerId);
  const seconds = kernel.config.matchingOfferMs / 1000;
  const offer = await insertOffer(db, tx, {
    attemptId: round.id,
    orderId: round.order_id,
    workerId: next.workerId,
    position: next.position,
    offeredAt: at,
    expiresAt: offerDeadline(at, seconds),
  });
  const contact = await findContact(kernel, next.workerId, tx);
  const headline = await orderHeadline(kernel, round.order_id, tx);
  if (contact && headline) {
    await sendEmail(kernel, tx, {
      template: orderOfferedWorker,
      to: contact.email,
      data: {
        name: contact.name,
        service: headline.service,
        startsAt: slot.startsAt,
        address: slot.address,
        expiresAt: new Date(offer.expires_at),
        seconds,
        price: priceOf(m, slot).toString(),
      },
      dedupeKey: `matching-offer:${offer.id}`,
    });
  }
  return offer;
}
