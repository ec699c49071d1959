import { describe, it, expect } from 'vitest';
import { answerRefusal, lapsed, nextCandidate, offerDeadline, OFFER_STATUSES } from '../domain/offers.ts';

const offeredAt = new Date('2031-03-04T10:00:00Z');
const expiresAt = offerDeadline(offeredAt, 60);
const at = (ms: number) => new Date(expiresAt.getTime() + ms);

describe('sequential offers: answering', () => {
  it('gives the deadline 60 s after the offer', () => {
    expect(expiresAt.toISOString()).toBe('2031-03-04T10:01:00.000Z');
  });

  it('takes an answer up to the millisecond before the deadline, and none from the deadline on, marked or not', () => {
    expect(answerRefusal({ status: 'pending', expiresAt }, at(-1))).toBeNull();
    expect(answerRefusal({ status: 'pending', expiresAt }, at(0))).toBe('MATCHING.OFFER_EXPIRED');
    expect(answerRefusal({ status: 'pending', expiresAt }, at(1))).toBe('MATCHING.OFFER_EXPIRED');
    // The deadline job and a late answer agree on the same instant: never both.
    expect(lapsed({ status: 'pending', expiresAt }, at(-1))).toBe(false);
    expect(lapsed({ status: 'pending', expiresAt }, at(0))).toBe(true);
  });

  it('refuses every answer to an answered offer, with a code for each status, before the deadline too', () => {
    const refusals = Object.fromEntries(OFFER_STATUSES.map((status) => [status, answerRefusal({ status, expiresAt }, at(-30_000))]));
    expect(refusals).toEqual({
      pending: null,
      accepted: 'MATCHING.OFFER_ANSWERED',
      declined: 'MATCHING.OFFER_ANSWERED',
      expired: 'MATCHING.OFFER_EXPIRED',
      withdrawn: 'MATCHING.OFFER_WITHDRAWN',
    });
    for (const status of OFFER_STATUSES.filter((s) => s !== 'pending')) expect(lapsed({ status, expiresAt }, at(1))).toBe(false);
  });
});

describe('sequential offers: who is asked next', () => {
  const ranked = ['a', 'b', 'c', 'd'];
  it('asks the next in rank order after those asked, skipping (and naming) the ones busy now', () => {
    expect(nextCandidate(ranked, 0, new Set())).toEqual({ position: 0, workerId: 'a', skipped: [] });
    expect(nextCandidate(ranked, 1, new Set(['b', 'c']))).toEqual({ position: 3, workerId: 'd', skipped: ['b', 'c'] });
  });

  it('runs out when everyone left is asked or busy', () => {
    expect(nextCandidate(ranked, 4, new Set())).toBeUndefined();
    expect(nextCandidate(ranked, 2, new Set(['c', 'd']))).toBeUndefined();
    expect(nextCandidate([], 0, new Set())).toBeUndefined();
  });
});
