import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure } from '../../../platform/dashboard.ts';
import { formatCents } from '../../../platform/money.ts';

/** Billing's figures: money in (revenue, invoices) and out (payouts). */
export function billingDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'billing.revenue-week',
      section: 'Money',
      label: "This week's revenue",
      kind: 'money',
      async read({ weekStart }) {
        // Index `billable_orders_completed` (migration 0043): the prices of the orders completed since Monday.
        const [row] = await sql<{ n: number; cents: string }>(
          db,
          'SELECT count(*)::int AS n, coalesce(sum(price_cents), 0)::text AS cents FROM billable_orders WHERE completed_at >= $1',
          [weekStart],
        );
        return {
          value: formatCents(row?.cents ?? '0'),
          note: `${row?.n ?? 0} orders completed since Monday`,
          // Exactly the orders counted: billing's, by completion since Monday.
          link: { resourceId: 'billable_orders', filters: { 'completedAt~~from': weekStart.toISOString() } },
        };
      },
    },
    {
      key: 'billing.tips-week',
      section: 'Money',
      label: "This week's tips",
      kind: 'money',
      async read({ weekStart }) {
        // Index `billable_tips_tipped` (migration 0072): clients' tips given since Monday, each the worker's in full (not revenue).
        const [row] = await sql<{ n: number; cents: string }>(
          db,
          'SELECT count(*)::int AS n, coalesce(sum(amount_cents), 0)::text AS cents FROM billable_tips WHERE tipped_at >= $1',
          [weekStart],
        );
        return {
          value: formatCents(row?.cents ?? '0'),
          note: `${row?.n ?? 0} tips since Monday, all to workers`,
          link: { resourceId: 'billable_tips', filters: { 'tippedAt~~from': weekStart.toISOString() } },
        };
      },
    },
    {
      key: 'billing.upcoming-invoices',
      section: 'Money',
      label: 'Upcoming invoices (Sunday)',
      kind: 'money',
      async read() {
        // Index `billable_orders_period`: the orders of the periods not closed yet, before discounts (tips are their own figure).
        const [row] = await sql<{ clients: number; cents: string; closed: Date | null }>(
          db,
          `WITH closed AS (SELECT max(period_end) AS at FROM billing_periods)
           SELECT count(DISTINCT client_id)::int AS clients, coalesce(sum(price_cents), 0)::text AS cents, (SELECT at FROM closed) AS closed
           FROM billable_orders WHERE period_end > coalesce((SELECT at FROM closed), '-infinity')`,
        );
        // The list of exactly those orders: a period ends on a whole hour, so the first open one ends at or after a millisecond past the last closed.
        const filters: Record<string, string> = row?.closed ? { 'periodEnd~~from': new Date(row.closed.getTime() + 1).toISOString() } : {};
        return {
          value: formatCents(row?.cents ?? '0'),
          note: `${row?.clients ?? 0} clients, before discounts, tips apart`,
          link: { resourceId: 'billable_orders', filters },
        };
      },
    },
    {
      key: 'billing.unpaid-invoices',
      section: 'Money',
      label: 'Unpaid invoices',
      kind: 'count',
      attention: true,
      async read() {
        // Index `invoices_unpaid` (partial: unpaid).
        const [row] = await sql<{ n: number; cents: string }>(
          db,
          "SELECT count(*)::int AS n, coalesce(sum(total_cents), 0)::text AS cents FROM invoices WHERE status = 'unpaid'",
        );
        return {
          value: row?.n ?? 0,
          note: `${formatCents(row?.cents ?? '0')} owed`,
          link: { resourceId: 'invoices', filters: { status: 'unpaid' } },
        };
      },
    },
    {
      key: 'billing.payout-backlog',
      section: 'Money',
      label: 'Payouts not yet paid',
      kind: 'count',
      async read() {
        // Index `payouts_unpaid` (migration 0043).
        const rows = await sql<{ status: string; n: number; cents: string }>(
          db,
          "SELECT status, count(*)::int AS n, sum(amount_cents)::text AS cents FROM payouts WHERE status <> 'paid' GROUP BY status",
        );
        const parts = (['pending', 'processing'] as const).map((status) => ({
          key: status,
          label: status,
          value: rows.find((r) => r.status === status)?.n ?? 0,
          link: { resourceId: 'payouts', filters: { status } },
        }));
        const cents = rows.reduce((sum, r) => sum + BigInt(r.cents), 0n);
        return { value: parts[0]!.value + parts[1]!.value, note: `${formatCents(cents.toString())} to pay`, parts };
      },
    },
    {
      key: 'billing.failing-payouts',
      section: 'Money',
      label: 'Payouts failing',
      kind: 'count',
      attention: true,
      async read() {
        // Index `payouts_unpaid`: a failed attempt waits, pending, for its retry.
        const [row] = await sql<{ n: number }>(db, "SELECT count(*)::int AS n FROM payouts WHERE status <> 'paid' AND failures > 0");
        // The payouts list's `failing` filter is this condition.
        return { value: row?.n ?? 0, link: { resourceId: 'payouts', filters: { failing: 'yes' } } };
      },
    },
  ];
}
