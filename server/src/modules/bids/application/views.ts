import { formatCents } from '../../../platform/money.ts';
import type { BidRow, SettlementRow, SettlementShareRow } from '../infra/bids.tables.ts';

/** The wire shapes (SPEC §14: Bid, Settlement, settlement share). */
export function bidView(row: BidRow) {
  return {
    id: row.id,
    orderId: row.order_id,
    managerId: row.manager_id,
    amount: formatCents(row.amount_cents),
    condition: row.condition,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function shareView(row: SettlementShareRow) {
  return {
    id: row.id,
    bidId: row.bid_id,
    managerId: row.manager_id,
    stake: formatCents(row.stake_cents),
    amount: formatCents(row.amount_cents),
    status: row.status,
    paidAt: row.paid_at ? new Date(row.paid_at).toISOString() : null,
    paidBy: row.paid_by,
  };
}

export function settlementView(row: SettlementRow, shares: SettlementShareRow[]) {
  return {
    id: row.id,
    orderId: row.order_id,
    outcome: row.outcome,
    pot: formatCents(row.pot_cents),
    winnersPot: formatCents(row.winners_pot_cents),
    developersShare: formatCents(row.developers_share_cents),
    remainder: formatCents(row.remainder_cents),
    shares: shares.map(shareView),
    settledAt: new Date(row.settled_at).toISOString(),
  };
}
