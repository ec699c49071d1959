import { defineTemplate } from '../../../platform/email-template.ts';

/** To a winner when an order is settled, one per winning bid: what it is owed, and who pays it. */
export const shareWonEmail = defineTemplate<{ name: string; orderId: string; outcome: string; stake: string; amount: string }>(
  'bids-share-won',
  (d) => ({
    subject: `Your bid won: ${d.amount} cat-units due`,
    paragraphs: [
      `Hello ${d.name},`,
      `Order ${d.orderId} ended ${d.outcome}, as your bid of ${d.stake} staked. Your share of the pot is ${d.amount} cat-units.`,
      'A manager pays it to you outside the platform and marks it paid; you will hear from us then.',
    ],
  }),
);

/** To a winner when a manager marks its share paid: who marked it (the one to ask if the money has not arrived), or that the winner did. */
export const sharePaidEmail = defineTemplate<{ name: string; orderId: string; amount: string; paidBy: string | null }>(
  'bids-share-paid',
  (d) => ({
    subject: `Your winnings of ${d.amount} cat-units were marked paid`,
    paragraphs: [
      `Hello ${d.name},`,
      `Your share of ${d.amount} cat-units from the bids on order ${d.orderId} was marked paid by ${d.paidBy ?? 'you'}.`,
      d.paidBy ? `If it has not reached you, tell ${d.paidBy}.` : 'If that was not you, tell an admin.',
    ],
  }),
);
