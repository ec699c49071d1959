import { matches, type BidCondition, type SettlementOutcome } from './bid.ts';

/**
 * The settlement of an ended order's pot (SPEC §9), in integer hundredths
 * with BigInt arithmetic only.
 *
 * The pot is every stake. The winners (bids whose condition is the outcome;
 * none when the order was cancelled) split the whole pot in proportion to
 * their stakes: each first gets floor(pot × stake ÷ winning stakes); the
 * hundredths still left over (fewer than the number of winners) go one each
 * to the winners with the largest dropped fractions (largest remainder),
 * a tie going to the earlier bid, then the smaller bid id. Nothing is lost:
 * the shares add up to the pot. If nobody wins, the pot goes wholly to the
 * developers' account.
 */
export interface StakedBid {
  id: string;
  managerId: string;
  amountCents: bigint;
  condition: BidCondition;
  createdAt: Date;
}

export interface Share {
  bidId: string;
  managerId: string;
  stake: bigint;
  amount: bigint;
}

export interface Split {
  pot: bigint;
  winnersPot: bigint;
  developersShare: bigint;
  /** The hundredths the largest-remainder step handed out. */
  remainder: bigint;
  /** One per winning bid, in bid order (earliest first). */
  shares: Share[];
}

/** Bid order: the earlier bid first, then the smaller id. */
export function byPlacement(a: Pick<StakedBid, 'createdAt' | 'id'>, b: Pick<StakedBid, 'createdAt' | 'id'>): number {
  const dt = a.createdAt.getTime() - b.createdAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function splitPot(bids: readonly StakedBid[], outcome: SettlementOutcome): Split {
  for (const bid of bids) if (bid.amountCents <= 0n) throw new RangeError(`bid ${bid.id} stakes nothing`);
  const ordered = [...bids].sort(byPlacement);
  const pot = ordered.reduce((sum, bid) => sum + bid.amountCents, 0n);
  const winners = ordered.filter((bid) => matches(bid.condition, outcome));
  if (winners.length === 0) return { pot, winnersPot: 0n, developersShare: pot, remainder: 0n, shares: [] };
  const winningStakes = winners.reduce((sum, bid) => sum + bid.amountCents, 0n);
  const parts = winners.map((bid, index) => {
    const exact = pot * bid.amountCents;
    return { bid, index, amount: exact / winningStakes, dropped: exact % winningStakes };
  });
  const remainder = pot - parts.reduce((sum, part) => sum + part.amount, 0n);
  // Largest dropped fraction first; a tie goes to the earlier bid (parts are in bid order already).
  const byDropped = [...parts].sort((a, b) => (a.dropped === b.dropped ? a.index - b.index : a.dropped > b.dropped ? -1 : 1));
  for (let i = 0n; i < remainder; i++) byDropped[Number(i)]!.amount += 1n;
  return {
    pot,
    winnersPot: pot,
    developersShare: 0n,
    remainder,
    shares: parts.map((part) => ({ bidId: part.bid.id, managerId: part.bid.managerId, stake: part.bid.amountCents, amount: part.amount })),
  };
}
