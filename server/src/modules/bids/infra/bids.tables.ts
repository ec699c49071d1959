import { col, defineTable, type RowOf } from '../../../platform/table.ts';
import type { BidCondition, BidStatus, SettlementOutcome } from '../domain/bid.ts';

/** `bids`, `settlements`, `settlement_shares` as the code sees them (history: migrations/). */
export const bidsTable = defineTable('bids', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  manager_id: col.uuid(),
  amount_cents: col.bigint(),
  condition: col.text<BidCondition>(),
  status: col.text<BidStatus>(),
  created_at: col.timestamptz(),
  settled_at: col.timestamptz.nullable(),
});
export type BidRow = RowOf<typeof bidsTable>;

export const settlementsTable = defineTable('settlements', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  outcome: col.text<SettlementOutcome>(),
  pot_cents: col.bigint(),
  winners_pot_cents: col.bigint(),
  developers_share_cents: col.bigint(),
  remainder_cents: col.bigint(),
  settled_at: col.timestamptz(),
});
export type SettlementRow = RowOf<typeof settlementsTable>;

export const settlementSharesTable = defineTable('settlement_shares', {
  id: col.uuid({ primaryKey: true }),
  settlement_id: col.uuid(),
  order_id: col.uuid(),
  bid_id: col.uuid(),
  manager_id: col.uuid(),
  stake_cents: col.bigint(),
  amount_cents: col.bigint(),
  status: col.text<'due' | 'paid'>(),
  paid_at: col.timestamptz.nullable(),
  paid_by: col.uuid.nullable(),
});
export type SettlementShareRow = RowOf<typeof settlementSharesTable>;
