import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure } from '../../../platform/dashboard.ts';

const STAFF = ['supplies', 'manager', 'admin'] as const;

/** Supplies' figures, for its own staff as well as managers: kits still to assemble, and cookie orders the supplier keeps failing. */
export function suppliesDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'kits.waiting',
      section: 'Supplies',
      label: 'Kits waiting',
      kind: 'count',
      attention: true,
      chart: 'bars',
      roles: [...STAFF],
      async read({ now }) {
        // Index `kits_queue` (status, order_starts_at).
        const [row] = await sql<{ open: number; assembling: number; late: number }>(
          db,
          `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
                  count(*) FILTER (WHERE status = 'assembling')::int AS assembling,
                  count(*) FILTER (WHERE order_starts_at < $1::timestamptz + interval '1 day')::int AS late
           FROM kits WHERE status IN ('open', 'assembling')`,
          [now],
        );
        const parts = (['open', 'assembling'] as const).map((status) => ({
          key: status,
          label: status,
          value: row?.[status] ?? 0,
          link: { resourceId: 'kits', filters: { status } },
        }));
        return { value: parts[0]!.value + parts[1]!.value, note: `${row?.late ?? 0} for orders starting within a day`, parts };
      },
    },
    {
      key: 'kits.cookie-retrying',
      section: 'Supplies',
      label: 'Cookie orders failing at the supplier',
      kind: 'count',
      attention: true,
      roles: [...STAFF],
      async read() {
        // Index `kits_cookie_due` (partial: pending, cancelling): a cookie not yet placed after a failed attempt.
        const [row] = await sql<{ n: number }>(
          db,
          "SELECT count(*)::int AS n FROM kits WHERE cookie_status IN ('pending', 'cancelling') AND cookie_attempts > 0",
        );
        return { value: row?.n ?? 0, link: { resourceId: 'kits', filters: { cookieStatus: 'pending' } } };
      },
    },
  ];
}
