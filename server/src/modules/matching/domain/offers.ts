/**
 * Sequential offers (`MATCHING_STRATEGY=offers`): the ranked candidates are
 * asked one at a time, each with a deadline on the platform clock. Pure
 * rules: whether an answer may still be given, and who is asked next.
 * The offers themselves (matching_offers, /v1/offers, the deadline job)
 * use them: application/offer-next.ts and its neighbours.
 */
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferState {
  status: OfferStatus;
  expiresAt: Date;
}

/** Why an answer is refused (409s with stable codes); the offer and the order stay as they are. */
export type AnswerRefusal = 'MATCHING.OFFER_EXPIRED' | 'MATCHING.OFFER_ANSWERED' | 'MATCHING.OFFER_WITHDRAWN';

/**
 * Whether the worker may still answer at `now`. The deadline itself is
 * already too late (an offer is open on [offeredAt, expiresAt)), whether or
 * not the deadline job has marked it yet: the job and a late answer can
 * never both win.
 */
export function answerRefusal(offer: OfferState, now: Date): AnswerRefusal | null {
  if (offer.status === 'expired') return 'MATCHING.OFFER_EXPIRED';
  if (offer.status === 'withdrawn') return 'MATCHING.OFFER_WITHDRAWN';
  if (offer.status !== 'pending') return 'MATCHING.OFFER_ANSWERED';
  if (now.getTime() >= offer.expiresAt.getTime()) return 'MATCHING.OFFER_EXPIRED';
  return null;
}

/** Whether the deadline job should lapse this offer as of `asOf`. */
export const lapsed = (offer: OfferState, asOf: Date): boolean => offer.status === 'pending' && asOf.getTime() >= offer.expiresAt.getTime();

/**
 * The next candidate to ask: the first of the ranked list after the last
 * one asked who is not busy now (a worker who took another order for the
 * slot meanwhile is skipped, and said so). Undefined when the list has run out.
 */
export function nextCandidate(
  ranked: readonly string[],
  askedSoFar: number,
  busy: ReadonlySet<string>,
): { position: number; workerId: string; skipped: string[] } | undefined {
  const skipped: string[] = [];
  for (let position = askedSoFar; position < ranked.length; position++) {
    const workerId = ranked[position]!;
    if (busy.has(workerId)) {
      skipped.push(workerId);
      continue;
    }
    return { position, workerId, skipped };
  }
  return undefined;
}

/** When an offer made at `offeredAt` lapses (`MATCHING_OFFER_SECONDS` after it). */
export const offerDeadline = (offeredAt: Date, seconds: number): Date => new Date(offeredAt.getTime() + seconds * 1000);
