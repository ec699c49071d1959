import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { splitPot, type StakedBid } from '../domain/settlement.ts';
import { matches, SETTLEMENT_OUTCOMES, type SettlementOutcome } from '../domain/bid.ts';

const T0 = Date.parse('2032-05-01T10:00:00Z');
let next = 0;
const bid = (amount: string, condition: 'completed' | 'failed', at = next++, id = `bid-${String(at).padStart(3, '0')}`): StakedBid => ({
  id,
  managerId: `manager-${id}`,
  amountCents: BigInt(amount.replace('.', '')),
  condition,
  createdAt: new Date(T0 + at * 1000),
});
const amounts = (split: ReturnType<typeof splitPot>) => split.shares.map((s) => [s.bidId, s.amount]);

describe('settlement: splitting the pot', () => {
  it('a single bidder who wins gets its stake back; one who loses leaves it to the developers', () => {
    const won = splitPot([bid('12.34', 'completed', 0, 'a')], 'completed');
    expect(won).toEqual({
      pot: 1234n,
      winnersPot: 1234n,
      developersShare: 0n,
      remainder: 0n,
      shares: [{ bidId: 'a', managerId: 'manager-a', stake: 1234n, amount: 1234n }],
    });
    const lost = splitPot([bid('12.34', 'completed', 0, 'a')], 'failed');
    expect(lost).toEqual({ pot: 1234n, winnersPot: 0n, developersShare: 1234n, remainder: 0n, shares: [] });
  });

  it('when everyone wins, everyone gets exactly its stake back', () => {
    const split = splitPot([bid('0.01', 'failed', 0, 'a'), bid('999999.99', 'failed', 1, 'b'), bid('3.33', 'failed', 2, 'c')], 'failed');
    expect(split.developersShare).toBe(0n);
    expect(split.remainder).toBe(0n);
    expect(amounts(split)).toEqual([
      ['a', 1n],
      ['b', 99999999n],
      ['c', 333n],
    ]);
  });

  it('when everyone loses, or the order was cancelled, the whole pot goes to the developers', () => {
    const bids = [bid('10.00', 'completed'), bid('20.00', 'failed'), bid('0.05', 'completed')];
    expect(splitPot(bids.slice(0, 1).concat(bids[2]!), 'failed')).toMatchObject({ pot: 1005n, developersShare: 1005n, shares: [] });
    expect(splitPot(bids, 'cancelled')).toEqual({ pot: 3005n, winnersPot: 0n, developersShare: 3005n, remainder: 0n, shares: [] });
    expect(splitPot([], 'completed')).toEqual({ pot: 0n, winnersPot: 0n, developersShare: 0n, remainder: 0n, shares: [] });
  });

  it("splits by largest remainder (the README's worked example): 3.00 and 6.00 win a pot of 10.00 → 3.33 and 6.67", () => {
    const split = splitPot(
      [bid('3.00', 'completed', 0, 'a'), bid('6.00', 'completed', 1, 'b'), bid('1.00', 'failed', 2, 'c')],
      'completed',
    );
    // 10.00 × 3/9 = 3.333… and × 6/9 = 6.666…: 3.33 + 6.66 = 9.99; the one hundredth left goes to the larger fraction (b).
    expect(split).toMatchObject({ pot: 1000n, winnersPot: 1000n, developersShare: 0n, remainder: 1n });
    expect(amounts(split)).toEqual([
      ['a', 333n],
      ['b', 667n],
    ]);
  });

  it('breaks a remainder tie for the earliest bid, then the smaller bid id', () => {
    // Three equal winners share 3.01: 1.00 each, and the hundredth left (an equal fraction for each) to the earliest bid.
    const byTime = splitPot(
      [bid('1.00', 'completed', 2, 'a'), bid('1.00', 'completed', 1, 'z'), bid('1.00', 'completed', 3, 'm'), bid('0.01', 'failed', 4, 'x')],
      'completed',
    );
    expect(byTime.remainder).toBe(1n);
    expect(amounts(byTime)).toEqual([
      ['z', 101n],
      ['a', 100n],
      ['m', 100n],
    ]);
    // Placed in the same instant: the smaller id.
    const byId = splitPot(
      [bid('1.00', 'completed', 5, 'c'), bid('1.00', 'completed', 5, 'b'), bid('1.00', 'completed', 5, 'd'), bid('0.02', 'failed', 6, 'x')],
      'completed',
    );
    expect(byId.remainder).toBe(2n);
    expect(amounts(byId)).toEqual([
      ['b', 101n],
      ['c', 101n],
      ['d', 100n],
    ]);
  });

  it('refuses a stake of nothing', () => {
    expect(() => splitPot([{ ...bid('1.00', 'completed'), amountCents: 0n }], 'completed')).toThrow(RangeError);
  });

  const stakes = fc.array(
    fc.record({
      cents: fc.bigInt({ min: 1n, max: 100_000_000n }),
      condition: fc.constantFrom('completed' as const, 'failed' as const),
      at: fc.integer({ min: 0, max: 20 }),
    }),
    { minLength: 1, maxLength: 50 },
  );
  const outcomes = fc.constantFrom<SettlementOutcome>(...SETTLEMENT_OUTCOMES);

  it('over generated stakes: the shares and the developers’ share are the pot; winners split it by stake, losers get nothing', () => {
    fc.assert(
      fc.property(stakes, outcomes, (generated, outcome) => {
        const bids = generated.map((g, i) => ({
          id: `bid-${String(i).padStart(2, '0')}`,
          managerId: `m-${i % 7}`,
          amountCents: g.cents,
          condition: g.condition,
          createdAt: new Date(T0 + g.at * 1000),
        }));
        const split = splitPot(bids, outcome);
        const pot = bids.reduce((s, b) => s + b.amountCents, 0n);
        expect(split.pot).toBe(pot);
        expect(split.shares.reduce((s, share) => s + share.amount, 0n) + split.developersShare).toBe(pot);
        expect(split.winnersPot + split.developersShare).toBe(pot);
        const winners = bids.filter((b) => matches(b.condition, outcome));
        // Exactly the winners have a share (losers nothing); nobody wins → all to the developers.
        expect(split.shares.map((s) => s.bidId).sort()).toEqual(winners.map((b) => b.id).sort());
        if (winners.length === 0) expect(split.developersShare).toBe(pot);
        else expect(split.developersShare).toBe(0n);
        const winning = winners.reduce((s, b) => s + b.amountCents, 0n);
        for (const share of split.shares) {
          const stake = bids.find((b) => b.id === share.bidId)!.amountCents;
          expect(share.stake).toBe(stake);
          expect(share.amount >= stake, 'a winner gets at least its stake back').toBe(true);
          // Within one hundredth of the exact proportion: floor(pot × stake ÷ winning) or one more.
          const floor = (pot * stake) / winning;
          expect(share.amount === floor || share.amount === floor + 1n).toBe(true);
        }
        expect(split.remainder >= 0n && (winners.length === 0 || split.remainder < BigInt(winners.length))).toBe(true);
        // A larger stake never gets less.
        for (const a of split.shares) for (const b of split.shares) if (a.stake > b.stake) expect(a.amount >= b.amount).toBe(true);
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});
