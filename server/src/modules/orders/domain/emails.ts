import { defineTemplate, type EmailWords } from '../../../platform/email-template.ts';

interface OrderFacts {
  name: string;
  service: string;
  startsAt: Date;
  address: string;
}

// The order as its client and worker know it: what, when (business time, in words) and where.
const when = (d: OrderFacts, w: EmailWords) => `${d.service} on ${w.moment(d.startsAt)} at ${d.address}`;

export const orderReceived = defineTemplate<OrderFacts>('order-received', (d, w) => ({
  subject: `We received your order: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Your order is in: ${when(d, w)}.`,
    'We are assembling its kit and finding a worker; we will email you when it is scheduled.',
  ],
}));

export const orderScheduledClient = defineTemplate<OrderFacts & { price: string }>('order-scheduled-client', (d, w) => ({
  subject: `Your order is scheduled: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `A worker is assigned to ${when(d, w)}.`, `The price is fixed at ${d.price} cat-units.`],
}));

export const orderScheduledWorker = defineTemplate<OrderFacts>('order-scheduled-worker', (d, w) => ({
  subject: `New order for you: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `You are matched to ${when(d, w)}.`,
    'Its kit is ready for pick-up. Check in with a photo during the 2 hours before the start: an order not checked in by its start fails.',
  ],
}));

export const orderCancelled = defineTemplate<OrderFacts & { reason: string | null }>('order-cancelled', (d, w) => ({
  subject: `Order cancelled: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `This order was cancelled: ${when(d, w)}.`, ...(d.reason ? [`Reason: ${d.reason}`] : [])],
}));

export const orderFailedClient = defineTemplate<OrderFacts & { why: string }>('order-failed-client', (d, w) => ({
  subject: `Your order could not be completed: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Sorry: ${when(d, w)} failed (${d.why}).`,
    'We can book it again with the same details: the "copy" button in your app, or one call (POST /v1/orders/{id}/copy) with a new start.',
  ],
}));

export const orderStarted = defineTemplate<OrderFacts>('order-started', (d, w) => ({
  subject: `Your worker has started: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `The worker checked in for ${when(d, w)} and is at it.`],
}));

export const orderReported = defineTemplate<OrderFacts>('order-reported', (d, w) => ({
  subject: `Done: please review ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `The worker reported ${when(d, w)} as done, with before and after photos and the signed report.`,
    'Accept or reject it within 72 hours; after that it is accepted automatically.',
  ],
}));

export const orderCompleted = defineTemplate<OrderFacts & { automatically: boolean }>('order-completed', (d, w) => ({
  subject: `Completed: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `${when(d, w)} is completed${d.automatically ? ' (accepted automatically after 72 hours)' : ''}.`,
    'Thank you!',
  ],
}));

export const orderTippedWorker = defineTemplate<OrderFacts & { amount: string }>('order-tipped-worker', (d, w) => ({
  subject: `You got a tip: ${d.amount} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `The client tipped you ${d.amount} cat-units for ${when(d, w)}.`,
    'All of it is yours: it is paid with your next statement.',
  ],
}));

export const orderRejectedWorker = defineTemplate<OrderFacts & { reason: string }>('order-rejected-worker', (d, w) => ({
  subject: `The client rejected: ${d.service}`,
  paragraphs: [`Hello ${d.name},`, `The client rejected ${when(d, w)}.`, `Reason: ${d.reason}`, 'Quality will review it.'],
}));

export const orderMissedWorker = defineTemplate<OrderFacts>('order-missed-worker', (d, w) => ({
  subject: `Missed check-in: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `You did not check in for ${when(d, w)} before its start, so it failed.`,
    'A fine applies at month end; quality will review it.',
  ],
}));
