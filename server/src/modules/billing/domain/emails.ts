import { defineTemplate } from '../../../platform/email-template.ts';

interface InvoiceFacts {
  name: string;
  /** The invoice's period, `[start, end)`: what names the invoice to its client. */
  periodStart: Date;
  periodEnd: Date;
  orders: number;
  subtotal: string;
  discountRate: number;
  discount: string;
  /** Tips (each its own line), added after the discount: "0.00" without any. */
  tips: string;
  tipCount: number;
  total: string;
}

export const invoiceIssued = defineTemplate<InvoiceFacts & { paid: boolean; balance: string }>('invoice-issued', (d, w) => ({
  subject: `Your Chorecat invoice: ${d.total} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `Your invoice for ${w.period(d.periodStart, d.periodEnd)}: ${d.orders} order${d.orders === 1 ? '' : 's'}, subtotal ${d.subtotal}` +
      (d.discountRate ? `, ${d.discountRate} % discount −${d.discount}` : '') +
      (d.tipCount ? `, tips for your workers +${d.tips} (${d.tipCount} tip${d.tipCount === 1 ? '' : 's'}, never discounted)` : '') +
      `, total ${d.total}.`,
    d.paid
      ? 'It is paid from your balance.'
      : `Your balance (${d.balance}) does not cover it: it stays unpaid and is charged automatically after your next top-up.`,
  ],
}));

export const invoicePaid = defineTemplate<InvoiceFacts>('invoice-paid', (d, w) => ({
  subject: `Invoice paid: ${d.total} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `Your invoice for ${w.period(d.periodStart, d.periodEnd)} (total ${d.total}) is now paid from your balance. Thank you.`,
  ],
}));

export const statementIssued = defineTemplate<{
  name: string;
  periodStart: Date;
  periodEnd: Date;
  earned: string;
  fines: string;
  rewards: string;
  adjustments: string;
  tips: string;
  debtCarried: string;
  net: string;
  status: string;
}>('statement-issued', (d, w) => ({
  subject: `Your Chorecat statement: ${d.net} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `Your statement for ${w.period(d.periodStart, d.periodEnd)}: earned ${d.earned}, fines ${d.fines}, rewards ${d.rewards}` +
      (d.adjustments !== '0.00' ? `, adjustments ${d.adjustments}` : '') +
      (d.tips !== '0.00' ? `, clients' tips ${d.tips} (all yours)` : '') +
      (d.debtCarried !== '0.00' ? `, debt carried ${d.debtCarried}` : '') +
      `; net ${d.net}.`,
    d.status === 'debt'
      ? 'The month is negative: the amount is carried forward to your next statement.'
      : d.status === 'payable'
        ? 'It will be paid out to you shortly.'
        : 'Nothing is due this month.',
  ],
}));

export const payoutMade = defineTemplate<{ name: string; amount: string; periodStart: Date; periodEnd: Date }>('payout-made', (d, w) => ({
  subject: `Payout made: ${d.amount} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `We paid you ${d.amount} cat-units through Golden Hat for your statement of ${w.period(d.periodStart, d.periodEnd)}.`,
  ],
}));
