import type { Kernel } from '../../../platform/module.ts';
import { sql } from '../../../platform/database.ts';
import { failedJobRuns } from '../infra/job-failures.ts';
import { dashboardTime, readDashboardFigures, type DashboardFigure } from '../../../platform/dashboard.ts';

/**
 * The panel's dashboard for one panel user: the modules' figures their roles
 * may see, read at the platform clock's "now" in the business time zone, and
 * the platform's own delivery and job health for managers and admins.
 */
export async function getDashboard(
  kernel: Pick<Kernel, 'db' | 'clock' | 'config'>,
  figures: readonly DashboardFigure[],
  roles: readonly string[],
) {
  const now = kernel.clock.now();
  const managing = roles.some((r) => r === 'manager' || r === 'admin');
  const [views, platform] = await Promise.all([
    readDashboardFigures(figures, roles, dashboardTime(now, kernel.config.businessTimeZone)),
    managing ? getPlatformHealth(kernel) : null,
  ]);
  return { now: now.toISOString(), sandbox: kernel.config.sandbox, timeZone: kernel.config.businessTimeZone, figures: views, platform };
}

/**
 * The platform's health on the dashboard: platform time, email delivery, every
 * delivery the outbox gave up (emails and domain events: a subscriber that
 * gave up is as visible as a failed email) or is retrying after an error,
 * and job runs, failed ones counted.
 */
export async function getPlatformHealth(kernel: Pick<Kernel, 'db' | 'clock' | 'config'>) {
  const now = kernel.clock.now();
  const [emails] = await sql<{ pending: number; sent: number; failed: number }>(
    kernel.db,
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status = 'failed')::int AS failed
     FROM outbox WHERE topic = 'email'`,
  );
  const [deliveries] = await sql<{ gaveUp: number; retrying: number }>(
    kernel.db,
    `SELECT count(*) FILTER (WHERE status = 'failed')::int AS "gaveUp",
            count(*) FILTER (WHERE status = 'pending' AND last_error IS NOT NULL)::int AS retrying
     FROM outbox`,
  );
  const givenUp = await sql<{
    id: string;
    topic: string;
    subscriber: string | null;
    event: string | null;
    error: string | null;
    created_at: Date;
  }>(
    kernel.db,
    `SELECT id, topic, payload->>'subscriber' AS subscriber, payload->'event'->>'name' AS event, last_error AS error, created_at
     FROM outbox WHERE status = 'failed' ORDER BY created_at DESC, id DESC LIMIT 10`,
  );
  // The dashboard figure's count (platform time), not a second one by the wall clock.
  const failures = await failedJobRuns(kernel.db, now);
  const runs = await sql<{ id: string; job: string; as_of: Date; trigger: string; outcome: string | null }>(
    kernel.db,
    'SELECT id, job, as_of, trigger, outcome FROM job_runs ORDER BY started_at DESC LIMIT 10',
  );
  return {
    now: now.toISOString(),
    sandbox: kernel.config.sandbox,
    emails: emails ?? { pending: 0, sent: 0, failed: 0 },
    deliveries: {
      gaveUp: deliveries?.gaveUp ?? 0,
      retrying: deliveries?.retrying ?? 0,
      latestGivenUp: givenUp.map((d) => ({
        id: d.id,
        topic: d.topic,
        subscriber: d.subscriber,
        event: d.event,
        error: d.error,
        queuedAt: new Date(d.created_at).toISOString(),
      })),
    },
    jobFailures24h: failures.count,
    recentJobRuns: runs.map((r) => ({
      id: r.id,
      job: r.job,
      asOf: new Date(r.as_of).toISOString(),
      trigger: r.trigger,
      outcome: r.outcome,
    })),
  };
}
