import { formatCents } from '../../../platform/money.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { invoiceIssued, invoicePaid } from '../domain/emails.ts';
import { balance } from '../infra/ledger.repository.ts';
import { findInvoice, linesOf } from '../infra/invoices.repository.ts';
import type { Billing } from './context.ts';

/** Renders an invoice email queued by a billing run (idempotent: one email per invoice and kind). */
export async function sendInvoiceEmail(billing: Billing, input: { invoiceId: string; kind: 'issued' | 'paid' }): Promise<void> {
  const { kernel } = billing;
  const invoice = await findInvoice(kernel.db, input.invoiceId);
  if (!invoice) return;
  const contact = await findContact(kernel, invoice.client_id);
  if (!contact) return;
  const lines = await linesOf(kernel.db, [invoice.id]);
  const facts = {
    name: contact.name,
    periodStart: new Date(invoice.period_start),
    periodEnd: new Date(invoice.period_end),
    orders: lines.filter((l) => l.kind === 'order').length,
    tips: formatCents(invoice.tips_cents),
    tipCount: lines.filter((l) => l.kind === 'tip').length,
    subtotal: formatCents(invoice.subtotal_cents),
    discountRate: invoice.discount_rate,
    discount: formatCents(invoice.discount_cents),
    total: formatCents(invoice.total_cents),
  };
  if (input.kind === 'issued') {
    await sendEmail(kernel, undefined, {
      template: invoiceIssued,
      to: contact.email,
      // What the client reads is the invoice as issued: paid if this run could pay it.
      data: { ...facts, paid: invoice.status === 'paid', balance: (await balance(kernel.db, 'client', invoice.client_id)).toString() },
      dedupeKey: `invoice:${invoice.id}:issued:email`,
    });
  } else {
    await sendEmail(kernel, undefined, {
      template: invoicePaid,
      to: contact.email,
      data: facts,
      dedupeKey: `invoice:${invoice.id}:paid:email`,
    });
  }
}
