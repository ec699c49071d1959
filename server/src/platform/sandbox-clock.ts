import type { Database } from './database.ts';
import type { PlatformClock } from './clock.ts';
import type { Scheduler, JobRunResult } from './scheduler.ts';
import { AppError } from './errors.ts';

/**
 * The sandbox clock (SPEC §14): Stripe's test clocks for every flow. The
 * offset lives in the database so every process reads the same time; it
 * only moves forward. Advancing replays every job that falls due on the way,
 * in time order, each run as of its due time; pollers (outbox delivery …)
 * then run once at the target.
 */
const ADVANCE_LOCK = 4_242_002;
/**
 * Steps at which only pollers fall due that one advance replays one by one.
 * A poller with work every minute (a cookie retried for a week) would
 * otherwise make a month's advance tens of thousands of steps; past the
 * budget the pollers run only just before each calendar job and at the
 * target, late but in order, and the calendar jobs (Sunday invoices, month
 * ends) still run once at each due time. (A cap on all steps used to end the
 * replay there and skip every Sunday and month end after it.)
 */
export const MAX_POLLER_STEPS = 10_000;

/**
 * One advance replays every job due on the way, in order: a year of
 * Sundays, month ends and pollers takes a few seconds, ten years about
 * half a minute, and a century would hold the advisory lock (and the
 * request) for many minutes. Longer trips take several calls.
 */
export const MAX_ADVANCE_DAYS = 3_660;
const MAX_ADVANCE_MS = MAX_ADVANCE_DAYS * 86_400_000;

export class SandboxClock {
  constructor(private readonly deps: { db: Database; clock: PlatformClock; scheduler: Scheduler; maxPollerSteps?: number }) {}

  /** Reads the shared offset into this process's clock. */
  async sync(): Promise<void> {
    const result = await this.deps.db.pool.query<{ offset_ms: string }>('SELECT offset_ms FROM sandbox_clock');
    const offset = Number(result.rows[0]?.offset_ms ?? 0);
    this.deps.clock.setOffset(offset);
  }

  async now(): Promise<Date> {
    await this.sync();
    return this.deps.clock.now();
  }

