import type { Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { answerRefusal, type AnswerRefusal } from '../domain/offers.ts';
import { findOffer, lockOrderRound, type OfferRow } from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';

const REFUSALS: Record<AnswerRefusal, string> = {
  'MATCHING.OFFER_EXPIRED': 'The deadline of this offer has passed; it is offered to another worker.',
  'MATCHING.OFFER_ANSWERED': 'This offer is already answered.',
  'MATCHING.OFFER_WITHDRAWN': 'This offer was withdrawn: the order no longer needs a worker, or you took another order for its time.',
};

export const refusal = (code: AnswerRefusal) => new AppError(code, REFUSALS[code]);

/**
 * The offer a worker answers, locked with its order's round, or the
 * refusal: another worker's offer is no such offer (404, as orders hide
 * other users' orders), and one that may no longer be answered at the
 * platform clock's now is a 409 with its reason (domain/offers.ts).
 */
export async function answerableOffer(m: Matcher, tx: Tx, actor: Principal, offerId: string): Promise<{ offer: OfferRow; now: Date }> {
  const { db } = m.kernel;
  const seen = await findOffer(db, offerId, tx);
  if (!seen || seen.worker_id !== actor.id) throw new AppError('NOT_FOUND', 'No such offer.');
  await lockOrderRound(db, tx, seen.order_id);
  const offer = (await findOffer(db, offerId, tx, true))!;
  const now = m.kernel.clock.now();
  const refused = answerRefusal({ status: offer.status, expiresAt: new Date(offer.expires_at) }, now);
  if (refused) throw refusal(refused);
  return { offer, now };
}
