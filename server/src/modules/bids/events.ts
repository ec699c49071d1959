import type { BidCondition, SettlementOutcome } from './domain/bid.ts';

/** A manager staked on an order (money as on the wire: "25.00"). */
export interface BidPlacedPayload {
  bidId: string;
  orderId: string;
  managerId: string;
  amount: string;
  condition: BidCondition;
  createdAt: string;
}

/** An ended order's pot was split, once (the settlement as `GET /v1/orders/{id}/settlement` shows it then). */
export interface SettlementComputedPayload {
  settlementId: string;
  orderId: string;
  outcome: SettlementOutcome;
  pot: string;
  winnersPot: string;
  developersShare: string;
  remainder: string;
  shares: { shareId: string; bidId: string; managerId: string; stake: string; amount: string }[];
  settledAt: string;
}

/** A manager marked a winner's share paid (paid outside the platform). */
export interface SettlementSharePaidPayload {
  shareId: string;
  settlementId: string;
  orderId: string;
  managerId: string;
  amount: string;
  paidAt: string;
  paidBy: string;
}

/** The events bids publishes, named for the registry's start-up check (and the webhooks to come). */
export const BID_EVENT_NAMES = ['bid.placed', 'settlement.computed', 'settlement.share_paid'] as const;

declare module '../../platform/events.ts' {
  interface DomainEventMap {
    'bid.placed': BidPlacedPayload;
    'settlement.computed': SettlementComputedPayload;
    'settlement.share_paid': SettlementSharePaidPayload;
  }
}
