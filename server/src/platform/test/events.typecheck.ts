/**
 * Checked by `tsc` (never run): domain events are typed from the publishing
 * module's declaration. Each `@ts-expect-error` fails the typecheck if the
 * line below it ever compiles, i.e. if events went back to taking any string
 * or any payload.
 */
import type { EventBus } from '../events.ts';
import type { Tx } from '../database.ts';
import type { OrderEventPayload } from '../../modules/orders/index.ts';

declare const events: EventBus;
declare const tx: Tx;
declare const order: OrderEventPayload;

export function subscriptions() {
  // A declared event: its payload is the publisher's type.
  events.subscribe('order.kit_ready', 'typecheck.kit-ready', async (event) => {
    const orderId: string = event.payload.orderId;
    void orderId;
    // @ts-expect-error a field orders' payload does not have
    void event.payload.orderID;
  });
  // @ts-expect-error a misspelt event name
  events.subscribe('order.kit-ready', 'typecheck.misspelt', async () => undefined);
  // @ts-expect-error an event no module publishes
  events.subscribe('order.teleported', 'typecheck.unknown', async () => undefined);
}

export async function publications() {
  await events.publish(tx, 'order.created', order);
  // @ts-expect-error a misspelt event name
  await events.publish(tx, 'order.craeted', order);
  // @ts-expect-error a payload missing the publisher's fields
  await events.publish(tx, 'order.created', { orderId: 'o-1' });
  // @ts-expect-error a payload field of the wrong type
  await events.publish(tx, 'order.created', { ...order, price: 100 });
}
