/**
 * The API against the database's own limit (issue #17). The real server
 * runs in its own process on embedded PostgreSQL over realistic data
 * (bench/seed.ts: 10,000 clients, 500 workers, 200,000 orders in every
 * state, a year of invoices); autocannon measures each endpoint, and in the
 * same run the SQL that endpoint issues — captured from the server with
 * `CHORECAT_QUERY_CAPTURE` — is replayed straight through node-postgres at
 * the same concurrency and pool size. Figures per endpoint: req/s, p50/p99/
 * p99.9, the raw-SQL rate, their ratio (target: reads ≥ 0.5, writes ≥ 0.35)
 * and the p99 at 70 % of the measured maximum rate (target < 50 ms).
 *
 * Two clones of the seeded database: the server writes to one, the replay
 * to the other, so a captured write (an order, a check-in) replays once on
 * data where it is still valid. The seeded cluster is cached between runs
 * in `BENCH_CACHE_DIR` (default: the temp folder), keyed by the seed version
 * and sizes, and reseeded when older than two days (the seed's future
 * orders keep the check-in slots free only that long).
 *
 *   npm run bench:api               # full size; BENCH_SECONDS (10), BENCH_CONNECTIONS (20)
 *   npm run bench:api -- --quick    # small data, short runs: checks the harness
 *   BENCH_ONLY="POST /v1/orders" npm run bench:api    # only these endpoints (comma-separated)
 *
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_POOL_MAX, sql } from '../server/src/platform/database.ts';
import { machine, type Figure } from './figures.ts';
import { addCheckInOrders, clientEmail } from './seed.ts';
import {
  apiEndpoints,
  benchServerEnv,
  call,
  cannon,
  openSeededCluster,
  readCapture,
  replay,
  round,
  serverCommand,
  startServer,
  stopServer,
  waitReady,
} from './harness.ts';

const quick = process.argv.includes('--quick');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (quick ? 10 : 20));
/** Captured requests per endpoint: reads replay them round-robin, writes each once (so more of them). */
const READ_SAMPLES = quick ? 20 : 100;
const WRITE_SAMPLES = quick ? 100 : 1000;
const CHECK_INS_PER_WORKER = 6;
const SAMPLE_USERS = quick ? 20 : 50;
const log = (line: string) => process.stderr.write(`bench:api ${line}\n`);
const apiPort = Number(process.env.BENCH_PORT ?? 58_000 + Math.floor(Math.random() * 1000));