  async advance(target: Date): Promise<{ now: Date; jobsRun: JobRunResult[] }> {
    const { db, clock, scheduler } = this.deps;
    const client = await db.pool.connect();
    try {
      const locked = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [ADVANCE_LOCK]);
      if (!locked.rows[0]?.ok) throw new AppError('SANDBOX.CLOCK_BUSY', 'Another advance of the sandbox clock is running.');
      try {
        await this.sync();
        const start = clock.now();
        if (Number.isNaN(target.getTime()) || target.getTime() - start.getTime() > MAX_ADVANCE_MS) {
          throw new AppError(
            'SANDBOX.ADVANCE_TOO_FAR',
            `One advance moves the clock at most ${MAX_ADVANCE_DAYS} days (every job due on the way runs); advance again for more.`,
          );
        }
        if (target.getTime() < start.getTime()) {
          throw new AppError(
            'SANDBOX.CLOCK_BACKWARDS',
            `The clock only moves forward: it reads ${start.toISOString()}, which is after ${target.toISOString()}.`,
          );
        }
        const jobsRun: JobRunResult[] = [];
        // An advance that died half-way (its process killed) left the clock at a step whose calendar jobs may not
        // have committed: they run again first, as of their due times, then this advance goes on from the clock.
        const resumeFrom = await this.replayedTo(client);
        if (resumeFrom && resumeFrom.getTime() < start.getTime()) {
          let done = resumeFrom;
          for (;;) {
            const due: { at: Date; job: string }[] = [];
            for (const job of scheduler.registry.list()) {
              if (!('cron' in job.schedule)) continue;
              const next = await scheduler.nextDueAt(job, done);
              if (next && next.at.getTime() <= start.getTime()) due.push({ at: next.at, job: job.name });
            }
            if (due.length === 0) break;
            const at = new Date(Math.min(...due.map((d) => d.at.getTime())));
            for (const { job } of due.filter((d) => d.at.getTime() === at.getTime())) {
              jobsRun.push(await scheduler.runJob(job, at, 'sandbox'));
            }
            done = at;
            await client.query('UPDATE sandbox_clock SET replayed_to = $1', [done]);
          }
        }
        // A poller whose overdue work did not move after it ran (it keeps
        // failing) waits for the run at the target rather than spin here.
        const overdue = new Map<string, number>();
        const pollerBudget = this.deps.maxPollerSteps ?? MAX_POLLER_STEPS;
        let pollerSteps = 0;
        let cursor = start;
        for (;;) {
          const due: { at: Date; job: string; poller: boolean }[] = [];
          for (const job of scheduler.registry.list()) {
            const next = await scheduler.nextDueAt(job, cursor);
            if (!next || next.at.getTime() > target.getTime()) continue;
            if (next.overdueSince) {
              if (overdue.get(job.name) === next.overdueSince.getTime()) continue;
              overdue.set(job.name, next.overdueSince.getTime());
            }
            due.push({ at: next.at, job: job.name, poller: 'everyMs' in job.schedule });
          }
          const calendar = due.filter((d) => !d.poller);
          // Past the budget only a calendar job makes a step; the pollers due by then run at it, just before.
          const stepping = pollerSteps < pollerBudget ? due : calendar;
          if (stepping.length === 0) break;
          const earliest = Math.min(...stepping.map((d) => d.at.getTime()));
          const at = new Date(earliest);
          if (!calendar.some((d) => d.at.getTime() === earliest)) pollerSteps++;
          await this.persist(client, at, cursor);
          // Registration order breaks ties, so modules' jobs run in a stable order (past the budget, the late
          // pollers run at this instant too).
          for (const { job } of due.filter((d) => d.at.getTime() <= earliest)) {
            jobsRun.push(await scheduler.runJob(job, at, 'sandbox'));
          }
          cursor = at;
        }
        await this.persist(client, target, cursor);
        for (const job of scheduler.registry.list()) {
          if ('everyMs' in job.schedule) jobsRun.push(await scheduler.runJob(job.name, target, 'sandbox'));
        }
        // Every step ran: nothing for the next advance to replay.
        await client.query('UPDATE sandbox_clock SET replayed_to = NULL');
        return { now: clock.now(), jobsRun };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ADVANCE_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  /**
   * Moves the clock to `to` (a step's due time, or the target) and records, in
   * the same statement, that every job due up to `replayed` has run: a process
   * killed before `to`'s jobs commit leaves `replayed_to` behind the clock, and
   * the next advance runs that step's calendar jobs again (they are idempotent
   * per due time: one invoice per client and week, one statement per month).
   */
  private async persist(client: { query: Database['pool']['query'] }, to: Date, replayed: Date): Promise<void> {
    this.deps.clock.moveTo(to);
    await client.query('UPDATE sandbox_clock SET offset_ms = GREATEST(offset_ms, $1), replayed_to = $2, updated_at = now()', [
      Math.max(0, this.deps.clock.offset),
      replayed,
    ]);
  }

  /** Where an unfinished advance got to: every job due up to this time ran; null when the last advance finished. */
  private async replayedTo(client: { query: Database['pool']['query'] }): Promise<Date | null> {
    const { rows } = await client.query<{ replayed_to: Date | null }>('SELECT replayed_to FROM sandbox_clock');
    return rows[0]?.replayed_to ?? null;
  }
}

/** Parses an ISO 8601 duration (P1D, PT90M, P1W, P1M …) and adds it to `from` in UTC calendar terms. */
export function addIsoDuration(from: Date, duration: string): Date {
  // Anchored, no nested repetition, and the spec caps the input at 64 characters.
  // eslint-disable-next-line security/detect-unsafe-regex
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) {
    throw new AppError('VALIDATION.FAILED', `"${duration}" is not an ISO 8601 duration such as P1D or PT2H.`, {
      errors: [{ path: '/body/advanceBy', message: 'must be an ISO 8601 duration' }],
    });
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const result = new Date(from);
  result.setUTCFullYear(result.getUTCFullYear() + years!, result.getUTCMonth() + months!);
  result.setUTCDate(result.getUTCDate() + weeks! * 7 + days!);
  return new Date(result.getTime() + ((hours! * 60 + minutes!) * 60 + seconds!) * 1000);
}
