import type { Database } from '../../../platform/database.ts';
import { formatAge, type HealthCheck } from '../../../platform/health.ts';
import { readOutboxHealth } from '../../../platform/outbox.ts';
import { readJobBacklog, type JobRegistry } from '../../../platform/scheduler.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A message undelivered this long needs a look; this long, something is down (the dispatcher runs every 2 s). */
const OUTBOX_WARN_MS = 5 * MINUTE;
const OUTBOX_FAIL_MS = 60 * MINUTE;
/** A scheduled run this late with no process taking it: no worker is running jobs. */
const JOB_WARN_MS = MINUTE;
const JOB_FAIL_MS = 10 * MINUTE;

/**
 * The doctor's checks of what operations runs: the outbox (its backlog and
 * the deliveries it gave up, emails included) and the job scheduler (runs
 * overdue, locks held past their lifetime, failed runs). The outbox's ages
 * are platform time (its rows are written by the platform clock); Agenda's
 * are the database's.
 */
export function operationsHealthChecks(db: Database, jobs: JobRegistry): HealthCheck[] {
  return [
    {
      name: 'outbox.backlog',
      async check(now) {
        const health = await readOutboxHealth(db, new Date(now.getTime() - DAY));
        if (health.pending === 0) return { status: 'ok', detail: 'no message waiting' };
        const age = Math.max(0, now.getTime() - health.oldestPendingAt!.getTime());
        const detail = `${health.pending} undelivered (${health.retrying} retrying after an error), the oldest queued ${formatAge(age)} ago`;
        return { status: age >= OUTBOX_FAIL_MS ? 'fail' : age >= OUTBOX_WARN_MS ? 'warn' : 'ok', detail };
      },
    },
    {
      name: 'outbox.failed',
      async check(now) {
        const { failedSince } = await readOutboxHealth(db, new Date(now.getTime() - DAY));
        const topics = Object.entries(failedSince);
        if (topics.length === 0) return { status: 'ok', detail: 'no delivery given up in the last 24 h' };
        const total = topics.reduce((sum, [, n]) => sum + n, 0);
        return {
          status: 'fail',
          detail: `${total} given up in the last 24 h (${topics.map(([topic, n]) => `${topic}: ${n}`).join(', ')}); see the dashboard's deliveries`,
        };
      },
    },
    {
      name: 'jobs.backlog',
      async check() {
        const backlog = await readJobBacklog(db, { lateMs: JOB_WARN_MS, failedWithinMs: DAY, registry: jobs });
        if (backlog.stale.length > 0) {
          const stale = backlog.stale.map((j) => `${j.name} (${formatAge(j.lockedMs)})`).join(', ');
          return { status: 'fail', detail: `locked past the lock lifetime: ${stale}` };
        }
        if (backlog.overdue.length > 0) {
          const late = Math.max(...backlog.overdue.map((j) => j.lateMs));
          const names = backlog.overdue.map((j) => `${j.name} (${formatAge(j.lateMs)})`).join(', ');
          return { status: late >= JOB_FAIL_MS ? 'fail' : 'warn', detail: `overdue, no worker took them: ${names}` };
        }
        return { status: 'ok', detail: 'no job overdue or locked past its lifetime' };
      },
    },
    {
      name: 'jobs.failures',
      async check() {
        // job_runs.started_at is the database's time: the last 24 h of it.
        const { failedRuns, lastFailedJob } = await readJobBacklog(db, { lateMs: JOB_WARN_MS, failedWithinMs: DAY });
        if (failedRuns === 0) return { status: 'ok', detail: 'no failed job run in the last 24 h' };
        return {
          status: 'warn',
          detail: `${failedRuns} failed run${failedRuns === 1 ? '' : 's'} in the last 24 h, the latest of ${lastFailedJob}`,
        };
      },
    },
  ];
}
