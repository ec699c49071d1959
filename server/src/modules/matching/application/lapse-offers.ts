import { transaction } from '../../../platform/database.ts';
import { lapsed } from '../domain/offers.ts';
import { answerOffer, findOffer, lapsedOfferRows, lockOrderRound, roundOf } from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';
import { offerNext } from './offer-next.ts';

/**
 * The deadline job's work: every offer still pending at its deadline as of
 * `asOf` expires, and its round asks the next candidate (from `asOf`). Each
 * under its order's round lock, re-read there: an accept or decline that
 * won the lock first leaves nothing to lapse.
 */
export async function lapseOffers(m: Matcher, asOf: Date): Promise<{ expired: number }> {
  const { db } = m.kernel;
  let expired = 0;
  for (const seen of await lapsedOfferRows(db, asOf)) {
    await transaction(db, async (tx) => {
      await lockOrderRound(db, tx, seen.order_id);
      const offer = await findOffer(db, seen.id, tx, true);
      if (!offer || !lapsed({ status: offer.status, expiresAt: new Date(offer.expires_at) }, asOf)) return;
      if (!(await answerOffer(db, tx, offer.id, 'expired', asOf, 'always'))) return;
      expired++;
      const round = await roundOf(db, tx, offer.attempt_id);
      if (round.outcome === 'offering') await offerNext(m, tx, round, asOf);
    });
  }
  return { expired };
}
