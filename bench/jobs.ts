/**
 * A month of jobs against their own SQL (issue #17). On the API
 * benchmark's seeded data (bench/harness.ts, bench/seed.ts), a manager
 * advances the sandbox clock a month (`POST /v1/sandbox/clock` with
 * `advanceTo`), which runs every timer and job falling due on the way in
 * time order — weekly invoices, the monthly statement, payouts, the
 * no-check-in and no-worker failure checks, retries, the pollers — and that
 * advance is timed. The limit it is measured against: the statements those
 * jobs issued, captured from the server with `CHORECAT_QUERY_CAPTURE` (as
 * bench/api does), replayed through node-postgres in their captured order,
 * each on a connection of its own for each server connection it came on.
 * Figure: the advance's time over the replay's (target ≤ 3, as the billing
 * bench's weekly run).
 *
 * Three clones of the seeded database, so each run sees the same month:
 * one the capturing server advances, one a server without the capture
 * advances (the timed run: the capture writes a line per query), and one
 * the replay runs on. Both servers are API processes (`ROLE=api`), so no
 * background poller runs beside the advance; the advance runs the jobs
 * itself.
 *
 *   npm run bench:jobs               # full size
 *   npm run bench:jobs -- --quick    # small data, a week (BENCH_ADVANCE: any ISO duration): checks the harness
 *
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { execute, type CapturedQuery, type Database } from '../server/src/platform/database.ts';
import { addIsoDuration } from '../server/src/platform/sandbox-clock.ts';
import { figure, machine } from './figures.ts';
import { clientEmail } from './seed.ts';
import {
  benchServerEnv,
  call,
  login,
  openSeededCluster,
  readCapture,
  replayQuery,
  round,
  serverCommand,
  startServer,
  stopServer,
  waitReady,
} from './harness.ts';

const quick = process.argv.includes('--quick');
const ADVANCE = process.env.BENCH_ADVANCE ?? (quick ? 'P7D' : 'P1M');
const MAILDEV_SMTP = Number(process.env.BENCH_MAILDEV_SMTP_PORT ?? 59_000 + Math.floor(Math.random() * 1000));
const MANAGER_EMAIL = 'manager@bench.chorecat.test';
const log = (line: string) => process.stderr.write(`bench:jobs ${line}\n`);
const port = Number(process.env.BENCH_PORT ?? 58_000 + Math.floor(Math.random() * 1000));

const cluster = await openSeededCluster({ quick, log });
const { sizes } = cluster;
let server: ChildProcess | undefined;
try {
  const databases: Record<'capture' | 'timed' | 'sql', Database> = {
    capture: await cluster.clone('chorecat_jobs_capture'),
    timed: await cluster.clone('chorecat_jobs_timed'),
    sql: await cluster.clone('chorecat_jobs_sql'),
  };
  // A manager to advance the clock (the seed has clients and workers), with the seed's one password.
  for (const db of Object.values(databases)) {
    await execute(
      db,
      `INSERT INTO users (id, email, name, password_hash, roles, email_verified_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'Bench Manager', password_hash, ARRAY['manager'], now(), now(), now() FROM users WHERE email = $2`,
      [MANAGER_EMAIL, clientEmail(0)],
    );
  }
  // The same month for every run: to one instant, from about now (the sandbox clock starts at the real time).
  const target = addIsoDuration(new Date(Date.now() + 60_000), ADVANCE);

  // 1. The capture: a server that records every query; a marker before the advance.
  const captureFile = path.join(cluster.runDir, 'queries.jsonl');
  writeFileSync(captureFile, '');
  const captured = await advanceOn('capture', captureFile);
  server = undefined;
  const queries = readCapture(captureFile).marked.get('advance')?.[0] ?? [];
  log(`captured ${queries.length} queries over ${captured.jobsRun} job runs`);

  // 2. The timed advance, on a server that records nothing.
  const timed = await advanceOn('timed');
  server = undefined;
  log(`advance of ${ADVANCE}: ${timed.ms} ms, ${timed.jobsRun} job runs`);

  // 3. The same statements straight through node-postgres.
  const raw = await replayInOrder(cluster.adminUrl('chorecat_jobs_sql'), queries);
  log(`replayed SQL: ${raw.ms} ms (${raw.failed} of ${queries.length} failed)`);

  const ratio = raw.ms > 0 ? round(timed.ms / raw.ms, 2) : null;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'jobs',
      machine: machine(),
      quick,
      server: serverCommand().runtime,
      sizes,
      advance: ADVANCE,
      target: target.toISOString(),
      figures: [
        figure(`sandbox advance of ${ADVANCE} (every job due)`, timed.ms, 'ms'),
        figure('job runs in the advance', timed.jobsRun, 'runs'),
        figure('its SQL replayed through node-postgres', raw.ms, 'ms'),
        figure('queries the jobs issued', queries.length, 'queries'),
        figure('replayed queries that failed', raw.failed, 'queries', '== 0'),
        figure(`advance of ${ADVANCE} / its plain SQL`, ratio, 'ratio', '<= 3'),
      ],
      jobs: timed.byJob,
    })}\n`,
  );

  /** Starts a server on one clone, logs the manager in, advances the clock to `target`, stops the server. */
  async function advanceOn(clone: 'capture' | 'timed', capture?: string) {
    server = startServer(
      benchServerEnv({
        port,
        databaseUrl: cluster.adminUrl(`chorecat_jobs_${clone}`),
        dataDir: path.join(cluster.runDir, `server-${clone}`),
        role: 'api',
        captureFile: capture,
        // The month's invoices and statements are emailed: a real SMTP server takes them.
        maildev: { smtp: MAILDEV_SMTP, web: MAILDEV_SMTP + 1 },
        standIns: true,
      }),
    );
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base, server);
    const token = await login(base, MANAGER_EMAIL);
    if (capture) appendFileSync(capture, `${JSON.stringify({ mark: 'advance', i: 0 })}\n`);
    const started = performance.now();
    const response = await call(base, {
      method: 'POST',
      path: '/v1/sandbox/clock',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advanceTo: target.toISOString() }),
    });
    const ms = Math.round(performance.now() - started);
    if (capture) server.kill('SIGUSR2');
    if (response.status !== 200) throw new Error(`the advance answered ${response.status}: ${response.body}`);
    const { jobsRun } = JSON.parse(response.body) as { jobsRun: { job: string }[] };
    const byJob: Record<string, number> = {};
    for (const run of jobsRun) byJob[run.job] = (byJob[run.job] ?? 0) + 1;
    await stopServer(server);
    return { ms, jobsRun: jobsRun.length, byJob };
  }
} finally {
  await stopServer(server);
  await cluster.close();
}
process.exit(0);

/**
 * The captured statements in their captured order, one at a time, each on
 * a node-postgres connection standing for the server connection it came on
 * (so each transaction and session lock stays on one connection). A lock
 * wait times out rather than hang (a statement can only wait on a
 * connection whose next statement comes later).
 */
async function replayInOrder(url: string, queries: CapturedQuery[]): Promise<{ ms: number; failed: number }> {
  const clients = new Map<number, pg.Client>();
  const made = new Map<string, string>();
  let failed = 0;
  try {
    for (const pid of new Set(queries.map((q) => q.pid))) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      await client.query("SET lock_timeout = '10s'");
      clients.set(pid, client);
    }
    const started = performance.now();
    for (const query of queries) {
      try {
        await replayQuery(clients.get(query.pid)!, query, made);
      } catch (error) {
        if (failed++ === 0) log(`replay failed (the first): ${String(error)} in ${query.text.slice(0, 200)}`);
      }
    }
    return { ms: Math.round(performance.now() - started), failed };
  } finally {
    await Promise.allSettled([...clients.values()].map((c) => c.end()));
  }
}
