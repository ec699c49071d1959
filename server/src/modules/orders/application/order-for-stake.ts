import type { Database, Tx } from '../../../platform/database.ts';
import type { OrderStatus } from '../domain/order-lifecycle.ts';
import { findOrderForStakeRow } from '../infra/orders.repository.ts';

/** What bids may know of an order: its status and parties, nothing of orders' rows. */
export interface OrderForStake {
  status: OrderStatus;
  clientId: string;
  workerId: string | null;
}

const view = (row: { status: OrderStatus; client_id: string; worker_id: string | null }): OrderForStake => ({
  status: row.status,
  clientId: row.client_id,
  workerId: row.worker_id,
});

/**
 * The order, locked FOR SHARE in the caller's transaction until it commits:
 * its status cannot change meanwhile (a check-in or cancel waits), and a
 * stake that waited for one sees its outcome. Undefined when there is no such order.
 */
export async function lockOrderForStake(db: Database, tx: Tx, orderId: string): Promise<OrderForStake | undefined> {
  const row = await findOrderForStakeRow(db, orderId, tx);
  return row && view(row);
}

/** The order's status and parties as they are now, unlocked (for reads). */
export async function findOrderForStake(db: Database, orderId: string): Promise<OrderForStake | undefined> {
  const row = await findOrderForStakeRow(db, orderId);
  return row && view(row);
}
