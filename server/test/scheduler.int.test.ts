import { describe, it, expect } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from '../src/platform/database.ts';
import { createTestPlatform } from './helpers/platform.ts';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
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
      // Run by hand (CLI, sandbox), it is always recorded.
      fail = false;
      await scheduler.runJob('test.quiet', new Date(), 'cli');
      expect(await sql(t.db, "SELECT 1 FROM job_runs WHERE job = 'test.quiet'")).toHaveLength(2);
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
