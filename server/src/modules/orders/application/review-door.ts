import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import { actorsFor, toOrderView, type OrderView } from '../domain/order-view.ts';
import type { OrderStatus } from '../domain/order-lifecycle.ts';
import { findOrder, timelineOf } from '../infra/orders.repository.ts';
import { photosOf } from '../infra/photos.repository.ts';
import { toRecord } from './order-record.ts';
import { toTimelineEntry } from './get-order-timeline.ts';

/**
 * Read-only door for quality reviews: the order as staff see it (with its
 * photos' file ids) and its whole timeline, or undefined for no such order.
 * Quality's use case has already checked the caller is staff; `viewer`
 * (a panel user) gets the order's `allowedActions` for their own roles,
 * else a manager's.
 */
export async function orderForReview(
  kernel: Pick<Kernel, 'db' | 'clock'>,
  orderId: string,
  viewer: { id: string; roles: readonly string[] } = { id: '', roles: ['manager'] },
): Promise<{ order: OrderView & { photos: NonNullable<OrderView['photos']> }; timeline: ReviewTimelineEntry[] } | undefined> {
  const row = await findOrder(kernel.db, orderId);
  if (!row) return undefined;
  const record = toRecord(row);
  const order = { ...toOrderView(record, actorsFor(record, viewer), kernel.clock.now()), photos: await photosOf(kernel.db, orderId) };
  const timeline: ReviewTimelineEntry[] = (await timelineOf(kernel.db, orderId)).map(toTimelineEntry);
  return { order, timeline };
}

export interface ReviewTimelineEntry {
  at: string;
  actorId: string | null;
  actorRole: string;
  event: string;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  fileHashes: string[];
}

/**
 * The facts a review's result turns on (who, and how the order ended), read
 * in the caller's transaction: a result holds its review's row lock and must
 * not wait for a second pool connection while racing results hold the rest.
 */
export async function orderFactsForReview(kernel: Pick<Kernel, 'db'>, orderId: string, tx?: Tx) {
  const row = await findOrder(kernel.db, orderId, tx);
  if (!row) return undefined;
  const { id, clientId, workerId, status, failureReason } = toRecord(row);
  return { id, clientId, workerId, status, failureReason };
}
