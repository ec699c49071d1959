import { describe, it, expect } from 'vitest';
import { seededRandom } from '../../matching/index.ts';
import {
  REASON_OF_ORDER_EVENT,
  REVIEW_EVENTS,
  REVIEW_STATUSES,
  decideReview,
  failureWasFined,
  sampledIn,
} from '../domain/review-lifecycle.ts';

describe('the review lifecycle', () => {
  it.each(REVIEW_STATUSES.flatMap((s) => REVIEW_EVENTS.map((e) => [s, e] as const)))('%s × %s', (status, event) => {
    expect(decideReview(status, event)).toEqual(status === 'open' ? { ok: true, to: 'done' } : { ok: false });
  });

  it('names the reason of each order event that opens a review by itself', () => {
    expect(REASON_OF_ORDER_EVENT).toEqual({ no_check_in: 'failed', no_worker: 'failed', reject: 'rejected', cancel: 'cancelled' });
  });

  it('reverses a fine only for failures the worker was fined for', () => {
    expect(['no_check_in', 'rejected', 'no_worker', null].map(failureWasFined)).toEqual([true, true, false, false]);
  });
});

describe('sampling completed orders', () => {
  const share = (percent: number, seed: number, draws = 2000) => {
    const random = seededRandom(seed);
    let sampled = 0;
    for (let i = 0; i < draws; i++) if (sampledIn(random, percent)) sampled++;
    return sampled / draws;
  };

  it.each([1, 2, 3])('samples about 5 % of 2,000 orders (seed %i): between 3.5 % and 6.5 %', (seed) => {
    const s = share(5, seed);
    expect(s).toBeGreaterThanOrEqual(0.035);
    expect(s).toBeLessThanOrEqual(0.065);
  });

  it('samples nothing at 0 % and everything at 100 %, whatever the draw', () => {
    expect(share(0, 7)).toBe(0);
    expect(share(100, 7)).toBe(1);
    expect(sampledIn(() => 0, 0)).toBe(false);
    expect(sampledIn(() => 0.999999, 100)).toBe(true);
  });

  it('follows the configured share elsewhere too (30 %)', () => {
    expect(Math.abs(share(30, 11) - 0.3)).toBeLessThan(0.04);
  });
});
