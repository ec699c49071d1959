import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { BidCondition, BidStatus, SettlementOutcome } from '../domain/bid.ts';
import {
  bidsTable,
  settlementsTable,
  settlementSharesTable,
  type BidRow,
  type SettlementRow,
  type SettlementShareRow,
} from './bids.tables.ts';

export async function insertBid(
  db: Database,
  tx: Tx,
  bid: { orderId: string; managerId: string; amountCents: bigint; condition: BidCondition; now: Date },
): Promise<BidRow> {
  const { rows } = await execute<BidRow>(
    db,
    `INSERT INTO bids (order_id, manager_id, amount_cents, condition, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${bidsTable.list}`,
    [bid.orderId, bid.managerId, bid.amountCents.toString(), bid.condition, bid.now],
    tx,
  );
  return rows[0]!;
}

export async function listBidRows(
  db: Database,
  q: { orderId: string; after?: { at: string; id: string }; limit: number },
): Promise<BidRow[]> {
  return sql<BidRow>(
    db,
    `SELECT ${bidsTable.list} FROM bids
     WHERE order_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
     ORDER BY created_at, id LIMIT $4`,
    [q.orderId, q.after?.at ?? null, q.after?.id ?? null, q.limit],
  );
}

/** Every bid on the order, locked (settlement), in bid order. */
export async function lockBidsOfOrder(db: Database, tx: Tx, orderId: string): Promise<BidRow[]> {
  return sql<BidRow>(db, `SELECT ${bidsTable.list} FROM bids WHERE order_id = $1 ORDER BY created_at, id FOR UPDATE`, [orderId], tx);
}

/** Settles bids to their statuses; only open ones change (the domain decided each). */
export async function settleBidRows(db: Database, tx: Tx, statuses: { id: string; status: BidStatus }[], now: Date): Promise<number> {
  if (statuses.length === 0) return 0;
  const { count } = await execute(
    db,
    `UPDATE bids b SET status = s.status, settled_at = $3
     FROM unnest($1::uuid[], $2::text[]) AS s(id, status) WHERE b.id = s.id AND b.status = 'open'`,
    [statuses.map((s) => s.id), statuses.map((s) => s.status), now],
    tx,
  );
  return count;
}

/**
 * Claims the order's one settlement: undefined when it already has one. A
 * concurrent claim waits on the unique key until the first commits (then
 * finds it) or rolls back (then claims it).
 */
export async function claimSettlement(
  db: Database,
  tx: Tx,
  s: {
    orderId: string;
    outcome: SettlementOutcome;
    potCents: bigint;
    winnersPotCents: bigint;
    developersShareCents: bigint;
    remainderCents: bigint;
    now: Date;
  },
): Promise<SettlementRow | undefined> {
  const { rows } = await execute<SettlementRow>(
    db,
    `INSERT INTO settlements (order_id, outcome, pot_cents, winners_pot_cents, developers_share_cents, remainder_cents, settled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING RETURNING ${settlementsTable.list}`,
    [
      s.orderId,
      s.outcome,
      s.potCents.toString(),
      s.winnersPotCents.toString(),
      s.developersShareCents.toString(),
      s.remainderCents.toString(),
      s.now,
    ],
    tx,
  );
  return rows[0];
}

export async function insertShares(
  db: Database,
  tx: Tx,
  settlement: { id: string; orderId: string },
  shares: { bidId: string; managerId: string; stake: bigint; amount: bigint }[],
): Promise<SettlementShareRow[]> {
  if (shares.length === 0) return [];
  const { rows } = await execute<SettlementShareRow>(
    db,
    `INSERT INTO settlement_shares (settlement_id, order_id, bid_id, manager_id, stake_cents, amount_cents)
     SELECT $1, $2, s.bid_id, s.manager_id, s.stake, s.amount
     FROM unnest($3::uuid[], $4::uuid[], $5::bigint[], $6::bigint[]) WITH ORDINALITY AS s(bid_id, manager_id, stake, amount, n)
     ORDER BY s.n RETURNING ${settlementSharesTable.list}`,
    [
      settlement.id,
      settlement.orderId,
      shares.map((s) => s.bidId),
      shares.map((s) => s.managerId),
      shares.map((s) => s.stake.toString()),
      shares.map((s) => s.amount.toString()),
    ],
    tx,
  );
  return rows;
}

export async function findSettlementOfOrder(db: Database, orderId: string, tx?: Tx): Promise<SettlementRow | undefined> {
  const [row] = await sql<SettlementRow>(db, `SELECT ${settlementsTable.list} FROM settlements WHERE order_id = $1`, [orderId], tx);
  return row;
}

export async function sharesOfSettlement(db: Database, settlementId: string, tx?: Tx): Promise<SettlementShareRow[]> {
  return sql<SettlementShareRow>(
    db,
    `SELECT ${settlementSharesTable.listAs('s')} FROM settlement_shares s JOIN bids b ON b.id = s.bid_id
     WHERE s.settlement_id = $1 ORDER BY b.created_at, b.id`,
    [settlementId],
    tx,
  );
}

export async function findShare(db: Database, id: string, tx?: Tx, lock = false): Promise<SettlementShareRow | undefined> {
  const [row] = await sql<SettlementShareRow>(
    db,
    `SELECT ${settlementSharesTable.list} FROM settlement_shares WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
    tx,
  );
  return row;
}

/** Marks a due share paid; undefined when it was not due (already paid). */
export async function markShareRowPaid(db: Database, tx: Tx, id: string, by: string, now: Date): Promise<SettlementShareRow | undefined> {
  const { rows } = await execute<SettlementShareRow>(
    db,
    `UPDATE settlement_shares SET status = 'paid', paid_at = $3, paid_by = $2 WHERE id = $1 AND status = 'due' RETURNING ${settlementSharesTable.list}`,
    [id, by, now],
    tx,
  );
  return rows[0];
}