const cluster = await openSeededCluster({ quick, log });
const { sizes, t0 } = cluster;
let server: ChildProcess | undefined;
const pools: pg.Pool[] = [];
try {
  // The two clones: the server's, and the raw-SQL replay's.
  const apiDb = await cluster.clone('chorecat_api');
  const sqlDb = await cluster.clone('chorecat_sql');
  const now = new Date();
  const checkInOptions = {
    label: `run-${now.getTime()}`,
    now,
    workers: sizes.workers,
    clients: sizes.clients,
    perWorker: CHECK_INS_PER_WORKER,
  };
  const checkIns = await addCheckInOrders(apiDb, checkInOptions);
  await addCheckInOrders(sqlDb, checkInOptions);
  for (const db of [apiDb, sqlDb]) await db.sequelize.query('ANALYZE orders');

  const captureFile = path.join(cluster.runDir, 'queries.jsonl');
  writeFileSync(captureFile, '');
  server = startServer(
    // An API process: jobs (the outbox, timers) are another process's work, and bench/outbox's and bench/jobs's to measure.
    benchServerEnv({
      port: apiPort,
      databaseUrl: cluster.adminUrl('chorecat_api'),
      dataDir: path.join(cluster.runDir, 'server'),
      role: 'api',
      captureFile,
    }),
  );
  const base = `http://127.0.0.1:${apiPort}`;
  await waitReady(base, server);
  log(`server up at ${base}`);

  const endpoints = await apiEndpoints(base, apiDb, { sizes, t0, sampleUsers: SAMPLE_USERS, checkIns });

  // BENCH_ONLY="POST /v1/orders,GET /v1/orders" measures only those.
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => only.includes(e.name)));

  // 1. Capture: each endpoint's requests one at a time, a marker line before each.
  for (const endpoint of endpoints) {
    const count = Math.min(endpoint.kind === 'read' ? READ_SAMPLES : WRITE_SAMPLES, endpoint.limit?.() ?? Infinity);
    for (let i = 0; i < count; i++) {
      appendFileSync(captureFile, `${JSON.stringify({ mark: endpoint.name, i })}\n`);
      const req = endpoint.request(i);
      const response = await call(base, req);
      if (response.status >= 300) throw new Error(`${endpoint.name} answered ${response.status}: ${response.body}`);
    }
  }
  // Then the recording pauses: the measured server only tests a flag per query.
  server.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const samples = readCapture(captureFile).marked;

  // 2. Measure each endpoint: API at full speed, the replayed SQL at the same concurrency, the API at 70 % of its maximum.
  // Every seeded account has the same password hash: the replayed login verifies against it.
  const [{ password_hash: passwordHash } = { password_hash: '' }] = await sql<{ password_hash: string }>(
    sqlDb,
    'SELECT password_hash FROM users WHERE email = $1',
    [clientEmail(0)],
  );
  const replayPool = new pg.Pool({ connectionString: cluster.adminUrl('chorecat_sql'), max: DEFAULT_POOL_MAX });
  replayPool.on('error', () => undefined);
  pools.push(replayPool);
  const figures: Figure[] = [];
  const perEndpoint: Record<string, unknown> = {};
  for (const endpoint of endpoints) {
    const captured = samples.get(endpoint.name) ?? [];
    const budget = endpoint.limit?.();
    const api = await cannon(base, endpoint.request, {
      connections: CONNECTIONS,
      duration: SECONDS,
      amount: budget !== undefined ? Math.floor(budget / 2) : undefined,
    });
    const raw = await replay(
      replayPool,
      captured,
      endpoint.kind === 'read' ? { seconds: SECONDS } : { once: true },
      CONNECTIONS,
      endpoint.argon2 ? passwordHash : undefined,
    );
    const rate = Math.max(1, Math.floor(api.rps * 0.7));
    const steady = await cannon(base, endpoint.request, {
      connections: CONNECTIONS,
      duration: SECONDS,
      overallRate: rate,
      // A budgeted endpoint (check-in) runs as many requests as this rate sends in the time, or what is left.
      amount: endpoint.limit ? Math.max(1, Math.min(endpoint.limit() - 1, rate * SECONDS)) : undefined,
    });
    const ratio = raw.rps > 0 ? api.rps / raw.rps : 0;
    const target = endpoint.kind === 'read' ? 0.5 : 0.35;
    perEndpoint[endpoint.name] = { api, raw, steady: { rate, ...steady }, queriesPerRequest: captured[0]?.length ?? 0 };
    log(
      `${endpoint.name}: ${api.rps} req/s (p99 ${api.p99} ms), SQL ${raw.rps} req/s, ratio ${ratio.toFixed(2)}; at ${rate} req/s p99 ${steady.p99} ms`,
    );
    figures.push(
      { name: `${endpoint.name} req/s`, value: api.rps, unit: 'req/s' },
      { name: `${endpoint.name} p50`, value: api.p50, unit: 'ms' },
      { name: `${endpoint.name} p99`, value: api.p99, unit: 'ms' },
      { name: `${endpoint.name} p99.9`, value: api.p999, unit: 'ms' },
      { name: `${endpoint.name} raw SQL req/s`, value: raw.rps, unit: 'req/s' },
      {
        name: `${endpoint.name} req/s ratio to SQL`,
        value: round(ratio, 3),
        unit: 'ratio',
        target: `>= ${target}`,
        ok: ratio >= target && api.failed === 0,
      },
      {
        name: `${endpoint.name} p99 at 70% of max rate`,
        value: steady.p99,
        unit: 'ms',
        target: '< 50',
        ok: steady.p99 < 50 && steady.failed === 0,
      },
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      bench: 'api',
      machine: machine(),
      quick,
      server: serverCommand().runtime,
      sizes,
      seconds: SECONDS,
      connections: CONNECTIONS,
      poolSize: DEFAULT_POOL_MAX,
      figures,
      endpoints: perEndpoint,
    })}\n`,
  );
} finally {
  await stopServer(server);
  await Promise.allSettled(pools.map((p) => p.end()));
  await cluster.close();
}
process.exit(0);
