import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure } from '../../../platform/dashboard.ts';

export function qualityDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'reviews.open',
      section: 'Quality',
      label: 'Review queue',
      kind: 'count',
      attention: true,
      async read() {
        // Index `reviews_queue` (status, created_at, id).
        const [row] = await sql<{ n: number; oldest: Date | null }>(
          db,
          "SELECT count(*)::int AS n, min(created_at) AS oldest FROM reviews WHERE status = 'open'",
        );
        return {
          value: row?.n ?? 0,
          ...(row?.oldest ? { note: `oldest since ${new Date(row.oldest).toISOString().slice(0, 10)}` } : {}),
          link: { resourceId: 'reviews', filters: { status: 'open' } },
        };
      },
    },
  ];
}
