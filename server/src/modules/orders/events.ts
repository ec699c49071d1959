import { ORDER_EVENTS } from './domain/order-lifecycle.ts';
import type { OrderEventName, OrderEventPayload, OrderPublicEventType } from './application/publish.ts';
import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { OrderView } from './domain/order-view.ts';

/** The events orders publishes (see publish.ts), named for the registry's start-up check. */
export const ORDER_EVENT_NAMES: readonly OrderEventName[] = [
  'order.created',
  'order.edited',
  ...ORDER_EVENTS.map((event) => `order.${event}` as const),
];

declare module '../../platform/events.ts' {
  // Every order event carries the order as it is after the change.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DomainEventMap extends Record<OrderEventName, OrderEventPayload> {}
}

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
).map((type) => ({ type, schema: 'Order', audience: "the order's client and its worker" }));

declare module '../../platform/event-feed.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PublicEventMap extends Record<OrderPublicEventType, OrderView> {}
}
