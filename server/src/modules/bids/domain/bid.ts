/**
 * Bids (SPEC §9) as data: what a bid stakes on, when stakes are open, and
 * the one change a bid ever goes through (settlement) as a transition table.
 */
export const BID_CONDITIONS = ['completed', 'failed'] as const;
export type BidCondition = (typeof BID_CONDITIONS)[number];

export const BID_STATUSES = ['open', 'won', 'lost'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** How an order ended, as a settlement sees it. */
export const SETTLEMENT_OUTCOMES = ['completed', 'failed', 'cancelled'] as const;
export type SettlementOutcome = (typeof SETTLEMENT_OUTCOMES)[number];

/**
 * The order statuses in which managers may stake: until the order starts
 * (the worker checks in). From `in_progress` on, and once ended, a bid is
 * refused. The same statuses in which orders lets managers edit an order.
 */
export const STAKE_OPEN_STATUSES: readonly string[] = ['created', 'matching', 'scheduled'];

export function stakesOpen(orderStatus: string): boolean {
  return STAKE_OPEN_STATUSES.includes(orderStatus);
}

/** A stake is more than 0.00 and at most 1,000,000.00 cat-units (hundredths). */
export const MIN_STAKE_CENTS = 1n;
export const MAX_STAKE_CENTS = 100_000_000n;

/** A cancelled order matches no condition; otherwise a bid wins when its condition is the outcome. */
export function matches(condition: BidCondition, outcome: SettlementOutcome): boolean {
  return outcome !== 'cancelled' && condition === outcome;
}

export type BidEvent = 'win' | 'lose';

export const BID_TRANSITIONS: Record<BidEvent, { from: readonly BidStatus[]; to: BidStatus }> = {
  win: { from: ['open'], to: 'won' },
  lose: { from: ['open'], to: 'lost' },
};

/** A bid's status after its order's settlement; a bid already settled cannot be settled again. */
export function settledStatus(
  bid: { status: BidStatus; condition: BidCondition },
  outcome: SettlementOutcome,
): { ok: true; to: BidStatus } | { ok: false } {
  const transition = BID_TRANSITIONS[matches(bid.condition, outcome) ? 'win' : 'lose'];
  return transition.from.includes(bid.status) ? { ok: true, to: transition.to } : { ok: false };
}
