import { ORDER_EVENTS } from './domain/order-lifecycle.ts';
import type { OrderEventName, OrderEventPayload, OrderTippedPayload } from './application/publish.ts';

/** The events orders publishes (see publish.ts), named for the registry's start-up check. */
export const ORDER_EVENT_NAMES: readonly (OrderEventName | 'order.tipped')[] = [
  'order.created',
  'order.tipped',
  'order.edited',
  ...ORDER_EVENTS.map((event) => `order.${event}` as const),
];

declare module '../../platform/events.ts' {
  // Every order event carries the order as it is after the change.
  interface DomainEventMap extends Record<OrderEventName, OrderEventPayload> {
    /** A client tipped an order (one event per tip). */
    'order.tipped': OrderTippedPayload;
  }
}
