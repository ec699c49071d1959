import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startWorld, until, type World } from './helpers/killed-server.ts';
import { runCli } from './helpers/cli.ts';
import { hashJobName, JOB_LOCK_RENEW_FRACTION } from '../src/platform/scheduler.ts';

/**
 * A job a SIGKILLed process held is run by the restarted one within that
 * job's lock lifetime (issue #18, fault 2: "a crash must not stall jobs
 * longer than their lock lifetime"), while a live run renews its lock.
 */
describe('a SIGKILLed process holding a job', () => {
  let world: World;
  const q: World['q'] = (text, params) => world.q(text, params);
  let server: World['server'];

  beforeAll(async () => {
    world = await startWorld(3611);
    ({ server } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lets the restarted process run a job the killed one held within that job’s lock lifetime', { timeout: 240_000 }, async () => {
    await server.up();
    // The outbox poll's run is held in flight (waiting for its advisory lock) while Agenda has it locked for this process.
    await q('SELECT pg_advisory_lock($1)', [hashJobName('outbox.deliver')]);
    try {
      await until('a scheduled outbox run in flight', async () => {
        const [row] = await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM agenda_jobs j, pg_locks l
           WHERE j.name = 'outbox.deliver' AND j.locked_at IS NOT NULL AND l.locktype = 'advisory' AND NOT l.granted
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        return row!.n === 1;
      });
      const [held] = await q<{ locked_at: Date }>("SELECT locked_at FROM agenda_jobs WHERE name = 'outbox.deliver'");
      // A live run renews its lock (every quarter of the 30 s lifetime): never taken from a process that is still at it.
      await until(
        'the lock renewed',
        async () => {
          const [row] = await q<{ locked_at: Date }>("SELECT locked_at FROM agenda_jobs WHERE name = 'outbox.deliver'");
          return row!.locked_at.getTime() > held!.locked_at.getTime();
        },
        30_000,
      );
      await server.kill('holding outbox.deliver');
    } finally {
      await q('SELECT pg_advisory_unlock($1)', [hashJobName('outbox.deliver')]);
    }
    const killedAt = Date.now();
    const [left] = await q<{ locked_at: Date | null; by: string }>(
      "SELECT locked_at, last_modified_by AS by FROM agenda_jobs WHERE name = 'outbox.deliver'",
    );
    expect(left!.locked_at, 'the dead process left the job locked').not.toBeNull();
    await server.up();
    await until(
      'the outbox poll run by the restarted process',
      async () => {
        const [row] = await q<{ by: string; finished: Date | null }>(
          "SELECT last_modified_by AS by, last_finished_at AS finished FROM agenda_jobs WHERE name = 'outbox.deliver'",
        );
        return row!.by !== left!.by && row!.finished !== null && row!.finished.getTime() > killedAt && row;
      },
      // Its lifetime (30 s) after the kill, plus a scan (2 s) and a busy machine's slack: far below Agenda's 10 minutes.
      60_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(60_000);
  });

  it(
    'lets the restarted process run every job the killed one held, all at once, each within its own lock lifetime',
    // The longest lifetime (5 min, the billing runs) after a quarter of it for the renewals: ~7 minutes.
    { timeout: 600_000 },
    async () => {
      await server.up();
      // The jobs and their lock lifetimes, as operators read them.
      const listed = await runCli(['jobs', 'list'], server.env);
      expect(listed.code, listed.stderr).toBe(0);
      const held = [...listed.stdout.matchAll(/^(\S+)\s+(?:every \d+ ms|cron "[^"]+" \(\S+\))\s+lock (\d+) s\s/gm)].map((m) => ({
        name: m[1]!,
        lifetimeMs: Number(m[2]) * 1000,
      }));
      // Every job of issue #18's list (statements, payouts, supplier sync, the outbox, matching) and the others, far more
      // of them at once than the 5 connections the scheduler once shared with requests.
      expect(held.map((job) => job.name)).toEqual(
        expect.arrayContaining([
          'billing.weekly-invoices',
          'billing.monthly-statements',
          'billing.payouts',
          'supplies.supplier-sync',
          'outbox.deliver',
          'webhooks.deliver',
          'matching.retry',
          'matching.offer-deadlines',
        ]),
      );
      expect(held.length, listed.stdout).toBe(listed.stdout.trim().split('\n').length);
      const names = held.map((job) => job.name);
      // The calendar jobs and the hourly pollers fall due now, as at their time: the frequent pollers are due every few seconds.
      await q("UPDATE agenda_jobs SET next_run_at = now() WHERE name = ANY($1::text[]) AND next_run_at > now() + interval '1 minute'", [
        names,
      ]);
      const keys = names.map(hashJobName);
      // Each one's scheduled run is held in flight (waiting for its advisory lock) while Agenda has it locked for this process.
      await q('SELECT pg_advisory_lock(k) FROM unnest($1::int[]) AS k', [keys]);
      let killedAt: number;
      let left: { name: string; by: string }[];
      try {
        let seen: unknown;
        await until('a scheduled run of every job in flight', async () => {
          const [row] = await q<{ locked: number; waiting: number }>(
            `SELECT (SELECT count(*)::int FROM agenda_jobs WHERE name = ANY($1::text[]) AND locked_at IS NOT NULL) AS locked,
                  (SELECT count(*)::int FROM pg_locks
                   WHERE locktype = 'advisory' AND NOT granted
                     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS waiting`,
            [names],
          );
          seen = row;
          return row!.locked === names.length && row!.waiting === names.length;
        }).catch((error: Error) => {
          throw new Error(`${error.message} (${names.length} jobs; last seen ${JSON.stringify(seen)})`);
        });
        const before = await q<{ name: string; locked_at: Date }>('SELECT name, locked_at FROM agenda_jobs WHERE name = ANY($1::text[])', [
          names,
        ]);
        // Every live run renews its lock (every quarter of its lifetime) while the others wait too: a renewal needs a
        // connection the waiting runs do not hold.
        await until(
          'every lock renewed',
          async () => {
            const now = await q<{ name: string; locked_at: Date }>('SELECT name, locked_at FROM agenda_jobs WHERE name = ANY($1::text[])', [
              names,
            ]);
            return now.every((row) => row.locked_at.getTime() > before.find((b) => b.name === row.name)!.locked_at.getTime());
          },
          Math.max(...held.map((job) => job.lifetimeMs)) * JOB_LOCK_RENEW_FRACTION + 30_000,
        );
        // And requests are still answered: the waiting runs hold no connection a request needs.
        const ready = await fetch(`${world.base}/readyz`);
        expect(ready.status).toBe(200);
        await server.kill('holding every job');
        killedAt = Date.now();
        left = await q<{ name: string; by: string }>(
          'SELECT name, last_modified_by AS by FROM agenda_jobs WHERE name = ANY($1::text[]) AND locked_at IS NOT NULL',
          [names],
        );
      } finally {
        await q('SELECT pg_advisory_unlock(k) FROM unnest($1::int[]) AS k', [keys]);
      }
      expect(left.map((row) => row.name).sort(), 'the dead process left every one locked').toEqual([...names].sort());
      await server.up();
      const takenAfter = new Map<string, number>();
      await until(
        'every job run by the restarted process',
        async () => {
          const rows = await q<{ name: string; by: string; finished: Date | null }>(
            'SELECT name, last_modified_by AS by, last_finished_at AS finished FROM agenda_jobs WHERE name = ANY($1::text[])',
            [names],
          );
          for (const row of rows) {
            const killer = left.find((l) => l.name === row.name)!.by;
            if (!takenAfter.has(row.name) && row.by !== killer && row.finished && row.finished.getTime() > killedAt) {
              takenAfter.set(row.name, row.finished.getTime() - killedAt);
            }
          }
          return takenAfter.size === names.length;
        },
        Math.max(...held.map((job) => job.lifetimeMs)) + 45_000,
      );
      console.info(
        `jobs run again after the kill: ${held.map((job) => `${job.name} ${(takenAfter.get(job.name)! / 1000).toFixed(1)} s (lock ${job.lifetimeMs / 1000} s)`).join(', ')}`,
      );
      for (const job of held) {
        const after = takenAfter.get(job.name)!;
        // Not before its lock ran out (renewed at most a quarter of its lifetime before the kill): the lock held it.
        expect(after, `${job.name} run ${after} ms after the kill`).toBeGreaterThan(job.lifetimeMs / 2);
        // Within its lifetime after the kill, plus a scan (Agenda polls every 2 s) and a busy machine's slack.
        expect(after, `${job.name} run ${after} ms after the kill`).toBeLessThan(job.lifetimeMs + 30_000);
      }
    },
  );
});
