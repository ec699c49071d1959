import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { runCli } from '../../../test/helpers/cli.ts';
import { connectDatabase, sql } from '../database.ts';
import { createLogger } from '../logger.ts';
import { enqueueEmail } from '../mail.ts';
import { PlatformClock } from '../clock.ts';

/** The run's result: the one stdout line that is not a log line (the logger writes asynchronously, in any order with it). */
function resultOf(stdout: string): Record<string, unknown> {
  const results = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => !('level' in line));
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('chorecat jobs', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, NODE_ENV: 'development', MAILDEV: '0', JWT_SECRET: 'j'.repeat(40), SESSION_SECRET: 's'.repeat(40) };
  });
  afterAll(() => database.drop());

  it('lists the registered jobs', async () => {
    const result = await runCli(['jobs', 'list'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^outbox\.deliver\s+every 30000 ms\s+lock 30 s\s/m);
    expect(result.stdout).toMatch(/^billing\.weekly-invoices\s+cron "0 23 \* \* 0" \(UTC\)\s+lock 300 s\s/m);
    expect(result.stdout).toMatch(/^idempotency\.purge/m);
  });

  it('runs one job once, as of the given time, through the same code path', async () => {
    const db = connectDatabase(database.url, createLogger({ level: 'silent' }));
    try {
      // An email due only in 2035: a run as of 2035 delivers it (and fails, no transport is configured).
      const clock = new PlatformClock();
      await clock.runAt(new Date('2035-03-01T00:00:00Z'), () =>
        enqueueEmail(db, undefined, clock, {
          to: 'x@chorecat.test',
          subject: 's',
          text: 't',
          html: 'h',
          template: 'test',
          dedupeKey: 'cli-1',
        }),
      );
      const early = await runCli(['jobs', 'run', 'outbox.deliver', '--as-of', '2030-01-01T00:00:00Z'], env);
      expect(early.code).toBe(0);
      expect(resultOf(early.stdout)).toEqual({ job: 'outbox.deliver', at: '2030-01-01T00:00:00.000Z', outcome: 'succeeded' });
      const [untouched] = await sql<{ attempts: number }>(db, "SELECT attempts FROM outbox WHERE dedupe_key = 'email:cli-1'");
      expect(untouched!.attempts).toBe(0);

      // The delivery fails: the run is a failed one (exit 1, with the reason), not a success that hides it.
      const due = await runCli(['jobs', 'run', 'outbox.deliver', '--as-of', '2035-03-02T00:00:00Z'], env);
      expect(due.code).toBe(1);
      const result = resultOf(due.stdout) as { job: string; outcome: string; error: string };
      expect(result).toMatchObject({ job: 'outbox.deliver', outcome: 'failed' });
      expect(result.error).toMatch(/1 item of this run failed; the last: email .*no mail transport configured/);
      const [tried] = await sql<{ attempts: number; last_error: string }>(
        db,
        "SELECT attempts, last_error FROM outbox WHERE dedupe_key = 'email:cli-1'",
      );
      expect(tried!.attempts).toBe(1);
      expect(tried!.last_error).toMatch(/no mail transport configured/);

      const runs = await sql<{ as_of: Date; trigger: string; outcome: string }>(
        db,
        "SELECT as_of, trigger, outcome FROM job_runs WHERE job = 'outbox.deliver' ORDER BY started_at",
      );
      expect(runs.map((r) => [new Date(r.as_of).toISOString(), r.trigger, r.outcome])).toEqual([
        ['2030-01-01T00:00:00.000Z', 'cli', 'succeeded'],
        ['2035-03-02T00:00:00.000Z', 'cli', 'failed'],
      ]);
    } finally {
      await db.close();
    }
  });

  it('says plainly when the job is unknown or the time is not a time', async () => {
    const unknown = await runCli(['jobs', 'run', 'billing.nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(
      'chorecat: unknown job "billing.nope"; known jobs: outbox.deliver, idempotency.purge, files.sweep, orders.start-deadline, orders.auto-accept, supplies.supplier-sync, matching.retry, matching.offer-deadlines, hiring.purge-challenges, billing.weekly-invoices, billing.monthly-statements, billing.payouts, billing.reconcile, events.purge, webhooks.deliver',
    );
    const badTime = await runCli(['jobs', 'run', 'outbox.deliver', '--as-of', 'tomorrow'], env);
    expect(badTime.code).toBe(1);
    expect(badTime.stderr.trim()).toBe('chorecat: --as-of must be an ISO 8601 time, got "tomorrow"');
  });
});
