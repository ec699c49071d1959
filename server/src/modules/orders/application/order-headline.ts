import type { Tx } from '../../../platform/database.ts';
import type { Kernel } from '../../../platform/module.ts';
import { getServiceType } from '../../catalog/index.ts';
import { findOrder } from '../infra/orders.repository.ts';

/** How an email names an order: its service and its start, never its id. */
export interface OrderHeadline {
  service: string;
  startsAt: Date;
}

/** The headline of an order for another module's emails (bids, quality, supplies); undefined when there is no such order. */
export async function orderHeadline(kernel: Pick<Kernel, 'db'>, orderId: string, tx?: Tx): Promise<OrderHeadline | undefined> {
  const order = await findOrder(kernel.db, orderId, tx);
  if (!order) return undefined;
  const type = await getServiceType(kernel, order.service_type_id, tx);
  return { service: type?.name ?? 'A chore', startsAt: new Date(order.starts_at) };
}
