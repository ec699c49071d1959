import { defineTemplate } from '../../../platform/email-template.ts';
import type { Verdict } from './review-lifecycle.ts';

interface OutcomeFacts {
  name: string;
  /** The reviewed order, as its client and worker know it. */
  service: string;
  startsAt: Date;
  verdict: Verdict;
}

const outcome = (d: OutcomeFacts) =>
  d.verdict === 'overturned' ? 'The review overturned the outcome of the order.' : 'The review confirmed the outcome of the order.';

export const reviewOutcomeClient = defineTemplate<OutcomeFacts & { refund: string | null }>('review-outcome-client', (d, w) => ({
  subject: `The review of your order is done: ${d.verdict}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Our quality team has reviewed your order of ${d.service} on ${w.moment(d.startsAt)}.`,
    outcome(d),
    ...(d.refund ? [`We have refunded ${d.refund} cat-units to your balance.`] : []),
    'Thank you for your feedback.',
  ],
}));

export const reviewOutcomeWorker = defineTemplate<OutcomeFacts & { fineReversed: boolean }>('review-outcome-worker', (d, w) => ({
  subject: `The review of ${d.service} on ${w.day(d.startsAt)} is done: ${d.verdict}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Our quality team has reviewed the order of ${d.service} on ${w.moment(d.startsAt)}.`,
    outcome(d),
    ...(d.fineReversed ? ['The fine for this order is reversed: it is credited back on your next statement.'] : []),
  ],
}));
