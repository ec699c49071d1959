import { sql, type Database } from '../../../platform/database.ts';
import type { HealthCheck } from '../../../platform/health.ts';

/**
 * The doctor's check of webhook deliveries: those that failed for good in
 * the last 24 h of platform time (a fail: a receiver missed events), and
 * those retrying after a failed attempt (a warning: a receiver is down now).
 */
export function webhooksHealthChecks(db: Database): HealthCheck[] {
  return [
    {
      name: 'webhooks.deliveries',
      async check(now) {
        // Indexes `webhook_deliveries_failed` (0063) and `webhook_deliveries_due` (0060).
        const [row] = await sql<{ failed: number; retrying: number }>(
          db,
          `SELECT (SELECT count(*)::int FROM webhook_deliveries
                   WHERE status = 'failed' AND finished_at >= $1::timestamptz - interval '24 hours') AS failed,
                  (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'pending' AND attempts > 0) AS retrying`,
          [now],
        );
        const failed = row?.failed ?? 0;
        const retrying = row?.retrying ?? 0;
        const detail = `${failed} failed in the last 24 h, ${retrying} retrying after a failed attempt`;
        return { status: failed > 0 ? 'fail' : retrying > 0 ? 'warn' : 'ok', detail };
      },
    },
  ];
}
