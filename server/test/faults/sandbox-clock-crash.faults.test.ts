import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../helpers/database.ts';
import { startCli } from '../helpers/cli.ts';
import { freePort } from '../helpers/global-setup.ts';
import { hashJobName } from '../../src/platform/scheduler.ts';
import { secretsEnv } from '../helpers/secrets-env.ts';

/**
 * A sandbox-clock advance killed half-way (issue #18, fault 2): a real
 * `chorecat start` is SIGKILLed while its advance has moved the clock to a
 * month end and waits to run that month end's statements (this test's
 * connection holds the job's run lock, so the kill falls exactly there). The
 * next advance, in a new process, runs that month end's statements as of
 * their due time instead of starting after it: one statement per worker for
 * that month, issued once.
 */
const DAY = 86_400_000;
/** The sandbox clock's advance lock (sandbox-clock.ts). */
const ADVANCE_LOCK = 4_242_002;
const STATEMENTS = 'billing.monthly-statements';

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Every secret the platform declares, given, so both lives of the process sign and read the same tokens. */
/** The first month end (the last day at 23:00 UTC: the business time zone is UTC) strictly after `from`. */
function nextMonthEnd(from: number): number {
  const d = new Date(from);
  for (;;) {
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 23);
    if (end > from) return end;
    d.setUTCMonth(d.getUTCMonth() + 1, 1);
  }
}

describe('a sandbox-clock advance killed after moving the clock to a step, before its jobs ran', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-clock-crash-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let env: Record<string, string>;
  let url: string;
  let server: ReturnType<typeof startCli> | undefined;

  const call = async (method: string, route: string, options: { token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await observer.query<T>(text, values)).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      ...secretsEnv('clock-crash'),
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SUPPLIER_STAND_IN: '0',
      GOLDEN_HAT_STAND_IN: '0',
      PANEL: 'off',
      ROLE: 'api',
      PORT: String(port),
    };
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await observer?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('runs the killed step’s calendar jobs in the next advance: that month’s statements issued once', async () => {
    server = startCli(env);
    await server.ready;
    const login = await call('POST', '/v1/auth/login', { body: { email: 'manager@chorecat.test', password: 'chorecat-demo' } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const manager = login.body.accessToken as string;

    const start = Date.parse((await call('GET', '/v1/sandbox/clock', { token: manager })).body.now as string);
    const monthEnd = nextMonthEnd(start);
    // Two workers with work done in the month, to be stated at its end.
    const workers = [randomUUID(), randomUUID()];
    for (const worker of workers) {
      await observer.query(
        "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, 'completed', 10000, $3)",
        [randomUUID(), worker, new Date(Math.max(start + 1000, monthEnd - DAY))],
      );
    }

    // The advance is held at the month end's statements run, then its process killed there.
    await observer.query('SELECT pg_advisory_lock($1)', [hashJobName(STATEMENTS)]);
    const killed = call('POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'P35D' } }).catch((error: unknown) => error);
    try {
      await until('the advance waiting for the month end’s statements', async () => {
        const [row] = await query<{ holding: boolean; waiting: boolean }>(
          `SELECT bool_or(objid = $1 AND granted) AS holding, bool_or(objid = $2 AND NOT granted) AS waiting
           FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [ADVANCE_LOCK, hashJobName(STATEMENTS) >>> 0],
        );
        return Boolean(row?.holding && row.waiting);
      });
      // The step's time is already persisted: the shared clock reads the month end (or later).
      const [clock] = await query<{ at: string }>('SELECT (extract(epoch FROM now()) * 1000 + offset_ms)::bigint AS at FROM sandbox_clock');
      expect(Number(clock!.at)).toBeGreaterThanOrEqual(monthEnd);
      server.child.kill('SIGKILL');
      expect(await server.signal).toBe('SIGKILL');
      expect(await killed).toBeInstanceOf(Error);
    } finally {
      await observer.query('SELECT pg_advisory_unlock($1)', [hashJobName(STATEMENTS)]);
    }
    // PostgreSQL dropped the killed process's session, its advance lock with it.
    await until('the killed session gone', async () => {
      const rows = await query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [ADVANCE_LOCK],
      );
      return rows.length === 0;
    });
    const statementsAt = () =>
      query<{ worker_id: string }>('SELECT worker_id FROM statements WHERE period_end = $1 ORDER BY worker_id', [new Date(monthEnd)]);
    expect(await statementsAt()).toEqual([]);
    expect(await query('SELECT 1 FROM job_runs WHERE job = $1 AND as_of = $2', [STATEMENTS, new Date(monthEnd)])).toEqual([]);

    // A new life of the process, a short advance: it runs the month end first.
    server = startCli(env);
    await server.ready;
    const next = await call('POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'PT1H' } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.jobsRun).toEqual(
      expect.arrayContaining([{ job: STATEMENTS, at: new Date(monthEnd).toISOString(), outcome: 'succeeded' }]),
    );
    expect((await statementsAt()).map((s) => s.worker_id)).toEqual([...workers].sort());
    const runs = await query<{ outcome: string }>('SELECT outcome FROM job_runs WHERE job = $1 AND as_of = $2', [
      STATEMENTS,
      new Date(monthEnd),
    ]);
    expect(runs).toEqual([{ outcome: 'succeeded' }]);

    // Nothing left to replay: a further advance runs that month end no more.
    const after = await call('POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'PT1H' } });
    expect(after.status).toBe(200);
    expect((after.body.jobsRun as { job: string }[]).filter((r) => r.job === STATEMENTS)).toEqual([]);
    expect(await query('SELECT replayed_to FROM sandbox_clock')).toEqual([{ replayed_to: null }]);
    expect(await statementsAt()).toHaveLength(2);
  });
});
