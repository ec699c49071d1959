import type { Kernel } from '../../../platform/module.ts';
import { sql } from '../../../platform/database.ts';

/** What the admin dashboard shows: platform time, email delivery, recent job runs. */
export async function getDashboard(kernel: Pick<Kernel, 'db' | 'clock' | 'config'>) {
  const now = kernel.clock.now();
  const [emails] = await sql<{ pending: number; sent: number; failed: number }>(
    kernel.db,
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status = 'failed')::int AS failed
     FROM outbox WHERE topic = 'email'`,
  );
  const [failures] = await sql<{ n: number }>(
    kernel.db,
    "SELECT count(*)::int AS n FROM job_runs WHERE outcome = 'failed' AND started_at > now() - interval '24 hours'",
  );
  const runs = await sql<{ id: string; job: string; as_of: Date; trigger: string; outcome: string | null }>(
    kernel.db,
    'SELECT id, job, as_of, trigger, outcome FROM job_runs ORDER BY started_at DESC LIMIT 10',
  );
  return {
    now: now.toISOString(),
    sandbox: kernel.config.sandbox,
    emails: emails ?? { pending: 0, sent: 0, failed: 0 },
    jobFailures24h: failures?.n ?? 0,
    recentJobRuns: runs.map((r) => ({
      id: r.id,
      job: r.job,
      asOf: new Date(r.as_of).toISOString(),
      trigger: r.trigger,
      outcome: r.outcome,
    })),
  };
}
