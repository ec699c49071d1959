import { defineTemplate } from '../../../platform/email-template.ts';

interface InvoiceFacts {
  name: string;
  invoiceId: string;
  period: string;
  orders: number;
  subtotal: string;
  discountRate: number;
  discount: string;
  total: string;
}

export const invoiceIssued = defineTemplate<InvoiceFacts & { paid: boolean; balance: string }>('invoice-issued', (d) => ({
  subject: `Your Chorecat invoice: ${d.total} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `Invoice ${d.invoiceId} for ${d.period}: ${d.orders} order${d.orders === 1 ? '' : 's'}, subtotal ${d.subtotal}` +
      (d.discountRate ? `, ${d.discountRate} % discount −${d.discount}` : '') +
      `, total ${d.total}.`,
    d.paid
      ? 'It is paid from your balance.'
      : `Your balance (${d.balance}) does not cover it: it stays unpaid and is charged automatically after your next top-up.`,
  ],
}));

export const invoicePaid = defineTemplate<InvoiceFacts>('invoice-paid', (d) => ({
  subject: `Invoice paid: ${d.total} cat-units`,
  paragraphs: [`Hello ${d.name},`, `Invoice ${d.invoiceId} for ${d.period} (total ${d.total}) is now paid from your balance. Thank you.`],
}));

export const statementIssued = defineTemplate<{
  name: string;
  statementId: string;
  period: string;
  earned: string;
  fines: string;
  rewards: string;
  debtCarried: string;
  net: string;
  status: string;
}>('statement-issued', (d) => ({
  subject: `Your Chorecat statement: ${d.net} cat-units`,
  paragraphs: [
    `Hello ${d.name},`,
    `Statement ${d.statementId} for ${d.period}: earned ${d.earned}, fines ${d.fines}, rewards ${d.rewards}` +
      (d.debtCarried !== '0.00' ? `, debt carried ${d.debtCarried}` : '') +
      `; net ${d.net}.`,
    d.status === 'debt'
      ? 'The month is negative: the amount is carried forward to your next statement.'
      : d.status === 'payable'
        ? 'It will be paid out to you shortly.'
        : 'Nothing is due this month.',
  ],
}));

export const payoutMade = defineTemplate<{ name: string; amount: string; statementId: string }>('payout-made', (d) => ({
  subject: `Payout made: ${d.amount} cat-units`,
  paragraphs: [`Hello ${d.name},`, `We paid you ${d.amount} cat-units through Golden Hat for statement ${d.statementId}.`],
}));
