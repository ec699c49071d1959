import { transaction, type Tx } from '../../../platform/database.ts';
import { enqueueSelected } from '../../../platform/outbox.ts';
import { issueInvoices, payInvoices } from '../infra/invoices.repository.ts';
import type { Billing } from './context.ts';
import { periodEndFor } from './invoices.ts';

export const INVOICE_EMAIL_TOPIC = 'billing.invoice-email';

/** Queues one "issued" or "paid" email per invoice, set-based (rendered when delivered, one per invoice and kind). */
export function queueInvoiceEmails(b: Billing, tx: Tx, kind: 'issued' | 'paid', invoiceIds: string[]) {
  if (invoiceIds.length === 0) return Promise.resolve(0);
  return enqueueSelected(b.kernel.db, tx, b.kernel.clock, {
    topic: INVOICE_EMAIL_TOPIC,
    select: `SELECT 'invoice:' || id || ':${kind}' AS dedupe_key, jsonb_build_object('invoiceId', id, 'kind', '${kind}') AS payload
             FROM unnest($1::uuid[]) AS id`,
    params: [invoiceIds],
  });
}

/**
 * The Sunday job (SPEC §8), set-based and in one transaction: issue the
 * week's invoices (one per client with completed orders since its last
 * invoice), pay what each balance covers, and queue the emails. A crash
 * rolls it all back; a second run for the same week issues nothing.
 */
export async function issueWeeklyInvoices(b: Billing, asOf: Date): Promise<{ periodEnd: string; issued: number; paid: number }> {
  const { kernel } = b;
  const periodEnd = periodEndFor(b, asOf);
  return transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const issued = await issueInvoices(kernel.db, tx, periodEnd, now);
    await queueInvoiceEmails(
      b,
      tx,
      'issued',
      issued.map((i) => i.id),
    );
    const paid = await payInvoices(kernel.db, tx, now);
    await queueInvoiceEmails(
      b,
      tx,
      'paid',
      paid.map((p) => p.id),
    );
    return { periodEnd: periodEnd.toISOString(), issued: issued.length, paid: paid.length };
  });
}

/** After a top-up: the client's unpaid invoices that the balance now covers are paid (and emailed). */
export async function payWhatTheBalanceCovers(b: Billing, clientId: string): Promise<number> {
  return transaction(b.kernel.db, async (tx) => {
    const paid = await payInvoices(b.kernel.db, tx, b.kernel.clock.now(), clientId);
    await queueInvoiceEmails(
      b,
      tx,
      'paid',
      paid.map((p) => p.id),
    );
    return paid.length;
  });
}
