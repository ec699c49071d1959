import { describe, it, expect } from 'vitest';
import { randomMatching, leastRecentlyAssignedMatching, seededRandom, MATCHING_STRATEGIES, type Candidate } from '../domain/matching.ts';
import { fixedPricing, PRICING_STRATEGIES } from '../domain/pricing.ts';

const workers = (n: number): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({ workerId: `w${String(i).padStart(2, '0')}`, lastAssignedAt: null }));

describe('random matching', () => {
  it('keeps every candidate exactly once', () => {
    const ranked = randomMatching.rank(workers(10), seededRandom(1));
    expect(ranked.map((c) => c.workerId).sort()).toEqual(workers(10).map((c) => c.workerId));
  });

  it('puts each worker first about equally often (chi-square, fixed seed)', () => {
    const k = 10;
    const trials = 20_000;
    const counts = new Map<string, number>();
    const random = seededRandom(20261121);
    for (let i = 0; i < trials; i++) {
      const first = randomMatching.rank(workers(k), random)[0]!.workerId;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    const expected = trials / k;
    const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(k);
    // 9 degrees of freedom: the 99.9th percentile is 27.88.
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('depends on its randomness: different seeds give different orders, the same seed the same', () => {
    const a = randomMatching.rank(workers(10), seededRandom(1)).map((c) => c.workerId);
    const b = randomMatching.rank(workers(10), seededRandom(2)).map((c) => c.workerId);
    expect(a).not.toEqual(b);
    expect(randomMatching.rank(workers(10), seededRandom(1)).map((c) => c.workerId)).toEqual(a);
  });
});

describe('least-recently-assigned matching', () => {
  it('prefers never-assigned workers, then the longest wait, ties by id', () => {
    const ranked = leastRecentlyAssignedMatching.rank(
      [
        { workerId: 'b', lastAssignedAt: new Date('2026-01-03') },
        { workerId: 'c', lastAssignedAt: null },
        { workerId: 'a', lastAssignedAt: new Date('2026-01-01') },
        { workerId: 'd', lastAssignedAt: new Date('2026-01-01') },
        { workerId: 'e', lastAssignedAt: null },
      ],
      () => 0.5,
    );
    expect(ranked.map((c) => c.workerId)).toEqual(['c', 'e', 'a', 'd', 'b']);
  });
});

describe('strategies by name', () => {
  it('ships random (the default) and least-recently-assigned, and fixed pricing at 100.00', () => {
    expect(Object.keys(MATCHING_STRATEGIES)).toEqual(['random', 'least-recently-assigned']);
    expect(Object.keys(PRICING_STRATEGIES)).toEqual(['fixed']);
    expect(fixedPricing.price({ serviceTypeId: 'x', durationMinutes: 60, startsAt: new Date() }).toString()).toBe('100.00');
  });
});
