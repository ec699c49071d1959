import { defineTemplate } from '../../notifications/index.ts';

interface OrderFacts {
  name: string;
  orderId: string;
  service: string;
  startsAt: string;
  address: string;
}

const when = (d: OrderFacts) => `${d.service} on ${d.startsAt} at ${d.address} (order ${d.orderId})`;

export const orderReceived = defineTemplate<OrderFacts>('order-received', (d) => ({
  subject: `We received your order: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Your order is in: ${when(d)}.`,
    'We are assembling its kit and finding a worker; we will email you when it is scheduled.',
  ],
}));

export const orderScheduledClient = defineTemplate<OrderFacts & { price: string }>('order-scheduled-client', (d) => ({
  subject: `Your order is scheduled: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `A worker is assigned to ${when(d)}.`, `The price is fixed at ${d.price} cat-units.`],
}));

export const orderScheduledWorker = defineTemplate<OrderFacts>('order-scheduled-worker', (d) => ({
  subject: `New order for you: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `You are matched to ${when(d)}.`,
    'Its kit is ready for pick-up. Check in with a photo during the 2 hours before the start: an order not checked in by its start fails.',
  ],
}));

export const orderCancelled = defineTemplate<OrderFacts & { reason: string | null }>('order-cancelled', (d) => ({
  subject: `Order cancelled: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `This order was cancelled: ${when(d)}.`, ...(d.reason ? [`Reason: ${d.reason}`] : [])],
}));

export const orderFailedClient = defineTemplate<OrderFacts & { why: string }>('order-failed-client', (d) => ({
  subject: `Your order could not be completed: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Sorry: ${when(d)} failed (${d.why}).`,
    `We can book it again with the same details: one call, POST /v1/orders/${d.orderId}/copy with a new start, or the "copy" button in your app.`,
  ],
}));
