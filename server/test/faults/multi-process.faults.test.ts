import { describe, it, expect, beforeAll, afterAll } from 'vitest';
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
 * Issue #18, faults 3 and 7: several real `chorecat start` processes on one
 * database, as behind a load balancer — two ROLE=api and one ROLE=worker,
 * then two ROLE=all. They start on a fresh database at once (each migrates
 * and seeds the demo data). Every count is read from the database (job_runs,
 * invoices, top_ups, Agenda's table), never from logs.
 */
const SUCCESS_CARD = '4242424242424242';
const AUTH_LIMIT = 10;
const DAY = 86_400_000;
/** The sandbox clock's advance lock (sandbox-clock.ts). */
const ADVANCE_LOCK = 4_242_002;
const CRON_JOBS = ['billing.weekly-invoices', 'billing.monthly-statements'];
/** How many due times of each calendar job the Agenda-schedule test makes. */
const AGENDA_ROUNDS = 3;

interface Proc {
  role: string;
  url: string;
  pid: number;
  server: ReturnType<typeof startCli>;
}

/** Waits until `probe` holds, asking again every 100 ms (the processes work at their own pace). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 90_000, explain?: () => Promise<unknown>): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${explain ? `: ${JSON.stringify(await explain())}` : ''}`);
    await sleep(100);
  }
}

/** Every secret the platform declares, given (not generated into the shared data folder by each process). */
const layouts = [
  { name: 'two ROLE=api processes and one ROLE=worker on one database', roles: ['api', 'api', 'worker'] },
  { name: 'two ROLE=all processes on one database', roles: ['all', 'all'] },
] as const;

describe.each(layouts)('$name', ({ roles }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fm-multi-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let procs: Proc[] = [];
  /** The two processes requests are sent to (the API ones). */
  let a: Proc;
  let b: Proc;
  let manager: string;

  const call = async (
    proc: Proc,
    method: string,
    route: string,
    options: { token?: string; body?: unknown; from?: string; key?: string } = {},
  ) => {
    const res = await fetch(`${proc.url}${route}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        // The processes trust a proxy on loopback: each check speaks from its own address, with its own budgets.
        ...(options.from ? { 'x-forwarded-for': options.from } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const login = async (proc: Proc, email: string, from: string) => {
    const res = await call(proc, 'POST', '/v1/auth/login', { body: { email, password: 'chorecat-demo' }, from });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.accessToken as string;
  };
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await observer.query<T>(text, values)).rows;
  const clockAt = async (proc: Proc) => Date.parse((await call(proc, 'GET', '/v1/sandbox/clock', { token: manager })).body.now as string);
  /** Runs per job and due time (job_runs.as_of) of one trigger since `since` (database time). */
  const runsSince = (trigger: string, since: Date) =>
    query<{ job: string; as_of: Date; n: number }>(
      `SELECT job, as_of, count(*)::int AS n FROM job_runs WHERE trigger = $1 AND started_at >= $2 GROUP BY job, as_of ORDER BY as_of, job`,
      [trigger, since],
    );
  const dbNow = async () => (await query<{ now: Date }>('SELECT now()'))[0]!.now;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    const ports = await Promise.all(roles.map(() => freePort()));
    const common = {
      ...secretsEnv('multi-process'),
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SUPPLIER_STAND_IN: '0',
      GOLDEN_HAT_STAND_IN: '0',
      PANEL: 'off',
      AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
    };
    // All at once, on a database no process has seeded yet.
    procs = roles.map((role, i) => {
      const server = startCli({ ...common, ROLE: role, PORT: String(ports[i]) });
      return { role, url: `http://127.0.0.1:${ports[i]}`, pid: server.child.pid!, server };
    });
    await Promise.all(procs.map((p) => p.server.ready));
    [a, b] = procs as [Proc, Proc];
    manager = await login(a, 'manager@chorecat.test', '198.51.100.1');
    // Three processes booting at once on a busy machine take longer than the default hook time.
  }, 240_000);

  afterAll(async () => {
    for (const p of procs) p.server.child.kill('SIGTERM');
    const codes = await Promise.all(procs.map((p) => p.server.exited));
    await observer?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    expect(codes).toEqual(procs.map(() => 0));
  }, 120_000);

  it('started every process on the fresh database, seeding the demo data once', async () => {
    const [counts] = await query<{ users: number; vacancies: number; profiles: number; forms: number; types: number }>(
      `SELECT (SELECT count(*)::int FROM users WHERE email LIKE '%@chorecat.test') AS users,
              (SELECT count(*)::int FROM vacancies) AS vacancies, (SELECT count(*)::int FROM worker_profiles) AS profiles,
              (SELECT count(*)::int FROM review_forms) AS forms, (SELECT count(*)::int FROM service_types) AS types`,
    );
    expect(counts).toEqual({ users: 9, vacancies: 1, profiles: 5, forms: 1, types: 3 });
  });

  it('shares rate limits and lockouts between the processes', async () => {
    // The auth limit (10 a minute per address), spent alternately at A and B: ten answered, then refused at both.
    const statuses: { at: string; status: number; code: unknown }[] = [];
    for (let i = 0; i < AUTH_LIMIT + 4; i++) {
      const proc = i % 2 === 0 ? a : b;
      const res = await call(proc, 'POST', '/v1/auth/login', {
        body: { email: `nobody-${i}@chorecat.test`, password: 'wrong-password' },
        from: '198.51.100.7',
      });
      statuses.push({ at: proc === a ? 'A' : 'B', status: res.status, code: res.body.code });
    }
    expect(statuses.slice(0, AUTH_LIMIT).every((s) => s.status === 401 && s.code === 'AUTH.INVALID_CREDENTIALS')).toBe(true);
    expect(statuses.slice(AUTH_LIMIT)).toEqual([
      { at: 'A', status: 429, code: 'RATE_LIMITED' },
      { at: 'B', status: 429, code: 'RATE_LIMITED' },
      { at: 'A', status: 429, code: 'RATE_LIMITED' },
      { at: 'B', status: 429, code: 'RATE_LIMITED' },
    ]);

    // Five wrong passwords for one account, alternately at A and B, lock it at both: even the right one is refused.
    for (let i = 0; i < 5; i++) {
      const res = await call(i % 2 === 0 ? a : b, 'POST', '/v1/auth/login', {
        body: { email: 'worker5@chorecat.test', password: 'wrong-password' },
        from: '198.51.100.8',
      });
      expect(res.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    }
    for (const proc of [b, a]) {
      const res = await call(proc, 'POST', '/v1/auth/login', {
        body: { email: 'worker5@chorecat.test', password: 'chorecat-demo' },
        from: '198.51.100.9',
      });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 429, code: 'AUTH.LOCKED' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('replays an Idempotency-Key sent to one process and retried at the other, and charges once for racing retries at both', async () => {
    const client = await login(b, 'client@chorecat.test', '198.51.100.10');
    const body = { amount: '30.00', paymentMethod: SUCCESS_CARD };
    const first = await call(a, 'POST', '/v1/top-ups', { token: client, body, key: 'multi-process-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retried = await call(b, 'POST', '/v1/top-ups', { token: client, body, key: 'multi-process-1' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);

    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'POST', '/v1/top-ups', { token: client, body, key: 'multi-process-2' }),
      ),
    );
    expect(racing.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY.IN_FLIGHT'))).toBe(true);
    expect(new Set(racing.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    const [clientRow] = await query<{ id: string }>("SELECT id FROM users WHERE email = 'client@chorecat.test'");
    expect(await query('SELECT amount_cents FROM top_ups WHERE client_id = $1', [clientRow!.id])).toEqual([
      { amount_cents: '3000' },
      { amount_cents: '3000' },
    ]);
    expect((await call(a, 'GET', '/v1/balance', { token: client })).body.balance).toBe('60.00');
  });

  it('runs each job once per due time when the sandbox clock is advanced through one process', async () => {
    const start = await clockAt(a);
    const target = start + 35 * DAY;
    const sundays = cronInstants(start, target, (d) => d.getUTCDay() === 0);
    const monthEnds = cronInstants(start, target, (d) => new Date(d.getTime() + DAY).getUTCDate() === 1);
    // Orders to invoice: two clients each week (the business time zone is UTC, so a week ends Sunday 23:00 UTC).
    for (const periodEnd of sundays) {
      await observer.query(
        `INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end)
         SELECT gen_random_uuid(), md5('multi' || g)::uuid, 10000, $1::timestamptz - interval '1 day', $1 FROM generate_series(1, 2) g`,
        [new Date(periodEnd)],
      );
    }
    const since = await dbNow();
    const res = await call(a, 'POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'P35D' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The other process reads the new time at once (its GET reads the shared offset).
    expect((await clockAt(b)) - target).toBeGreaterThanOrEqual(0);

    const runs = await runsSince('sandbox', since);
    expect(runs.filter((r) => r.n !== 1)).toEqual([]);
    const calendar = (job: string) => runs.filter((r) => r.job === job).map((r) => r.as_of.getTime());
    expect(calendar('billing.weekly-invoices')).toEqual(sundays);
    expect(calendar('billing.monthly-statements')).toEqual(monthEnds);
    // What the advance answered is what the database recorded, run for run.
    const answered = (res.body.jobsRun as { job: string; at: string }[]).map((r) => `${r.at} ${r.job}`).sort();
    expect(answered).toEqual(runs.map((r) => `${r.as_of.toISOString()} ${r.job}`).sort());
    // One invoice per client and week, every week.
    const invoices = await query<{ period_end: Date; n: number }>(
      'SELECT period_end, count(*)::int AS n FROM invoices WHERE period_end = ANY($1::timestamptz[]) GROUP BY period_end ORDER BY period_end',
      [sundays.map((s) => new Date(s))],
    );
    expect(invoices.map((i) => [i.period_end.getTime(), i.n])).toEqual(sundays.map((s) => [s, 2]));

    // Meanwhile no process ran those calendar jobs on its own schedule (Agenda's are in real time), and a few
    // scans later (the worker's pollers ran twice more) nothing has run a second time.
    await pollerRunsTwice();
    expect((await runsSince('sandbox', since)).filter((r) => r.n !== 1)).toEqual([]);
    expect((await runsSince('schedule', since)).filter((r) => CRON_JOBS.includes(r.job))).toEqual([]);
  });

  it('refuses an advance through the other process while one runs (409 SANDBOX.CLOCK_BUSY): the clock ends at the first one’s target', async () => {
    // The first advance is held at its first Sunday run (this connection holds that job's run lock).
    await observer.query('SELECT pg_advisory_lock($1)', [hashJobName('billing.weekly-invoices')]);
    const start = await clockAt(a);
    const since = await dbNow();
    const first = call(a, 'POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'P8D' } });
    try {
      await until('the first advance waiting for the Sunday run', async () => {
        const [row] = await query<{ holding: boolean; waiting: boolean }>(
          `SELECT bool_or(objid = $1 AND granted) AS holding, bool_or(objid = $2 AND NOT granted) AS waiting
           FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [ADVANCE_LOCK, hashJobName('billing.weekly-invoices') >>> 0],
        );
        return Boolean(row?.holding && row.waiting);
      });
      // Through the other process, and through the same one: refused, and nothing moves.
      for (const proc of [b, a]) {
        const second = await call(proc, 'POST', '/v1/sandbox/clock', { token: manager, body: { advanceBy: 'P1D' } });
        expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'SANDBOX.CLOCK_BUSY' });
      }
    } finally {
      await observer.query('SELECT pg_advisory_unlock($1)', [hashJobName('billing.weekly-invoices')]);
    }
    const done = await first;
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // The clock stands at the first advance's target (plus the real seconds the test took), not a day further.
    const end = await clockAt(b);
    const target = start + 8 * DAY;
    expect(end - target).toBeGreaterThanOrEqual(0);
    expect(end - target).toBeLessThan(DAY / 2);
    const runs = await runsSince('sandbox', since);
    expect(runs.filter((r) => r.n !== 1)).toEqual([]);
    expect(runs.filter((r) => r.job === 'billing.weekly-invoices').map((r) => r.as_of.getTime())).toEqual(
      cronInstants(start, target, (d) => d.getUTCDay() === 0),
    );
  });

  it('runs each calendar job once per due time on Agenda’s own schedule, whichever process takes it', async () => {
    // The processes that run Agenda (ROLE=worker or all); Agenda's table names the one that took a job (`name` is host:pid:…).
    const runners = procs.filter((p) => p.role !== 'api').map((p) => p.pid);
    const agendaRows = () =>
      query<{ name: string; locked_at: Date | null; next_run_at: Date | null; last_finished_at: Date | null; by: string | null }>(
        `SELECT name, locked_at, next_run_at, last_finished_at, last_modified_by AS by FROM agenda_jobs
         WHERE name = ANY($1::text[]) ORDER BY name`,
        [CRON_JOBS],
      );
    const scheduledRuns = (since: Date) =>
      query<{ job: string; started_at: Date; finished_at: Date | null; outcome: string | null }>(
        "SELECT job, started_at, finished_at, outcome FROM job_runs WHERE trigger = 'schedule' AND job = ANY($2::text[]) AND started_at >= $1 ORDER BY started_at",
        [since, CRON_JOBS],
      );
    const explain = async (since: Date) => ({ agenda: await agendaRows(), runs: await scheduledRuns(since) });
    const testStart = await dbNow();
    const rounds: { since: Date; takers: Record<string, number> }[] = [];
    for (let round = 0; round < AGENDA_ROUNDS; round++) {
      const since = await dbNow();
      // A due time, made in the database, for both calendar jobs at once: a second ago (taken by whichever process
      // polls first) or, every other round, 1.5 s ahead, as a real Sunday 23:00 arrives (a poll in the 2 s before it
      // locks the job ahead and that process runs it at the time by a timer).
      const made = await observer.query(
        `UPDATE agenda_jobs SET next_run_at = now() + $2 * interval '1 millisecond'
         WHERE name = ANY($1::text[]) AND locked_at IS NULL AND next_run_at > now()`,
        [CRON_JOBS, round % 2 === 0 ? -1_000 : 1_500],
      );
      expect(made.rowCount, `round ${round}: both calendar jobs made due`).toBe(CRON_JOBS.length);
      // Done when each job's run is recorded finished and Agenda has let it go, rescheduled to its next real due
      // time (so the next round's due time is not written under a run Agenda is still saving).
      await until(
        `round ${round}: each calendar job run once and rescheduled`,
        async () => {
          const finished = (await scheduledRuns(since)).filter((r) => r.finished_at !== null);
          const rows = await agendaRows();
          return (
            CRON_JOBS.every((job) => finished.some((r) => r.job === job)) &&
            rows.every((r) => r.locked_at === null && r.next_run_at! > since && r.last_finished_at! >= since)
          );
        },
        90_000,
        () => explain(since),
      );
      const rows = await agendaRows();
      rounds.push({ since, takers: Object.fromEntries(rows.map((r) => [r.name, Number(r.by?.split(':')[1])])) });
    }
    // A few scans later (every process running jobs has polled twice more), nothing has run again.
    await pollerRunsTwice();
    const testEnd = await dbNow();
    const runs = await scheduledRuns(testStart);
    // Agenda's own real due times inside the test (a Sunday 23:00 or month end, UTC business time) would be due times too.
    const real = {
      'billing.weekly-invoices': cronInstants(testStart.getTime(), testEnd.getTime(), (d) => d.getUTCDay() === 0),
      'billing.monthly-statements': cronInstants(
        testStart.getTime(),
        testEnd.getTime(),
        (d) => new Date(d.getTime() + DAY).getUTCDate() === 1,
      ),
    } as Record<string, number[]>;
    for (const job of CRON_JOBS) {
      const ofJob = runs.filter((r) => r.job === job);
      expect(ofJob.every((r) => r.outcome === 'succeeded')).toBe(true);
      expect(ofJob).toHaveLength(AGENDA_ROUNDS + real[job]!.length);
      if (real[job]!.length > 0) continue;
      // One run in each round's window, taken by a process that runs jobs (never an API one).
      const perRound = rounds.map(({ since }, i) => {
        const end = rounds[i + 1]?.since ?? testEnd;
        return ofJob.filter((r) => r.started_at >= since && r.started_at < end).length;
      });
      expect(perRound).toEqual(rounds.map(() => 1));
      expect(rounds.map((r) => r.takers[job]).filter((pid) => !runners.includes(pid!))).toEqual([]);
    }
  });

  /** Waits until the 2-second webhook poller has run twice more: every process running jobs has scanned Agenda's table since. */
  async function pollerRunsTwice(): Promise<void> {
    const runAt = async () =>
      (await query<{ at: Date | null }>("SELECT last_run_at AS at FROM agenda_jobs WHERE name = 'webhooks.deliver'"))[0]?.at?.getTime() ??
      0;
    for (let i = 0; i < 2; i++) {
      const before = await runAt();
      await until('the webhook poller to run', async () => (await runAt()) > before);
    }
  }
});

/** The 23:00 UTC instants strictly after `from` and at or before `to` whose day passes `test` (UTC business time). */
function cronInstants(from: number, to: number, test: (day: Date) => boolean): number[] {
  const out: number[] = [];
  const d = new Date(from);
  d.setUTCHours(23, 0, 0, 0);
  for (; d.getTime() <= to; d.setUTCDate(d.getUTCDate() + 1)) if (d.getTime() > from && test(d)) out.push(d.getTime());
  return out;
}
