import { transaction, type Tx } from '../../../platform/database.ts';
import { enqueue, enqueueSelected } from '../../../platform/outbox.ts';
import { beginClosing, issueInvoices, markClosed, payInvoices } from '../infra/invoices.repository.ts';
import { accountId } from '../infra/ledger.repository.ts';
import type { Billing } from './context.ts';
import { recordInvoiceEvents } from './record-invoice-events.ts';
import { periodEndFor } from './invoices.ts';

export const INVOICE_EMAIL_TOPIC = 'billing.invoice-email';

/**
 * Queues one "issued" or "paid" email per invoice that `from` yields (an
 * `id` column), set-based; rendered when delivered, one per invoice and kind.
 */
function queueEmails(billing: Billing, tx: Tx, kind: 'issued' | 'paid', from: { sql: string; params: unknown[] }) {
  return enqueueSelected(billing.kernel.db, tx, billing.kernel.clock, {
    topic: INVOICE_EMAIL_TOPIC,
    select: `SELECT 'invoice:' || id || ':${kind}' AS dedupe_key, jsonb_build_object('invoiceId', id, 'kind', '${kind}') AS payload
             FROM ${from.sql}`,
    params: from.params,
  });
}

/** Queues an email of `kind` for each of these invoices. */
export function queueInvoiceEmails(billing: Billing, tx: Tx, kind: 'issued' | 'paid', invoiceIds: string[]) {
  if (invoiceIds.length === 0) return Promise.resolve(0);
  return queueEmails(billing, tx, kind, { sql: 'unnest($1::uuid[]) AS id', params: [invoiceIds] });
}

/** One message per closed period fans out to one "issued" email per invoice when delivered (see `queuePeriodEmails`). */
export const PERIOD_EMAILS_TOPIC = 'billing.period-invoice-emails';

/**
 * The Sunday job (SPEC §8), set-based and in one transaction: pay older
 * unpaid invoices the balances now cover, issue the period's invoices (one
 * per client with orders in it), paid at once where the balance covers
 * them, close the period, and queue its emails. A crash rolls it all back;
 * a second run for the same week issues nothing.
 */
export async function issueWeeklyInvoices(billing: Billing, asOf: Date): Promise<{ periodEnd: string; issued: number; paid: number }> {
  const { kernel } = billing;
  const periodEnd = periodEndFor(billing, asOf);
  return transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const olderPaid = await payInvoices(kernel.db, tx, now);
    await recordInvoiceEvents(billing, tx, { paid: olderPaid.map((p) => p.id) });
    await queueInvoiceEmails(
      billing,
      tx,
      'paid',
      olderPaid.map((p) => p.id),
    );
    const closing = await beginClosing(kernel.db, tx, periodEnd);
    if (!closing) return { periodEnd: periodEnd.toISOString(), issued: 0, paid: olderPaid.length };
    const revenueAccountId = await accountId(kernel.db, tx, 'platform_revenue', null, now);
    const tipsAccountId = await accountId(kernel.db, tx, 'tips', null, now);
    const issued = await issueInvoices(kernel.db, tx, { periodEnd, lastClosed: closing.lastClosed, now, revenueAccountId, tipsAccountId });
    await markClosed(kernel.db, tx, periodEnd, now);
    await recordInvoiceEvents(billing, tx, { issued: { periodEnd } });
    // One message, not one per invoice: a period's emails are written after the run commits, by the outbox.
    await enqueue(kernel.db, tx, kernel.clock, {
      topic: PERIOD_EMAILS_TOPIC,
      dedupeKey: `invoices:${periodEnd.toISOString()}:emails`,
      payload: { periodEnd: periodEnd.toISOString() },
    });
    return { periodEnd: periodEnd.toISOString(), issued: issued.issued, paid: olderPaid.length + issued.paid };
  });
}

/**
 * Delivering a period's message queues one "issued" email per invoice of
 * the period (the email says whether the run paid it). Idempotent: each
 * email has its own dedupe key, so a redelivery queues nothing twice.
 */
export function queuePeriodEmails(billing: Billing, payload: { periodEnd: string }) {
  return transaction(billing.kernel.db, (tx) =>
    queueEmails(billing, tx, 'issued', { sql: 'invoices WHERE period_end = $1', params: [new Date(payload.periodEnd)] }),
  );
}

/** After a top-up: the client's unpaid invoices that the balance now covers are paid (and emailed). */
export async function payWhatTheBalanceCovers(billing: Billing, clientId: string): Promise<number> {
  return transaction(billing.kernel.db, async (tx) => {
    const paid = await payInvoices(billing.kernel.db, tx, billing.kernel.clock.now(), clientId);
    await recordInvoiceEvents(billing, tx, { paid: paid.map((p) => p.id) });
    await queueInvoiceEmails(
      billing,
      tx,
      'paid',
      paid.map((p) => p.id),
    );
    return paid.length;
  });
}
