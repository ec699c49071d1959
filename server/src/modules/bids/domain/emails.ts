import { defineTemplate } from '../../../platform/email-template.ts';

/** An order as a bidder's email names it: its service and its start. */
interface OrderNamed {
  service: string;
  startsAt: Date;
}

/** To a winner when an order is settled, one per winning bid: what it is owed, and who pays it. */
export const shareWonEmail = defineTemplate<{ name: string; order: OrderNamed; outcome: string; stake: string; amount: string }>(
  'bids-share-won',
  (d, w) => ({
    subject: `Your bid won: ${d.amount} cat-units due`,
    paragraphs: [
      `Hello ${d.name},`,
      `The order of ${d.order.service} on ${w.moment(d.order.startsAt)} ended ${d.outcome}, as your bid of ${d.stake} staked. Your share of the pot is ${d.amount} cat-units.`,
      'A manager pays it to you outside the platform and marks it paid; you will hear from us then.',
    ],
  }),
);

/** To a winner when a manager marks its share paid: who marked it (the one to ask if the money has not arrived), or that the winner did. */
export const sharePaidEmail = defineTemplate<{ name: string; order: OrderNamed; amount: string; paidBy: string | null }>(
  'bids-share-paid',
  (d, w) => ({
    subject: `Your winnings of ${d.amount} cat-units were marked paid`,
    paragraphs: [
      `Hello ${d.name},`,
      `Your share of ${d.amount} cat-units from the bids on ${d.order.service} of ${w.moment(d.order.startsAt)} was marked paid by ${d.paidBy ?? 'you'}.`,
      d.paidBy ? `If it has not reached you, tell ${d.paidBy}.` : 'If that was not you, tell an admin.',
    ],
  }),
);
