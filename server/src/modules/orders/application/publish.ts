import type { Tx } from '../../../platform/database.ts';
import { formatCents } from '../../../platform/money.ts';
import type { OrderEvent, OrderStatus } from '../domain/order-lifecycle.ts';
import type { OrderRow } from '../infra/orders.repository.ts';
import type { OrdersKernel } from './transition.ts';

/**
 * The domain events orders publishes, in the transaction of the change:
 * `order.created`, `order.edited`, and `order.<event>` for every lifecycle
 * event (`order.kit_ready`, `order.cancel`, `order.no_worker` …). Supplies
 * and matching follow orders through these, never through its tables.
 */
export type OrderEventName = 'order.created' | 'order.edited' | `order.${OrderEvent}`;

export interface OrderEventPayload {
  orderId: string;
  clientId: string;
  workerId: string | null;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
  address: string;
  status: OrderStatus;
  /** Fixed when a worker is matched (`"100.00"`); null before. */
  price: string | null;
}

export function publishOrderEvent(kernel: Pick<OrdersKernel, 'events'>, tx: Tx, name: OrderEventName, order: OrderRow) {
  const payload: OrderEventPayload = {
    orderId: order.id,
    clientId: order.client_id,
    workerId: order.worker_id,
    serviceTypeId: order.service_type_id,
    startsAt: new Date(order.starts_at).toISOString(),
    endsAt: new Date(order.ends_at).toISOString(),
    address: order.address,
    status: order.status,
    price: order.price_cents === null ? null : formatCents(order.price_cents),
  };
  return kernel.events.publish(tx, name, payload);
}
