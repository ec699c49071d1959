import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startWorld, until, type World } from './helpers/killed-server.ts';
import { hashJobName } from '../src/platform/scheduler.ts';

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
           WHERE j.name = 'outbox.deliver' AND j.locked_at IS NOT NULL AND l.locktype = 'advisory' AND NOT l.granted`,
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
});
