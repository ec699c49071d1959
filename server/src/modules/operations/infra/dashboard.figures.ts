import { sql, type Database } from '../../../platform/database.ts';
import type { DashboardFigure } from '../../../platform/dashboard.ts';
import { failedJobRuns } from './job-failures.ts';

/** The platform's own figures: emails and domain events given up, and failed job runs (indexes of migration 0052). */
export function operationsDashboardFigures(db: Database): DashboardFigure[] {
  return [
    {
      key: 'outbox.given-up',
      section: 'Deliveries and jobs',
      label: 'Emails and events given up (7 days)',
      kind: 'count',
      attention: true,
      async read({ now }) {
        const rows = await sql<{ email: boolean; n: number }>(
          db,
          `SELECT topic = 'email' AS email, count(*)::int AS n FROM outbox
           WHERE status = 'failed' AND created_at >= $1::timestamptz - interval '7 days' GROUP BY 1`,
          [now],
        );
        const emails = rows.find((r) => r.email)?.n ?? 0;
        const others = rows.find((r) => !r.email)?.n ?? 0;
        return {
          value: emails + others,
          note: `${emails} emails, ${others} domain events`,
          link: { resourceId: 'emails', filters: { status: 'failed' } },
        };
      },
    },
    {
      key: 'jobs.failed',
      section: 'Deliveries and jobs',
      label: 'Job runs failed (24 hours)',
      kind: 'count',
      attention: true,
      async read({ now }) {
        const { count, jobs } = await failedJobRuns(db, now);
        const since = new Date(now.getTime() - 24 * 60 * 60_000).toISOString();
        return {
          value: count,
          ...(jobs.length ? { note: jobs.join(', ') } : {}),
          // The job runs screen (Platform → Job runs), filtered to exactly these runs.
          link: { resourceId: 'job_runs', filters: { outcome: 'failed', 'asOf~~from': since } },
        };
      },
    },
  ];
}
