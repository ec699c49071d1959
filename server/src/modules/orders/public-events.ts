import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { OrderPublicEventType, TipView } from './application/publish.ts';
import type { OrderView } from './domain/order-view.ts';

/** The public events orders records (GET /v1/events, webhooks): each carries the order as GET /v1/orders/{id} returns it. */
export const ORDER_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = (
  [
    'order.created',
    'order.edited',
    'order.scheduled',
    'order.started',
    'order.reported',
    'order.completed',
    'order.failed',
    'order.cancelled',
  ] as const satisfies readonly OrderPublicEventType[]
)
  .map((type): PublicEventDeclaration => ({ type, schema: 'Order', audience: "the order's client and its worker" }))
  .concat([{ type: 'order.tipped', schema: 'Tip', audience: "the order's client and its worker" }]);

declare module '../../platform/event-feed.ts' {
  interface PublicEventMap extends Record<OrderPublicEventType, OrderView> {
    'order.tipped': TipView;
  }
}
