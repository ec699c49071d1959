import { defineTemplate } from '../../../platform/email-template.ts';

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

export const orderStarted = defineTemplate<OrderFacts>('order-started', (d) => ({
  subject: `Your worker has started: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `The worker checked in for ${when(d)} and is at it.`],
}));

export const orderReported = defineTemplate<OrderFacts>('order-reported', (d) => ({
  subject: `Done: please review ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `The worker reported ${when(d)} as done, with before and after photos and the signed report.`,
    'Accept or reject it within 72 hours; after that it is accepted automatically.',
  ],
}));

export const orderCompleted = defineTemplate<OrderFacts & { automatically: boolean }>('order-completed', (d) => ({
  subject: `Completed: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `${when(d)} is completed${d.automatically ? ' (accepted automatically after 72 hours)' : ''}.`,
    'Thank you!',
  ],
}));

export const orderRejectedWorker = defineTemplate<OrderFacts & { reason: string }>('order-rejected-worker', (d) => ({
  subject: `The client rejected: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `The client rejected ${when(d)}.`, `Reason: ${d.reason}`, 'Quality will review it.'],
}));

export const orderMissedWorker = defineTemplate<OrderFacts>('order-missed-worker', (d) => ({
  subject: `Missed check-in: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `You did not check in for ${when(d)} before its start, so it failed.`,
    'A fine applies at month end; quality will review it.',
  ],
}));
