import { transaction } from '../../../platform/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { answerOffer, findOffer, roundOf } from '../infra/offers.repository.ts';
import { answerableOffer, refusal } from './answerable-offer.ts';
import type { Matcher } from './matcher.ts';
import { offerNext } from './offer-next.ts';
import { offerView } from './offer-view.ts';

/** A worker turns the offer down before its deadline: the next candidate is asked at once, in the same transaction. */
export async function declineOffer(m: Matcher, input: { actor: Principal; offerId: string }) {
  const { db } = m.kernel;
  await transaction(db, async (tx) => {
    const { offer, now } = await answerableOffer(m, tx, input.actor, input.offerId);
    if (!(await answerOffer(db, tx, offer.id, 'declined', now, 'deadline'))) throw refusal('MATCHING.OFFER_EXPIRED');
    await offerNext(m, tx, await roundOf(db, tx, offer.attempt_id), now);
  });
  return offerView(m, (await findOffer(db, input.offerId))!);
}
