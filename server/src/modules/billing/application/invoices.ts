import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { groupBy } from '../../../platform/group-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money, formatCents } from '../../../platform/money.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { lastCronOccurrence, nextCronOccurrence } from '../../../platform/scheduler.ts';
import { discountOn, discountRate } from '../domain/discount.ts';
import {
  findInvoice,
  lastClosedPeriod,
  linesOf,
  listInvoiceRows,
  paidBefore,
  unbilledOf,
  unbilledTipsOf,
  type InvoiceRow,
  type InvoiceLineRow,
} from '../infra/invoices.repository.ts';
import type { Billing } from './context.ts';

/** Invoices are issued every Sunday at 23:00 in the business time zone (SPEC §8). */
export const INVOICE_CRON = '0 23 * * 0';

/** The end of the invoicing period a run at `at` closes: the latest Sunday 23:00 at or before it. */
export const periodEndFor = (billing: Billing, at: Date) => lastCronOccurrence(INVOICE_CRON, billing.kernel.config.businessTimeZone, at);

/**
 * The period an order completed at `completedAt` is invoiced in: the first
 * Sunday 23:00 at or after its completion (completed exactly at 23:00 is
 * that week's) — or, when that period is already closed (the order is
 * recorded late), the first one after the last closed period.
 */
export function periodOfCompletion(timeZone: string, completedAt: Date, lastClosed: Date | null): Date {
  const after = Math.max(completedAt.getTime() - 1, lastClosed?.getTime() ?? -Infinity);
  return nextCronOccurrence(INVOICE_CRON, timeZone, new Date(after));
}

const toLineView = (l: Pick<InvoiceLineRow, 'kind' | 'order_id' | 'tip_id' | 'price_cents' | 'completed_at'>) => ({
  kind: l.kind,
  orderId: l.order_id,
  tipId: l.tip_id,
  price: formatCents(l.price_cents),
  completedAt: new Date(l.completed_at).toISOString(),
});

export function toInvoiceView(row: InvoiceRow, lines: InvoiceLineRow[]) {
  return {
    id: row.id,
    clientId: row.client_id,
    periodStart: new Date(row.period_start).toISOString(),
    periodEnd: new Date(row.period_end).toISOString(),
    lines: lines.map(toLineView),
    subtotal: formatCents(row.subtotal_cents),
    paidBefore: formatCents(row.paid_before_cents),
    discountRate: row.discount_rate,
    discount: formatCents(row.discount_cents),
    tips: formatCents(row.tips_cents),
    total: formatCents(row.total_cents),
    status: row.status,
    issuedAt: new Date(row.issued_at).toISOString(),
    paidAt: row.paid_at ? new Date(row.paid_at).toISOString() : null,
  };
}

export type InvoiceView = ReturnType<typeof toInvoiceView>;

export async function listInvoices(billing: Billing, viewer: Principal, query: { limit: number; cursor?: string; clientId?: string }) {
  const rows = await listInvoiceRows(billing.kernel.db, {
    clientId: isManager(viewer) ? query.clientId : viewer.id,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const lines = await linesOf(
    billing.kernel.db,
    rows.map((r) => r.id),
  );
  const linesByInvoice = groupBy(lines, (l) => l.invoice_id);
  const views = rows.map((r) => toInvoiceView(r, linesByInvoice.get(r.id) ?? []));
  return page(views, query.limit, (i) => ({ at: i.periodEnd, id: i.id }));
}

export async function getInvoice(billing: Billing, viewer: Principal, id: string): Promise<InvoiceView> {
  const row = await findInvoice(billing.kernel.db, id);
  if (!row || (!isManager(viewer) && row.client_id !== viewer.id)) throw new AppError('NOT_FOUND', 'No such invoice.');
  return toInvoiceView(row, await linesOf(billing.kernel.db, [row.id]));
}

/**
 * What the client will pay at the end of the current week: its completed
 * orders not yet invoiced, and the discount that would apply today.
 */
export async function upcomingInvoice(billing: Billing, client: Principal) {
  const { kernel } = billing;
  const now = kernel.clock.now();
  const periodEnd = nextCronOccurrence(INVOICE_CRON, kernel.config.businessTimeZone, now);
  const [unbilled, tips, paid, lastClosed] = await Promise.all([
    unbilledOf(kernel.db, client.id),
    unbilledTipsOf(kernel.db, client.id),
    paidBefore(kernel.db, client.id),
    lastClosedPeriod(kernel.db),
  ]);
  // As the Sunday run will write it: from the last closed week's end, or the first order if that is earlier.
  const firstAt = [unbilled[0]?.completed_at, tips[0]?.tipped_at].flatMap((at) => (at ? [new Date(at).getTime()] : []));
  const firstCompleted = firstAt.length ? new Date(Math.min(...firstAt)) : null;
  const periodStart =
    lastClosed && firstCompleted ? (lastClosed < firstCompleted ? lastClosed : firstCompleted) : (lastClosed ?? firstCompleted);
  const subtotal = Money.fromCents(unbilled.reduce((sum, o) => sum + BigInt(o.price_cents), 0n));
  const rate = discountRate(Money.fromCents(paid));
  const discount = discountOn(subtotal, rate);
  // Tips come after the discount, in full.
  const tipsTotal = Money.fromCents(tips.reduce((sum, t) => sum + BigInt(t.amount_cents), 0n));
  const lines = [
    ...unbilled.map((o) => ({
      kind: 'order' as const,
      order_id: o.order_id,
      tip_id: null,
      price_cents: o.price_cents,
      completed_at: o.completed_at,
    })),
    ...tips.map((t) => ({
      kind: 'tip' as const,
      order_id: t.order_id,
      tip_id: t.tip_id,
      price_cents: t.amount_cents,
      completed_at: t.tipped_at,
    })),
  ]; // as linesOf orders an invoice's: the orders, then the tips, each in time order (both queries are)
  return {
    clientId: client.id,
    periodStart: periodStart?.toISOString() ?? null,
    periodEnd: periodEnd.toISOString(),
    lines: lines.map(toLineView),
    subtotal: subtotal.toString(),
    paidBefore: formatCents(paid),
    discountRate: rate,
    discount: discount.toString(),
    tips: tipsTotal.toString(),
    total: subtotal.minus(discount).plus(tipsTotal).toString(),
  };
}
