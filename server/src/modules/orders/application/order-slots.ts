import type { Principal } from '../../../platform/http/auth.ts';
import type { Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Money } from '../../../platform/money.ts';
import type { OrderStatus } from '../domain/order-lifecycle.ts';
import {
  busyWorkerIdsBetween,
  findSlotRow,
  lastAssignmentRows,
  orderIdsOfClientRows,
  ordersAwaitingWorkerRows,
  type SlotRow,
} from '../infra/orders.repository.ts';
import { isDeadlock, isWorkerOverlap } from '../infra/errors.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';

/**
 * What supplies and matching may ask of orders (through orders' door):
 * the two lifecycle events they drive, and the facts matching needs to
 * choose a worker. Nothing here exposes orders' rows.
 */
export interface OrderSlot {
  orderId: string;
  clientId: string;
  serviceTypeId: string;
  startsAt: Date;
  endsAt: Date;
  status: OrderStatus;
  /** Where the work is (matching locates it for nearest-first, and tells the workers it offers the order to). */
  address: string;
}

const slotOf = (row: SlotRow): OrderSlot => ({
  orderId: row.id,
  clientId: row.client_id,
  serviceTypeId: row.service_type_id,
  startsAt: new Date(row.starts_at),
  endsAt: new Date(row.ends_at),
  status: row.status,
  address: row.address,
});

/** Supplies: the kit is ready, matching may start. Runs in the caller's transaction when given one. */
export async function markKitReady(kernel: OrdersKernel, orderId: string, by: Principal | 'system', tx?: Tx): Promise<OrderSlot> {
  return slotOf(await transitionOrder(kernel, { orderId, event: 'kit_ready', caller: by }, tx));
}

/**
 * Matching: the worker and the price are fixed together. The database's
 * exclusion constraint has the last word: a worker busy then is refused
 * with ORDERS.WORKER_BUSY (try the next one); an order no longer matching
 * with ORDERS.ILLEGAL_TRANSITION. In the caller's transaction when given
 * one (an accepted offer: the offer and the assignment commit together; a
 * refusal then leaves that transaction to be rolled back).
 */
export async function assignWorker(kernel: OrdersKernel, orderId: string, workerId: string, price: Money, tx?: Tx): Promise<OrderSlot> {
  try {
    return slotOf(
      await transitionOrder(
        kernel,
        {
          orderId,
          event: 'worker_assigned',
          caller: 'system',
          changes: { worker_id: workerId, price_cents: price.cents },
        },
        tx,
      ),
    );
  } catch (error) {
    if (isWorkerOverlap(error) || isDeadlock(error))
      throw new AppError('ORDERS.WORKER_BUSY', 'That worker has another order at that time.');
    throw error;
  }
}

/** Orders waiting for a worker whose start is still ahead, soonest first. */
export async function ordersAwaitingWorker(kernel: Pick<OrdersKernel, 'db'>, now: Date, limit = 500): Promise<OrderSlot[]> {
  return (await ordersAwaitingWorkerRows(kernel.db, now, limit)).map(slotOf);
}

/** In the caller's transaction when given one (matching's offers hold a lock and read in it). */
export async function findOrderSlot(kernel: Pick<OrdersKernel, 'db'>, orderId: string, tx?: Tx): Promise<OrderSlot | undefined> {
  const row = await findSlotRow(kernel.db, orderId, tx);
  return row ? slotOf(row) : undefined;
}

/** Workers holding an order that overlaps [startsAt, endsAt) (the statuses the exclusion constraint covers). */
export async function busyWorkerIds(kernel: Pick<OrdersKernel, 'db'>, startsAt: Date, endsAt: Date, tx?: Tx): Promise<Set<string>> {
  return new Set(await busyWorkerIdsBetween(kernel.db, startsAt, endsAt, tx));
}

/** When each worker was last assigned an order (by the assignment's time in the timeline); absent: never. */
export async function lastAssignedAt(kernel: Pick<OrdersKernel, 'db'>, workerIds: string[]): Promise<Map<string, Date>> {
  if (workerIds.length === 0) return new Map();
  const rows = await lastAssignmentRows(kernel.db, workerIds);
  return new Map(rows.map((r) => [r.worker_id, new Date(r.at)]));
}

/** The ids of a client's orders (for other modules' personal-data export and erasure). */
export async function orderIdsOfClient(kernel: Pick<OrdersKernel, 'db'>, clientId: string, tx?: Tx): Promise<string[]> {
  return orderIdsOfClientRows(kernel.db, clientId, tx);
}
