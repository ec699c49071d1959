import { defineTemplate } from '../../notifications/index.ts';

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
