import { describe, it, expect } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from '../database.ts';
import { sendEmail, defineTemplate } from '../../modules/notifications/index.ts';
import { createTestPlatform, MemoryTransport, type TestPlatform } from '../../../test/helpers/platform.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';

const note = defineTemplate<{ n: number }>('test-note', ({ n }) => ({ subject: `Note ${n}`, paragraphs: [`Note ${n}`] }));

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(everyMs);
  }
}

describe('Agenda on the PostgreSQL job store', () => {
  it('runs registered jobs on their schedule, as of the platform clock', async () => {
    const t = await createTestPlatform();
    const seen: { asOf: Date; trigger: string }[] = [];
    t.platform.kernel.scheduler.registry.register({
      name: 'test.tick',
      description: 'a fast poller',
      schedule: { everyMs: 300 },
      async run({ asOf, trigger }) {
        seen.push({ asOf, trigger });
      },
    });
    try {
      t.clock.moveTo(new Date('2032-06-01T00:00:00Z'));
      await t.platform.startBackground();
      await until(async () => (seen.length >= 2 ? true : undefined));
      expect(seen.every((s) => s.trigger === 'schedule')).toBe(true);
      expect(seen[0]!.asOf.getTime()).toBeGreaterThanOrEqual(Date.parse('2032-06-01T00:00:00Z'));
      const stored = await sql<{ name: string; repeat_interval: string }>(
        t.db,
        "SELECT name, repeat_interval FROM agenda_jobs WHERE name = 'test.tick'",
      );
      expect(stored).toHaveLength(1);
      const recorded = await sql(t.db, "SELECT 1 FROM job_runs WHERE job = 'test.tick' AND trigger = 'schedule'");
      expect(recorded.length).toBeGreaterThanOrEqual(2);
    } finally {
      await t.close();
    }
  });

  it('records a quiet poller only when it fails', async () => {
    const t = await createTestPlatform();
    let fail = false;
    t.platform.kernel.scheduler.registry.register({
      name: 'test.quiet',
      description: 'a quiet poller',
      schedule: { everyMs: 60_000 },
      quiet: true,
      async run() {
        if (fail) throw new Error('quiet poller broke');
      },
    });
    try {
      const scheduler = t.platform.kernel.scheduler;
      expect((await scheduler.runJob('test.quiet', new Date(), 'schedule')).outcome).toBe('succeeded');
      expect(await sql(t.db, "SELECT 1 FROM job_runs WHERE job = 'test.quiet'")).toHaveLength(0);
      fail = true;
      expect((await scheduler.runJob('test.quiet', new Date(), 'schedule')).outcome).toBe('failed');
      const rows = await sql<{ outcome: string; error: string }>(t.db, "SELECT outcome, error FROM job_runs WHERE job = 'test.quiet'");
      expect(rows).toEqual([{ outcome: 'failed', error: 'quiet poller broke' }]);
      // A run that broke is counted and alerted (one alert per job per ten minutes, however often it breaks).
      expect(await t.platform.kernel.metrics.registry.metrics()).toMatch(
        /^chorecat_job_failures_total\{job="test\.quiet",trigger="schedule"\} 1$/m,
      );
      await scheduler.runJob('test.quiet', new Date(), 'schedule');
      const alerts = await sql<{ subject: string }>(t.db, "SELECT subject FROM emails WHERE template = 'operator-alert'");
      expect(alerts.map((a) => a.subject)).toEqual(['[Chorecat alert] job test.quiet failed']);
      await sql(t.db, "DELETE FROM job_runs WHERE job = 'test.quiet'");
      // Run by hand (CLI, sandbox), it is always recorded.
      fail = false;
      await scheduler.runJob('test.quiet', new Date(), 'cli');
      expect(await sql(t.db, "SELECT 1 FROM job_runs WHERE job = 'test.quiet'")).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('after a graceful stop, a restarted process runs every due job within seconds: nothing stays locked by the stopped one', async () => {
    const database = await createTestDatabase();
    const started: TestPlatform[] = [];
    /** A process of `npm start` (ROLE=all) on the shared database, with a fast poller of its own. */
    const process = async (runs: string[]) => {
      const p = await createTestPlatform({ databaseUrl: database.url, mailTransport: new MemoryTransport() });
      started.push(p);
      p.platform.kernel.scheduler.registry.register({
        name: 'test.tick',
        description: 'a poller',
        schedule: { everyMs: 3_000 },
        async run() {
          runs.push('tick');
        },
      });
      return p;
    };
    try {
      const firstRuns: string[] = [];
      const first = await process(firstRuns);
      await first.platform.startBackground();
      // Agenda locks a job up to one scan (2 s here) ahead of its run: stop while the tick is locked so, well before it runs.
      await until(
        async () => {
          const ahead = await sql(
            first.db,
            `SELECT 1 FROM agenda_jobs WHERE name = 'test.tick' AND locked_at IS NOT NULL AND last_finished_at >= last_run_at
               AND next_run_at > now() + interval '500 milliseconds'`,
          );
          return firstRuns.length >= 1 && ahead.length > 0 ? true : undefined;
        },
        20_000,
        20,
      );
      await first.platform.stop();
      // What SIGTERM does (cli.ts → platform.stop): every job this process had locked is released.
      expect(await sql(first.db, 'SELECT name FROM agenda_jobs WHERE locked_at IS NOT NULL')).toEqual([]);

      // While no process runs: mail waits, and a rare job falls due (the ledger check runs every 6 hours).
      for (let n = 1; n <= 3; n++) {
        await sendEmail(first.platform.kernel, undefined, {
          template: note,
          to: 'ops@chorecat.test',
          data: { n },
          dedupeKey: `restart-${n}`,
        });
      }
      await sql(first.db, "UPDATE agenda_jobs SET next_run_at = now() - interval '1 hour' WHERE name = 'billing.reconcile'");

      const secondRuns: string[] = [];
      const second = await process(secondRuns);
      const since = new Date();
      await second.platform.startBackground();
      const mail = second.mail as MemoryTransport;
      // Bounded waits for conditions, far below the 10-minute lock lifetime that held jobs before.
      await until(async () => (secondRuns.length >= 1 ? true : undefined), 15_000);
      await until(async () => (mail.sent.filter((m) => m.subject.startsWith('Note')).length === 3 ? true : undefined), 15_000);
      await until(async () => {
        const runs = await sql(second.db, "SELECT 1 FROM job_runs WHERE job = 'billing.reconcile' AND started_at >= $1", [since]);
        return runs.length > 0 ? true : undefined;
      }, 15_000);
    } finally {
      for (const p of started.reverse()) await p.close();
      await database.drop();
    }
  });

  it('keeps a calendar job due while its run lives, so a run whose process died is run again once its lock runs out', async () => {
    const database = await createTestDatabase();
    const started: TestPlatform[] = [];
    const runs: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lockLifetimeMs = 5_000;
    /** A process on the shared database with a weekly job (its first run waits at the gate). */
    const process = async (name: string) => {
      const p = await createTestPlatform({ databaseUrl: database.url, mailTransport: new MemoryTransport() });
      started.push(p);
      p.platform.kernel.scheduler.registry.register({
        name: 'test.weekly',
        description: 'a calendar job',
        schedule: { cron: '0 23 * * 0' },
        lockLifetimeMs,
        async run() {
          runs.push(name);
          if (runs.length === 1) await gate;
        },
      });
      return p;
    };
    const row = async (db: TestPlatform['db']) =>
      (
        await sql<{ next_run_at: Date; locked_at: Date | null; last_finished_at: Date | null }>(
          db,
          "SELECT next_run_at, locked_at, last_finished_at FROM agenda_jobs WHERE name = 'test.weekly'",
        )
      )[0]!;
    try {
      const first = await process('first');
      await first.platform.startBackground();
      await sql(first.db, "UPDATE agenda_jobs SET next_run_at = now() - interval '1 second' WHERE name = 'test.weekly'");
      await until(async () => (runs.length === 1 ? true : undefined));
      // In flight: locked, and still due (Agenda alone had saved next Sunday already, so a crash now skipped a week).
      const running = await row(first.db);
      expect(running.locked_at).not.toBeNull();
      expect(running.next_run_at.getTime()).toBeLessThanOrEqual(Date.now());
      release();
      // Once it ends: next Sunday.
      const ended = await until(async () => {
        const r = await row(first.db);
        return r.locked_at === null && r.last_finished_at ? r : undefined;
      });
      expect(ended.next_run_at.getTime()).toBeGreaterThan(Date.now() + 60_000);
      await started.shift()!.close();

      const second = await process('second');
      // What a process killed mid-run leaves: the job locked by it and due at the run's start (after the last run's end), its
      // lock renewed a second ago.
      await sql(
        second.db,
        `UPDATE agenda_jobs SET locked_at = now() - interval '1 second', next_run_at = now() - interval '1 minute',
                last_run_at = now() - interval '1 minute', last_finished_at = now() - interval '2 minutes',
                last_modified_by = 'killed:1' WHERE name = 'test.weekly'`,
      );
      const restartedAt = Date.now();
      await second.platform.startBackground();
      // Run again by the restarted process once the dead one's lock ran out (4 s from now), not pushed to next Sunday.
      await until(async () => (runs.length === 2 ? true : undefined), 20_000);
      expect(runs).toEqual(['first', 'second']);
      expect(Date.now() - restartedAt).toBeGreaterThanOrEqual(lockLifetimeMs - 1_000 - 500);
      const after = await until(async () => {
        const r = await row(second.db);
        return r.locked_at === null && r.last_finished_at!.getTime() >= restartedAt ? r : undefined;
      });
      expect(after.next_run_at.getTime()).toBeGreaterThan(Date.now() + 60_000);
    } finally {
      release();
      for (const p of started.reverse()) await p.close();
      await database.drop();
    }
  });

  it('keeps a calendar job due when its run could not start, and runs it once when it can', async () => {
    const t = await createTestPlatform();
    const runs: Date[] = [];
    t.platform.kernel.scheduler.registry.register({
      name: 'test.weekly',
      description: 'a calendar job',
      schedule: { cron: '0 23 * * 0' },
      async run({ asOf }) {
        runs.push(asOf);
      },
    });
    const agendaRow = async () =>
      (
        await sql<{ fail_count: number | null; next_run_at: Date; locked_at: Date | null }>(
          t.db,
          "SELECT fail_count, next_run_at, locked_at FROM agenda_jobs WHERE name = 'test.weekly'",
        )
      )[0]!;
    try {
      await t.platform.startBackground();
      // PostgreSQL refuses the run's record, as it refuses or times out anything before a run starts while it
      // restarts or the pool is taken: the run cannot start.
      await sql(t.db, "ALTER TABLE job_runs ADD CONSTRAINT test_refuse_weekly CHECK (job <> 'test.weekly')");
      await sql(t.db, "UPDATE agenda_jobs SET next_run_at = now() - interval '1 second' WHERE name = 'test.weekly'");
      // Agenda tried it (and counted the failure); the due time is kept, not moved to next Sunday.
      const tried = await until(async () => {
        const row = await agendaRow();
        return (row.fail_count ?? 0) >= 1 && row.locked_at === null ? row : undefined;
      });
      expect(tried.next_run_at.getTime()).toBeLessThan(Date.now() + 10_000);
      expect(runs).toEqual([]);

      await sql(t.db, 'ALTER TABLE job_runs DROP CONSTRAINT test_refuse_weekly');
      await until(async () => ((await agendaRow()).next_run_at.getTime() > Date.now() + 60_000 ? true : undefined));
      expect(runs).toHaveLength(1);
      expect(await sql(t.db, "SELECT outcome FROM job_runs WHERE job = 'test.weekly'")).toEqual([{ outcome: 'succeeded' }]);
    } finally {
      await t.close();
    }
  });

  it('starts no job processing in an API-only process (ROLE=api)', async () => {
    const t = await createTestPlatform({ env: { ROLE: 'api' } });
    try {
      await t.platform.startBackground();
      expect(await sql(t.db, 'SELECT 1 FROM agenda_jobs')).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
