import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure, FigureLink } from '../../../platform/dashboard.ts';

const STATUSES = ['created', 'matching', 'scheduled', 'in_progress', 'reported', 'completed', 'failed', 'cancelled'] as const;
const FINAL = ['completed', 'failed', 'cancelled'] as const;
const REASONS = ['no_check_in', 'no_worker', 'rejected'] as const;
const label = (s: string) => s.replace('_', ' ');
const DAY = 86_400_000;
const HOUR = 3_600_000;

const ordersList = (filters: Record<string, string>): FigureLink => ({ resourceId: 'orders', filters });
const startingBetween = (from: Date, to: Date) => ({ 'startsAt~~from': from.toISOString(), 'startsAt~~to': to.toISOString() });

/** Orders starting in [from, to), by status: one scan of `orders_starts`. */
async function byStatusStarting(db: Database, from: Date, to: Date) {
  const rows = await sql<{ status: string; n: number }>(
    db,
    'SELECT status, count(*)::int AS n FROM orders WHERE starts_at >= $1 AND starts_at < $2 GROUP BY status',
    [from, to],
  );
  const parts = STATUSES.map((status) => ({
    key: status,
    label: label(status),
    value: rows.find((r) => r.status === status)?.n ?? 0,
    link: ordersList({ status, ...startingBetween(from, to) }),
  }));
  return { value: parts.reduce((sum, p) => sum + p.value, 0), parts, link: ordersList(startingBetween(from, to)) };
}

/**
 * Orders' figures. An order's final state is reached by its last update
 * (a final order changes no more), so `updated_at` of a final order is
 * when it ended (index `orders_finished`, migration 0024).
 */
export function ordersDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'orders.finished-by-day',
      section: 'Orders',
      label: 'Orders ended per day (30 days)',
      kind: 'count',
      chart: 'stacked-days',
      async read({ dayStart, timeZone }) {
        const from = new Date(dayStart.getTime() - 29 * DAY);
        const rows = await sql<{ day: string; status: string; n: number }>(
          db,
          `SELECT to_char(updated_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, status, count(*)::int AS n
           FROM orders WHERE status IN ('completed', 'failed', 'cancelled') AND updated_at >= $1 GROUP BY 1, 2`,
          [from, timeZone],
        );
        const labels = Array.from({ length: 30 }, (_, i) =>
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
            new Date(from.getTime() + i * DAY + 12 * HOUR),
          ),
        );
        const sets = FINAL.map((status) => ({
          key: status,
          label: status,
          values: labels.map((day) => rows.find((r) => r.day === day && r.status === status)?.n ?? 0),
        }));
        const parts = sets.map((s) => ({
          key: s.key,
          label: s.label,
          value: s.values.reduce((a, b) => a + b, 0),
          link: ordersList({ status: s.key }),
        }));
        return { value: parts.reduce((sum, p) => sum + p.value, 0), parts, series: { labels, sets } };
      },
    },
    {
      key: 'orders.today',
      section: 'Orders',
      label: "Today's orders by status",
      kind: 'count',
      chart: 'bars',
      read: ({ dayStart }) => byStatusStarting(db, dayStart, new Date(dayStart.getTime() + DAY)),
    },
    {
      key: 'orders.this-week',
      section: 'Orders',
      label: "This week's orders by status",
      kind: 'count',
      chart: 'bars',
      read: ({ weekStart }) => byStatusStarting(db, weekStart, new Date(weekStart.getTime() + 7 * DAY)),
    },
    {
      key: 'orders.no-check-in',
      section: 'Orders at risk',
      label: 'Not checked in, starting within the hour',
      kind: 'count',
      attention: true,
      async read({ now }) {
        const to = new Date(now.getTime() + HOUR);
        const [row] = await sql<{ n: number }>(
          db,
          "SELECT count(*)::int AS n FROM orders WHERE status = 'scheduled' AND starts_at >= $1 AND starts_at < $2",
          [now, to],
        );
        return { value: row?.n ?? 0, link: ordersList({ status: 'scheduled', ...startingBetween(now, to) }) };
      },
    },
    {
      key: 'orders.no-worker',
      section: 'Orders at risk',
      label: 'No worker yet, starting within 2 hours',
      kind: 'count',
      attention: true,
      async read({ now }) {
        const to = new Date(now.getTime() + 2 * HOUR);
        const rows = await sql<{ status: string; n: number }>(
          db,
          `SELECT status, count(*)::int AS n FROM orders
           WHERE status IN ('created', 'matching') AND starts_at >= $1 AND starts_at < $2 GROUP BY status`,
          [now, to],
        );
        const parts = (['created', 'matching'] as const).map((status) => ({
          key: status,
          label: status === 'created' ? 'kit not ready' : 'matching',
          value: rows.find((r) => r.status === status)?.n ?? 0,
          link: ordersList({ status, ...startingBetween(now, to) }),
        }));
        const worst = parts.find((p) => p.value > 0) ?? parts[1]!;
        return { value: parts[0]!.value + parts[1]!.value, parts, link: worst.link };
      },
    },
    {
      key: 'orders.failure-rate',
      section: 'Orders',
      label: 'Failure rate (30 days)',
      kind: 'percent',
      attention: true,
      chart: 'bars',
      async read({ dayStart }) {
        const from = new Date(dayStart.getTime() - 29 * DAY);
        const rows = await sql<{ reason: string | null; n: number }>(
          db,
          `SELECT failure_reason AS reason, count(*)::int AS n FROM orders
           WHERE status IN ('completed', 'failed', 'cancelled') AND updated_at >= $1 GROUP BY 1`,
          [from],
        );
        const ended = rows.reduce((sum, r) => sum + r.n, 0);
        const parts = REASONS.map((reason) => ({
          key: reason,
          label: label(reason),
          value: rows.find((r) => r.reason === reason)?.n ?? 0,
          link: ordersList({ status: 'failed', failureReason: reason }),
        }));
        const failed = parts.reduce((sum, p) => sum + p.value, 0);
        return {
          value: ended ? Math.round((failed * 100) / ended) : 0,
          note: `${failed} of ${ended} ended orders failed`,
          parts,
          link: ordersList({ status: 'failed' }),
        };
      },
    },
  ];
}
