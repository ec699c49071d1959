import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { CronExpressionParser } from 'cron-parser';
import type pg from 'pg';
import { createPool, type Database } from './database.ts';
import type { Logger } from './logger.ts';
import type { PlatformClock } from './clock.ts';
import type { Metrics } from './metrics.ts';

/**
 * Scheduled jobs. Modules register definitions; one code path (`runJob`)
 * runs them whatever the trigger: Agenda on its schedule, `chorecat jobs
 * run --as-of`, or the sandbox clock. Every run is recorded in job_runs,
 * holds a per-job advisory lock so two triggers never overlap, and sees the
 * platform clock reading its `asOf`. Jobs must be idempotent: Agenda's locks
 * expire and a crashed run is run again.
 */
export type JobTrigger = 'schedule' | 'cli' | 'sandbox' | 'test';

export interface JobContext {
  asOf: Date;
  trigger: JobTrigger;
  logger: Logger;
}

export type JobSchedule =
  /** A calendar job: a cron expression read in the business time zone. */
  | { cron: string }
  /**
   * A poller: runs every `everyMs`. `nextDueAt` tells the sandbox clock when
   * its earliest pending work falls due — in the past too: work written by
   * another job at the very instant it ran is overdue, and due at once.
   */
  | { everyMs: number; nextDueAt?: () => Promise<Date | null> };

/**
 * What a run says of its work. A job that works through items (payouts,
 * cookie orders, deliveries) keeps going past one that fails (it is
 * recorded where staff see it and retried by the job's own backoff), and
 * reports how many failed: any failure makes the run a failed one, never a
 * success that hid them.
 */
export interface JobOutcome {
  failed: number;
  /** The last failure's reason (what operators read first). */
  error?: string;
}

export interface JobDefinition {
  name: string;
  description: string;
  schedule: JobSchedule;
  /**
   * A frequent poller (every few seconds) records its scheduled runs in
   * job_runs only when they fail, so the table stays a useful history.
   * Runs from the CLI or the sandbox clock are always recorded.
   */
  quiet?: boolean;
  /**
   * How long a crashed run keeps this job from every other process (Agenda's
   * lock lifetime): a few times the job's poll interval for a poller, a
   * few minutes for a calendar job. A live run is never cut by it: the
   * process renews its lock every quarter of it (`JOB_LOCK_RENEW_FRACTION`),
   * so a long month-end run stays its own. Default `DEFAULT_JOB_LOCK_LIFETIME_MS`.
   */
  lockLifetimeMs?: number;
  run(context: JobContext): Promise<void | JobOutcome>;
}

/** Told of every run that broke (threw), as opposed to one that reported failed work (operators are alerted through it). */
export type JobFailureListener = (failure: { job: string; trigger: JobTrigger; asOf: Date; error: string }) => Promise<void>;

/** A run whose work failed in part: thrown inside runJob so one path records every failure. */
class WorkFailed extends Error {
  constructor(outcome: JobOutcome) {
    super(
      `${outcome.failed} item${outcome.failed === 1 ? '' : 's'} of this run failed${outcome.error ? `; the last: ${outcome.error}` : ''}`,
    );
    this.name = 'WorkFailed';
  }
}

/**
 * A run that never started: runJob could not take a connection, its advisory
 * lock or its job_runs record (the pool busy past its connect timeout,
 * PostgreSQL restarting or refusing). Nothing of the job ran, so running it
 * again is safe, and its due time must not be spent on it.
 */
