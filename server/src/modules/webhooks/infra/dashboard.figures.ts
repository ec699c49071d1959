import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure } from '../../../platform/dashboard.ts';

export function webhooksDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'webhooks.failed',
      section: 'Deliveries and jobs',
      label: 'Webhook deliveries failed (7 days)',
      kind: 'count',
      attention: true,
      async read({ now }) {
        // Index `webhook_deliveries_failed` (migration 0063).
        const [row] = await sql<{ n: number }>(
          db,
          "SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'failed' AND finished_at >= $1::timestamptz - interval '7 days'",
          [now],
        );
        return { value: row?.n ?? 0, link: { resourceId: 'webhook_deliveries', filters: { status: 'failed' } } };
      },
    },
  ];
}
