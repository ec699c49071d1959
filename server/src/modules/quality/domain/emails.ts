import { defineTemplate } from '../../../platform/email-template.ts';
import type { Verdict } from './review-lifecycle.ts';

interface OutcomeFacts {
  name: string;
  orderId: string;
  reviewId: string;
  verdict: Verdict;
}

const outcome = (d: OutcomeFacts) =>
  d.verdict === 'overturned' ? 'The review overturned the outcome of the order.' : 'The review confirmed the outcome of the order.';

export const reviewOutcomeClient = defineTemplate<OutcomeFacts & { refund: string | null }>('review-outcome-client', (d) => ({
  subject: `The review of your order is done: ${d.verdict}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Our quality team has reviewed your order ${d.orderId} (review ${d.reviewId}).`,
    outcome(d),
    ...(d.refund ? [`We have refunded ${d.refund} cat-units to your balance.`] : []),
    'Thank you for your feedback.',
  ],
}));

export const reviewOutcomeWorker = defineTemplate<OutcomeFacts & { fineReversed: boolean }>('review-outcome-worker', (d) => ({
  subject: `The review of order ${d.orderId} is done: ${d.verdict}`,
  paragraphs: [
    `Hello ${d.name},`,
    `Our quality team has reviewed order ${d.orderId} (review ${d.reviewId}).`,
    outcome(d),
    ...(d.fineReversed ? ['The fine for this order is reversed: it is credited back on your next statement.'] : []),
  ],
}));