export class JobRunNotStarted extends Error {
  constructor(
    readonly job: string,
    cause: unknown,
  ) {
    super(`the run of ${job} could not start: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JobRunNotStarted';
  }
}

export interface JobRunResult {
  job: string;
  at: string;
  outcome: 'succeeded' | 'failed';
  error?: string;
}

export class UnknownJobError extends Error {
  constructor(
    readonly job: string,
    readonly known: string[],
  ) {
    super(`unknown job "${job}"; known jobs: ${known.join(', ')}`);
    this.name = 'UnknownJobError';
  }
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  register(definition: JobDefinition): void {
    if (this.jobs.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.jobs.set(definition.name, definition);
  }

  get(name: string): JobDefinition {
    const job = this.jobs.get(name);
    if (!job) throw new UnknownJobError(name, this.names());
    return job;
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  list(): JobDefinition[] {
    return [...this.jobs.values()];
  }
}

/** The next occurrence of a cron schedule strictly after `after`, in `timeZone`. */
export function nextCronOccurrence(cron: string, timeZone: string, after: Date): Date {
  // Parsing the expression and stepping through the time zone's calendar is costly (12.7 % of
  // GET /v1/invoices/upcoming, issue #17), and the answer is the same for every instant from the one it was
  // worked out for up to the occurrence itself: no occurrence lies between them. So the last interval per
  // expression is kept, and any `after` inside it is answered from it (exactly; an earlier one, as a sandbox
  // clock set back gives, is worked out again).
  const key = `${cron}\u0000${timeZone}`;
  const at = after.getTime();
  const known = lastOccurrences.get(key);
  if (known && at >= known.from && at < known.next) return new Date(known.next);
  const next = CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone }).next().toDate();
  if (lastOccurrences.size > 100) lastOccurrences.clear();
  lastOccurrences.set(key, { from: at, next: next.getTime() });
  return next;
}
const lastOccurrences = new Map<string, { from: number; next: number }>();

/** The latest occurrence at or before `at` (a billing period's end, whatever time a run is asked for). */
export function lastCronOccurrence(cron: string, timeZone: string, at: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: new Date(at.getTime() + 1), tz: timeZone })
    .prev()
    .toDate();
}

/** The advisory lock key a run of `name` holds (two triggers of one job never overlap). */
export function hashJobName(name: string): number {
  let hash = 0;
  for (const char of `job:${name}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Agenda's job table (the PostgreSQL backend's default name, created by the platform's first migration). */
const AGENDA_TABLE = 'agenda_jobs';

/**
 * How long Agenda keeps a job locked for a run before another process may
 * take it, for a job that names no `lockLifetimeMs`: what a crashed run can
 * stall it for. (Agenda's own default is 10 minutes, which held every job a
 * killed process had taken for that long: issue #18.)
 */
export const DEFAULT_JOB_LOCK_LIFETIME_MS = 2 * 60_000;
/** A running job's lock is renewed every this fraction of its lifetime, so only a dead process's lock expires. */
export const JOB_LOCK_RENEW_FRACTION = 1 / 4;

export function lockLifetimeOf(job: Pick<JobDefinition, 'lockLifetimeMs'>): number {
  return job.lockLifetimeMs ?? DEFAULT_JOB_LOCK_LIFETIME_MS;
}

export class Scheduler {
  private agenda?: Agenda;
  /** Agenda's own connections (its LISTEN, its scans, lock renewals and saves), so neither requests nor runs can take them. */
  private agendaPool?: pg.Pool;
  /** This process's name in Agenda's job table (`last_modified_by`), so it can release exactly its own locks. */
  private agendaName?: string;
  /** Scheduled runs in flight in this process, so stop() can wait for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly failureListeners: JobFailureListener[] = [];

  constructor(
    readonly registry: JobRegistry,
    private readonly deps: {
      db: Database;
      clock: PlatformClock;
      logger: Logger;
      metrics: Metrics;
      businessTimeZone: string;
      mongodbUrl?: string;
    },
  ) {}

  /** Registers a listener for failed runs (the notifications module alerts operators with it). */
  onFailure(listener: JobFailureListener): void {
    this.failureListeners.push(listener);
  }

  /**
   * Runs one job once, as if the clock read `asOf`. Never throws for a job
   * failure: it records it (job_runs, `chorecat_job_failures_total`) and,
   * when the run broke, tells the failure listeners. A run that reports
   * failed work is a failed run too. Throws `JobRunNotStarted` when the run
   * could not start (nothing of the job ran, nothing was recorded).
   */
  async runJob(name: string, asOf: Date, trigger: JobTrigger): Promise<JobRunResult> {
    const job = this.registry.get(name);
    const { db, clock, logger, metrics } = this.deps;
    // Not `db.pool`: the run holds this connection to its end, waiting for its lock too (see `Database.jobRuns`).
    const client = await db.jobRuns.connect().catch((error: unknown) => {
      throw new JobRunNotStarted(name, error);
    });
    const log = logger.child({ job: name, trigger, asOf: asOf.toISOString() });
    const record = !(job.quiet && trigger === 'schedule');
    try {
      let runId: string | undefined;
      try {
        await client.query('SELECT pg_advisory_lock($1)', [hashJobName(name)]);
        runId = record
          ? (
              await client.query<{ id: string }>('INSERT INTO job_runs (job, trigger, as_of) VALUES ($1, $2, $3) RETURNING id', [
                name,
                trigger,
                asOf,
              ])
            ).rows[0]!.id
          : undefined;
      } catch (error) {
        throw new JobRunNotStarted(name, error);
      }
      const stopTimer = metrics.jobDuration.startTimer({ job: name });
      try {
        const outcome = await clock.runAt(asOf, () => job.run({ asOf, trigger, logger: log }));
        if (outcome && outcome.failed > 0) throw new WorkFailed(outcome);
        stopTimer();
        metrics.jobRuns.inc({ job: name, outcome: 'succeeded' });
        if (runId) await client.query("UPDATE job_runs SET finished_at = now(), outcome = 'succeeded' WHERE id = $1", [runId]);
        log.debug('job succeeded');
        return { job: name, at: asOf.toISOString(), outcome: 'succeeded' };
      } catch (error) {
        stopTimer();
        metrics.jobRuns.inc({ job: name, outcome: 'failed' });
        metrics.jobFailures.inc({ job: name, trigger });
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
        if (runId) {
          await client.query("UPDATE job_runs SET finished_at = now(), outcome = 'failed', error = $2 WHERE id = $1", [runId, message]);
        } else {
          await client.query(
            "INSERT INTO job_runs (job, trigger, as_of, finished_at, outcome, error) VALUES ($1, $2, $3, now(), 'failed', $4)",
            [name, trigger, asOf, message],
          );
        }
        log.error({ err: error }, 'job failed');
        // Failed work is retried by the job and alerted by it at its own threshold (five failures of a
        // payout, of a cookie; a message given up): told per run it would page operators for every blip.
        if (error instanceof WorkFailed) return { job: name, at: asOf.toISOString(), outcome: 'failed', error: message };
        for (const listener of this.failureListeners) {
          // A listener's own failure must not turn one failed run into two.
          await listener({ job: name, trigger, asOf, error: message }).catch((err: unknown) =>
            log.error({ err }, 'a job failure listener failed'),
          );
        }
        return { job: name, at: asOf.toISOString(), outcome: 'failed', error: message };
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [hashJobName(name)]).catch(() => undefined);
      client.release();
    }
  }

  /**
   * When `job` next falls due after `after`, or null. Calendar jobs follow
   * their cron; pollers with `nextDueAt` ask their own data, and their
   * overdue work (due at or before `after`) is due a millisecond later;
   * other pollers have no due times of their own (they run at the target).
   */
  async nextDueAt(job: JobDefinition, after: Date): Promise<{ at: Date; overdueSince?: Date } | null> {
    if ('cron' in job.schedule) {
      const at = nextCronOccurrence(job.schedule.cron, this.deps.businessTimeZone, after);
      return at ? { at } : null;
    }
    const at = job.schedule.nextDueAt ? await job.schedule.nextDueAt() : null;
    if (!at) return null;
    return at.getTime() > after.getTime() ? { at } : { at: new Date(after.getTime() + 1), overdueSince: at };
  }

  /** Starts Agenda so jobs run on their own schedule in this process (ROLE=worker or all). */
  async start(): Promise<void> {
    const { db, clock, logger, businessTimeZone, mongodbUrl } = this.deps;
    // Four: the LISTEN connection, a scan, and the renewals and saves of runs ending at once (they wait their turn briefly).
    // On `db.pool` a renewal waited behind requests and runs, and past the pool's 3 s connect timeout it failed: with
    // enough runs in flight no lock was renewed and live runs lost their jobs to other processes (issue #18).
    this.agendaPool = mongodbUrl
      ? undefined
      : createPool({ connectionString: db.url, max: 4, idleTimeoutMillis: 10_000 }, logger, 'job scheduler pool');
    const backend = this.agendaPool
      ? new PostgresBackend({ pool: this.agendaPool, ensureSchema: false })
      : new (await import('@agendajs/mongo-backend')).MongoBackend({ address: mongodbUrl! });
    // Its LISTEN connection emits 'error' when PostgreSQL restarts; with no listener that killed the process
    // (issue #18's restart test). Jobs still run meanwhile: Agenda polls every `processEvery` as well.
    if (backend instanceof PostgresBackend) {
      (backend.notificationChannel as unknown as { on?: (event: 'error', listener: (error: Error) => void) => void } | undefined)?.on?.(
        'error',
        (error) => logger.warn({ err: error }, 'job scheduler: notification connection failed'),
      );
    }
    const pollers = this.registry.list().flatMap((job) => ('everyMs' in job.schedule ? [job.schedule.everyMs] : []));
    const name = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const agenda = new Agenda({
      name,
      backend,
      // A number of ms: human-interval strings such as '500 milliseconds' misparse in Agenda 6.
      processEvery: Math.min(5_000, ...pollers),
      defaultLockLifetime: DEFAULT_JOB_LOCK_LIFETIME_MS,
    });
    agenda.on('error', (error: Error) => logger.error({ err: error }, 'job scheduler error'));
    for (const job of this.registry.list()) {
      const lockLifetime = lockLifetimeOf(job);
      agenda.define(
        job.name,
        async (agendaJob: { touch(): Promise<void>; attrs: { nextRunAt?: Date | null; lastRunAt?: Date | null } }) => {
          // Agenda has saved the job's next occurrence already (Job.run computes and saves it before calling us): a
          // process killed during the run left the job locked and not due again until then, so once its lock ran out
          // no process ran it before the next occurrence: a weekly invoice run cut by a crash waited a week (issue
          // #18). While the run lives the job stays due at its start (saved now, and by every renewal, which saves
          // the job's state); its next occurrence is put back for the save Agenda makes when the run ends.
          const nextOccurrence = agendaJob.attrs.nextRunAt;
          agendaJob.attrs.nextRunAt = agendaJob.attrs.lastRunAt ?? new Date();
          let notStarted = false;
          await agendaJob.touch().catch((error: unknown) => logger.warn({ err: error, job: job.name }, 'job lock renewal failed'));
          // Renewed while the run lives: the lifetime bounds how long a crash stalls the job, not how long a run may take.
          let renewing: Promise<void> = Promise.resolve();
          const renew = setInterval(() => {
            renewing = agendaJob.touch().catch((error: unknown) => logger.warn({ err: error, job: job.name }, 'job lock renewal failed'));
          }, lockLifetime * JOB_LOCK_RENEW_FRACTION);
          const run = this.runJob(job.name, clock.now(), 'schedule');
          this.inFlight.add(run);
          try {
            const result = await run;
            if (result.outcome === 'failed') throw new Error(result.error);
          } catch (error) {
            // Agenda moves the job to its next occurrence before it calls us (Job.run computes nextRunAt first) and
            // saves that when we return: a run that never started then spent its due time, so a weekly invoice run
            // that met a busy pool or a restarting database at Sunday 23:00 was skipped for a week, with no job_runs
            // row to show it (issue #18, fault 3). Keep it due: the next poll of any process runs it.
            if (error instanceof JobRunNotStarted) notStarted = true;
            throw error;
          } finally {
            agendaJob.attrs.nextRunAt = notStarted ? new Date() : nextOccurrence;
            clearInterval(renew);
            // A renewal still on its way would lock the job again after Agenda's save that unlocks it (the job then
            // idle but locked until its lifetime ends): it lands before we return, and so before that save.
            await renewing;
            this.inFlight.delete(run);
          }
        },
        { concurrency: 1, lockLifetime },
      );
    }
    // The schedule is written before processing starts, so the first scan sees it whole.
    const overdue = mongodbUrl ? new Map<string, Date>() : await this.overdueJobs();
    for (const job of this.registry.list()) {
      if ('cron' in job.schedule) {
        await agenda.every(job.schedule.cron, job.name, undefined, { timezone: businessTimeZone, skipImmediate: true });
      } else {
        await agenda.every(job.schedule.everyMs, job.name, undefined, { skipImmediate: true });
      }
    }
    await this.keepOverdue(overdue);
    await agenda.start();
    this.agenda = agenda;
    this.agendaName = name;
  }

  /**
   * Stops picking up jobs, waits for the runs in flight (at most
   * `timeoutMs`), and leaves no job locked by this process, so the next
   * process runs every due job at once.
   *
   * Not `drain()` then `stop()`: in Agenda 6.2.6 drain() clears its job
   * processor, so the stop() after it returns at once and never unlocks
   * the jobs this process had locked ahead of their run: after a restart
   * they stayed locked for the whole lock lifetime (10 minutes) with
   * nothing running them. stop() first unlocks those; then, once the runs
   * in flight are over (or the wait is), whatever is still marked as ours
   * (a run that outlived the wait, a scan that locked one meanwhile) is
   * released in the table. Releasing a run still going is safe: runJob's
   * advisory lock keeps a second run of the same job waiting.
   */
  async stop(timeoutMs = 5_000): Promise<void> {
    const agenda = this.agenda;
    const name = this.agendaName;
    const agendaPool = this.agendaPool;
    if (!agenda) return;
    this.agenda = undefined;
    this.agendaName = undefined;
    this.agendaPool = undefined;
    try {
      await this.stopAgenda(agenda, name, timeoutMs);
    } finally {
      await agendaPool?.end().catch(() => undefined);
    }
  }

  private async stopAgenda(agenda: Agenda, name: string | undefined, timeoutMs: number): Promise<void> {
    const { db, logger, mongodbUrl } = this.deps;
    await agenda.stop().catch((error: unknown) => logger.warn({ err: error }, 'job scheduler: stop failed'));
    if (this.inFlight.size > 0) {
      const timeout = new AbortController();
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        sleep(timeoutMs, undefined, { signal: timeout.signal }).catch(() => undefined),
      ]);
      timeout.abort();
    }
    if (mongodbUrl || !name) return;
    try {
      const { rows } = await db.pool.query<{ name: string }>(
        `UPDATE ${AGENDA_TABLE} SET locked_at = NULL WHERE last_modified_by = $1 AND locked_at IS NOT NULL RETURNING name`,
        [name],
      );
      if (rows.length > 0) logger.info({ jobs: rows.map((r) => r.name) }, 'job scheduler: released the locks of runs still going');
    } catch (error) {
      logger.warn({ err: error }, 'job scheduler: could not release its job locks; they expire with the lock lifetime');
    }
  }

  /** Jobs whose next run fell due while no process was running them (a restart, a deploy), with when. */
  private async overdueJobs(): Promise<Map<string, Date>> {
    const { rows } = await this.deps.db.pool.query<{ name: string; next_run_at: Date }>(
      `SELECT name, next_run_at FROM ${AGENDA_TABLE}
       WHERE name = ANY($1::text[]) AND type = 'single' AND NOT disabled AND next_run_at <= now()`,
      [this.registry.names()],
    );
    return new Map(rows.map((r) => [r.name, new Date(r.next_run_at)]));
  }

  /**
   * `every(…, { skipImmediate })` sets each job's next run one interval
   * ahead of now: a job already due would be pushed back (a weekly invoice
   * run missed by a restart, or cut by a crash, would wait a week). Such
   * jobs keep their due time and run at this process's first scan (or, when
   * a dead process still holds them, once its lock runs out), unless a run
   * has finished since.
   */
  private async keepOverdue(overdue: Map<string, Date>): Promise<void> {
    for (const [name, dueAt] of overdue) {
      // Locked ones too: a run in flight keeps its job due at its start (see start()), and one whose process died
      // must be run again once its lock runs out. Not once a run has finished since: it saved the next occurrence.
      await this.deps.db.pool.query(
        `UPDATE ${AGENDA_TABLE} SET next_run_at = $2
         WHERE name = $1 AND type = 'single' AND (last_finished_at IS NULL OR last_finished_at < $2)`,
        [name, dueAt],
      );
    }
  }
}

/**
 * What `chorecat doctor` reads of the job store (database time, as Agenda
 * keeps it): scheduled jobs whose run is overdue by more than `lateMs` and
 * not taken (no worker process is running them), and jobs locked longer than
 * their lock lifetime (a run that died: a live one renews its lock); plus the failed runs in
 * job_runs within the last `failedWithinMs`.
 */
export interface JobBacklog {
  overdue: { name: string; lateMs: number }[];
  stale: { name: string; lockedMs: number }[];
  failedRuns: number;
  lastFailedJob: string | null;
}

export async function readJobBacklog(
  db: Database,
  options: { lateMs: number; failedWithinMs: number; registry?: JobRegistry },
): Promise<JobBacklog> {
  // Each job's own lifetime (a job the registry does not know: the default).
  const lifetimes = Object.fromEntries((options.registry?.list() ?? []).map((job) => [job.name, lockLifetimeOf(job)]));
  const { rows } = await db.pool.query<{ name: string; late_ms: number | null; locked_ms: number | null }>(
    `SELECT name,
            CASE WHEN locked_at IS NULL AND next_run_at < now() - $1 * interval '1 millisecond'
                 THEN (extract(epoch FROM now() - next_run_at) * 1000)::float8 END AS late_ms,
            CASE WHEN locked_at < now() - coalesce(($3::jsonb ->> name)::float8, $2) * interval '1 millisecond'
                 THEN (extract(epoch FROM now() - locked_at) * 1000)::float8 END AS locked_ms
     FROM ${AGENDA_TABLE} WHERE NOT coalesce(disabled, false) ORDER BY name`,
    [options.lateMs, DEFAULT_JOB_LOCK_LIFETIME_MS, JSON.stringify(lifetimes)],
  );
  const { rows: failed } = await db.pool.query<{ n: number; last: string | null }>(
    `SELECT count(*)::int AS n, (array_agg(job ORDER BY started_at DESC))[1] AS last
     FROM job_runs WHERE outcome = 'failed' AND started_at >= now() - $1 * interval '1 millisecond'`,
    [options.failedWithinMs],
  );
  return {
    overdue: rows.flatMap((r) => (r.late_ms === null ? [] : [{ name: r.name, lateMs: r.late_ms }])),
    stale: rows.flatMap((r) => (r.locked_ms === null ? [] : [{ name: r.name, lockedMs: r.locked_ms }])),
    failedRuns: failed[0]?.n ?? 0,
    lastFailedJob: failed[0]?.last ?? null,
  };
}
