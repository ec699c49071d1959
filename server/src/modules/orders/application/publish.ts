import type { Tx } from '../../../platform/database.ts';
import { formatCents } from '../../../platform/money.ts';
import type { OrderEvent, OrderStatus } from '../domain/order-lifecycle.ts';
import type { OrderRow, TipRow } from '../infra/orders.repository.ts';
import type { OrdersKernel } from './transition.ts';
import { toOrderView } from '../domain/order-view.ts';
import { toRecord } from './order-record.ts';

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

/** A tip as the API returns it (POST /v1/orders/{id}/tip, the `order.tipped` event). */
export interface TipView {
  id: string;
  orderId: string;
  clientId: string;
  workerId: string | null;
  amount: string;
  /** All the order's tips so far, this one included. */
  orderTips: string;
  createdAt: string;
}

/** `order.tipped`, the domain event billing follows: one per tip, the tip as the API returns it. */
export type OrderTippedPayload = TipView;

/** The public events (GET /v1/events, webhooks) an order's changes become. */
export type OrderPublicEventType =
  | 'order.created'
  | 'order.edited'
  | 'order.scheduled'
  | 'order.started'
  | 'order.reported'
  | 'order.completed'
  | 'order.failed'
  | 'order.cancelled';

/**
 * Each domain event's public event; `order.kit_ready` (the order starts
 * matching) is the platform's own business and becomes none.
 */
const PUBLIC_EVENT_OF: Record<OrderEventName, OrderPublicEventType | null> = {
  'order.created': 'order.created',
  'order.edited': 'order.edited',
  'order.kit_ready': null,
  'order.worker_assigned': 'order.scheduled',
  'order.no_worker': 'order.failed',
  'order.check_in': 'order.started',
  'order.no_check_in': 'order.failed',
  'order.report': 'order.reported',
  'order.accept': 'order.completed',
  'order.auto_accept': 'order.completed',
  'order.reject': 'order.failed',
  'order.cancel': 'order.cancelled',
};

/**
 * Publishes the domain event and records its public event, both in `tx`.
 * The public payload is the order as GET /v1/orders/{id} returns it, except
 * what depends on the reader or lives elsewhere: `allowedActions` is empty
 * (what a reader may do is its own question to the API) and `photos` are
 * left out.
 */
export async function publishOrderEvent(kernel: Pick<OrdersKernel, 'events' | 'clock'>, tx: Tx, name: OrderEventName, order: OrderRow) {
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
  const published = await kernel.events.publish(tx, name, payload);
  const type = PUBLIC_EVENT_OF[name];
  if (type) {
    await kernel.events.recordPublic(tx, {
      type,
      data: toOrderView(toRecord(order), [], kernel.clock.now()),
      audience: [order.client_id, order.worker_id],
    });
  }
  return published;
}

export function toTipView(order: Pick<OrderRow, 'id' | 'client_id' | 'worker_id' | 'tips_cents'>, tip: TipRow): TipView {
  return {
    id: tip.id,
    orderId: order.id,
    clientId: order.client_id,
    workerId: order.worker_id,
    amount: formatCents(tip.amount_cents),
    orderTips: formatCents(order.tips_cents),
    createdAt: new Date(tip.created_at).toISOString(),
  };
}

/** A tip's domain event (billing follows it) and its public event `order.tipped` (the client and the worker read it), in `tx`. */
export async function publishTip(kernel: Pick<OrdersKernel, 'events' | 'clock'>, tx: Tx, order: OrderRow, tip: TipRow): Promise<TipView> {
  const view = toTipView(order, tip);
  await kernel.events.publish(tx, 'order.tipped', view);
  await kernel.events.recordPublic(tx, { type: 'order.tipped', data: view, audience: [order.client_id, order.worker_id] });
  return view;
}
