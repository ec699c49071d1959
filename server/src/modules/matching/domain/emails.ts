import { defineTemplate } from '../../../platform/email-template.ts';

/** To the worker an order is offered to (sequential offers): what, when, where, and until when to answer. */
export const orderOfferedWorker = defineTemplate<{
  name: string;
  service: string;
  startsAt: Date;
  address: string;
  expiresAt: Date;
  /** How long the worker has (MATCHING_OFFER_SECONDS): the deadline in words is to the minute only. */
  seconds: number;
  price: string;
}>('matching-offer-worker', (d, w) => ({
  subject: `An order is offered to you: ${d.service}`,
  paragraphs: [
    `Hello ${d.name},`,
    `You are offered ${d.service} on ${w.moment(d.startsAt)} at ${d.address}, for ${d.price} cat-units.`,
    `You have ${d.seconds} seconds to answer, until ${w.moment(d.expiresAt)}: accept or decline it in your app (GET /v1/offers). After that it is offered to another worker.`,
  ],
}));
