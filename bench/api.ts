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
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { verify } from '@node-rs/argon2';
import { createLogger } from '../server/src/platform/logger.ts';
import {
  connectDatabase,
  DEFAULT_POOL_MAX,
  returnedUuids,
  sql,
  type CapturedQuery,
  type Database,
} from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';
import { machine, type Figure } from './figures.ts';
import {
  addCheckInOrders,
  BENCH_PASSWORD,
  clientEmail,
  FULL_SIZES,
  QUICK_SIZES,
  SEED_VERSION,
  seedBenchData,
  seedUuid,
  workerEmail,
  type SeedSizes,
} from './seed.ts';

const quick = process.argv.includes('--quick');
const sizes: SeedSizes = quick ? QUICK_SIZES : FULL_SIZES;
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (quick ? 10 : 20));
/** Captured requests per endpoint: reads replay them round-robin, writes each once (so more of them). */
const READ_SAMPLES = quick ? 20 : 100;
const WRITE_SAMPLES = quick ? 100 : 1000;
const CHECK_INS_PER_WORKER = 6;
const SAMPLE_USERS = quick ? 20 : 50;
const MAX_SEED_AGE_MS = 2 * 86_400_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`bench:api ${line}\n`);

/**
 * How the server is started: its own process, as `npm start` runs it. When
 * the production build lands, this is the one line to change (to
 * `[path.join(root, 'server/dist/cli.js'), 'start']`).
 */
const SERVER_ARGS = ['--import', 'tsx', path.join(root, 'server/src/cli.ts'), 'start'];

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, SERVER_ARGS, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

const logger = createLogger({ level: 'silent' });
const cacheRoot = process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'chorecat-bench-api');
const cacheDir = path.join(cacheRoot, `v${SEED_VERSION}-${sizes.clients}c-${sizes.workers}w-${sizes.orders}o-${sizes.weeks}wk`);
const metaFile = path.join(cacheDir, 'seed.json');
const runDir = path.join(cacheRoot, `run-${process.pid}`);
mkdirSync(runDir, { recursive: true });
const dbPort = Number(process.env.BENCH_DB_PORT ?? 57_000 + Math.floor(Math.random() * 1000));
const apiPort = Number(process.env.BENCH_PORT ?? 58_000 + Math.floor(Math.random() * 1000));
const spare = Number(process.env.BENCH_SPARE_PORT ?? apiPort + 1);

// A stale cache (older seed, or too old for the check-in slots) is thrown away and seeded again.
const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { t0: string; version: number }) : undefined;
const fresh = meta && meta.version === SEED_VERSION && Date.now() - Date.parse(meta.t0) < MAX_SEED_AGE_MS;
if (!fresh) rmSync(cacheDir, { recursive: true, force: true });
const embedded = await startEmbeddedPostgres({ dataDir: cacheDir, port: dbPort, database: 'postgres', logger });
const admin = new pg.Client(embedded.adminUrl('postgres'));
await admin.connect();
let server: ChildProcess | undefined;
const pools: pg.Pool[] = [];
const databases: Database[] = [];
try {
  let t0: Date;
  if (fresh) {
    t0 = new Date(meta!.t0);
    log(`seeded data from ${meta!.t0} (cached in ${cacheDir})`);
  } else {
    t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    log(`seeding ${JSON.stringify(sizes)} into ${cacheDir} …`);
    await admin.query('CREATE DATABASE chorecat_seed');
    const seedDb = connectDatabase(embedded.adminUrl('chorecat_seed'), logger);
    await migrate(seedDb, logger, ROLES);
    const platform = await benchPlatform(seedDb, logger);
    const { steps } = await seedBenchData(platform, sizes, t0);
    await platform.stop();
    await seedDb.close();
    writeFileSync(metaFile, JSON.stringify({ version: SEED_VERSION, t0: t0.toISOString(), sizes, steps }));
    log(`seeded in ${Object.values(steps).reduce((a, b) => a + b, 0)} ms: ${JSON.stringify(steps)}`);
  }
  // The two clones: the server's, and the raw-SQL replay's.
  for (const name of ['chorecat_api', 'chorecat_sql']) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE chorecat_seed`);
  }
  const apiDb = connectDatabase(embedded.adminUrl('chorecat_api'), logger);
  const sqlDb = connectDatabase(embedded.adminUrl('chorecat_sql'), logger);
  databases.push(apiDb, sqlDb);
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

  const captureFile = path.join(runDir, 'queries.jsonl');
  writeFileSync(captureFile, '');
  server = startServer({
    NODE_ENV: 'development',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    DATABASE_URL: embedded.adminUrl('chorecat_api'),
    CHORECAT_DATA_DIR: path.join(runDir, 'server'),
    // An API process: jobs (the outbox, timers) are another process's work, and bench/outbox's to measure.
    ROLE: 'api',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MAILDEV: 'false',
    SUPPLIER_STAND_IN: 'false',
    GOLDEN_HAT_STAND_IN: 'false',
    SUPPLIER_STAND_IN_PORT: String(spare),
    GOLDEN_HAT_STAND_IN_PORT: String(spare + 1),
    // The bench's few addresses send thousands of requests a minute: the limits are raised, not switched off.
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    CHORECAT_QUERY_CAPTURE: captureFile,
  });
  const base = `http://127.0.0.1:${apiPort}`;
  await waitReady(base, server);
  log(`server up at ${base}`);

  // Accounts: sample clients (a tenth of them spread over all), and every worker (each holds check-in orders).
  const clientIndexes = Array.from({ length: SAMPLE_USERS }, (_, i) => (i * 7919) % sizes.clients);
  const clients = await mapLimit(clientIndexes, 4, async (n) => ({ id: seedUuid(`client${n}`), token: await login(base, clientEmail(n)) }));
  const workerTokens = await mapLimit(
    Array.from({ length: sizes.workers }, (_, n) => n),
    4,
    (n) => login(base, workerEmail(n)),
  );
  const orders = await sql<{ id: string; client_id: string }>(
    apiDb,
    `SELECT DISTINCT ON (client_id) id, client_id FROM orders WHERE client_id = ANY($1::uuid[]) AND status = 'completed' ORDER BY client_id, starts_at DESC`,
    [clients.map((c) => c.id)],
  );
  const tokenOf = new Map(clients.map((c) => [c.id, c.token]));
  const firstEvents = await sql<{ id: string; client_id: string }>(
    apiDb,
    `SELECT DISTINCT ON (c) e.id, c::text AS client_id FROM unnest($1::uuid[]) c JOIN events e ON c = ANY (e.audience) ORDER BY c, e.tx, e.seq`,
    [clients.map((c) => c.id)],
  );
  const quickType = seedUuid('service-type:quick');
  let checkInNext = 0;

  type Req = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
  const json = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...extra,
  });
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const endpoints: { name: string; kind: 'read' | 'write'; argon2?: boolean; limit?: () => number; request: (i: number) => Req }[] = [
    {
      name: 'GET /v1/orders',
      kind: 'read',
      request: (i) => {
        const from = new Date(t0.getTime() - sizes.weeks * 7 * 86_400_000).toISOString();
        const to = new Date(t0.getTime() + 30 * 86_400_000).toISOString();
        return {
          method: 'GET',
          path: `/v1/orders?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=20`,
          headers: json(pick(clients, i).token),
        };
      },
    },
    {
      name: 'GET /v1/orders/{id}',
      kind: 'read',
      request: (i) => {
        const order = pick(orders, i);
        return { method: 'GET', path: `/v1/orders/${order.id}`, headers: json(tokenOf.get(order.client_id)!) };
      },
    },
    {
      name: 'GET /v1/orders/{id}/timeline',
      kind: 'read',
      request: (i) => {
        const order = pick(orders, i);
        return { method: 'GET', path: `/v1/orders/${order.id}/timeline`, headers: json(tokenOf.get(order.client_id)!) };
      },
    },
    {
      name: 'GET /v1/invoices/upcoming',
      kind: 'read',
      request: (i) => ({ method: 'GET', path: '/v1/invoices/upcoming', headers: json(pick(clients, i).token) }),
    },
    {
      name: 'GET /v1/events?after=',
      kind: 'read',
      request: (i) => {
        const event = pick(firstEvents, i);
        return { method: 'GET', path: `/v1/events?after=${event.id}&limit=20`, headers: json(tokenOf.get(event.client_id)!) };
      },
    },
    {
      name: 'POST /v1/orders',
      kind: 'write',
      request: (i) => ({
        method: 'POST',
        path: '/v1/orders',
        headers: json(pick(clients, i).token, { 'idempotency-key': randomUUID() }),
        body: JSON.stringify({
          serviceTypeId: quickType,
          startsAt: new Date(Date.now() + (10 + (i % 50)) * 86_400_000).toISOString(),
          address: `${i} Bench Street, Catford`,
          description: 'bench order',
        }),
      }),
    },
    {
      name: 'POST /v1/orders/{id}/check-in',
      kind: 'write',
      // Each check-in uses up one scheduled order.
      limit: () => checkIns.length - checkInNext,
      request: () => {
        const slot = checkIns[Math.min(checkInNext++, checkIns.length - 1)]!;
        return {
          method: 'POST',
          path: `/v1/orders/${slot.orderId}/check-in`,
          headers: json(workerTokens[slot.workerIndex]!),
          body: JSON.stringify({ photoId: slot.photoId }),
        };
      },
    },
    {
      name: 'POST /v1/auth/login',
      kind: 'write',
      argon2: true,
      request: (i) => ({
        method: 'POST',
        path: '/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: clientEmail(pick(clientIndexes, i)), password: BENCH_PASSWORD }),
      }),
    },
  ];

  // BENCH_ONLY="POST /v1/orders,GET /v1/orders" measures only those.
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => only.includes(e.name)));

  // 1. Capture: each endpoint's requests one at a time, a marker line before each.
  const samples = new Map<string, CapturedQuery[][]>();
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
  let current: CapturedQuery[] | undefined;
  const bySeq = new Map<number, CapturedQuery>();
  for (const line of readFileSync(captureFile, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as CapturedQuery | { mark: string } | { result: number; ids: string[] };
    if ('result' in entry) {
      const query = bySeq.get(entry.result);
      if (query) query.returned = entry.ids;
    } else if ('mark' in entry) {
      current = [];
      samples.set(entry.mark, [...(samples.get(entry.mark) ?? []), current]);
    } else if (current && unavoidable(entry)) {
      current.push(entry);
      bySeq.set(entry.seq, entry);
    }
  }

  // 2. Measure each endpoint: API at full speed, the replayed SQL at the same concurrency, the API at 70 % of its maximum.
  // Every seeded account has the same password hash: the replayed login verifies against it.
  const [{ password_hash: passwordHash } = { password_hash: '' }] = await sql<{ password_hash: string }>(
    sqlDb,
    'SELECT password_hash FROM users WHERE email = $1',
    [clientEmail(0)],
  );
  const replayPool = new pg.Pool({ connectionString: embedded.adminUrl('chorecat_sql'), max: DEFAULT_POOL_MAX });
  replayPool.on('error', () => undefined);
  pools.push(replayPool);
  const figures: Figure[] = [];
  const perEndpoint: Record<string, unknown> = {};
  for (const endpoint of endpoints) {
    const captured = samples.get(endpoint.name) ?? [];
    const budget = endpoint.limit?.();
    const api = await cannon(base, endpoint.request, {
      duration: SECONDS,
      amount: budget !== undefined ? Math.floor(budget / 2) : undefined,
    });
    const raw = await replay(
      replayPool,
      captured,
      endpoint.kind === 'read' ? { seconds: SECONDS } : { once: true },
      endpoint.argon2 ? passwordHash : undefined,
    );
    const rate = Math.max(1, Math.floor(api.rps * 0.7));
    const steady = await cannon(base, endpoint.request, {
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
      sizes,
      seconds: SECONDS,
      connections: CONNECTIONS,
      poolSize: DEFAULT_POOL_MAX,
      figures,
      endpoints: perEndpoint,
    })}\n`,
  );
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await Promise.allSettled(pools.map((p) => p.end()));
  await Promise.allSettled(databases.map((d) => d.close()));
  for (const name of ['chorecat_api', 'chorecat_sql'])
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  await embedded.stop();
  rmSync(runDir, { recursive: true, force: true });
}
process.exit(0);

/**
 * What an endpoint cannot avoid: every query it sent, except a
 * connection's set-up (Sequelize's session settings and type lookup, paid
 * once per connection, not per request) and the HTTP rate limiter's
 * per-address counters (`global:`, `auth:` keys), which need not be in the
 * database at all. The login lockout's counters (`login:` keys) stay: they
 * are the rule that a guess is counted before the password is checked.
 */
function unavoidable(query: CapturedQuery): boolean {
  if (/^\s*(SET |SHOW |WITH ranges AS)/i.test(query.text)) return false;
  return !(/rate_limit_hits/.test(query.text) && /^(global|auth):/.test(query.values?.[0] ?? ''));
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server was not ready within 180 s');
}

async function login(base: string, email: string): Promise<string> {
  const response = await call(base, {
    method: 'POST',
    path: '/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.body}`);
  return (JSON.parse(response.body) as { accessToken: string }).accessToken;
}

/**
 * One request on a connection of its own: a kept-alive connection the
 * server is just closing (its keep-alive timeout, on a loaded machine)
 * resets a request that may have been handled — a check-in cannot be
 * sent twice to find out.
 */
function call(
  base: string,
  req: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${base}${req.path}`, { method: req.method, headers: req.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  requests: number;
  failed: number;
}

async function cannon(
  base: string,
  request: (i: number) => { method: string; path: string; headers: Record<string, string>; body?: string },
  options: { duration: number; overallRate?: number; amount?: number },
): Promise<Run> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration }),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const next = request(i++);
          return { ...req, method: next.method as 'GET', path: next.path, headers: next.headers, body: next.body };
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    rps: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * The raw-SQL limit: captured requests replayed through node-postgres, each
 * on one pooled connection in its captured order, by as many concurrent
 * callers as autocannon's connections, through a pool as large as the
 * server's. Reads repeat their samples round-robin for `seconds`; writes
 * replay each captured request once (its rows do not exist on this clone).
 * The login also verifies the password, as the endpoint must.
 */
async function replay(
  pool: pg.Pool,
  captured: CapturedQuery[][],
  mode: { seconds: number } | { once: true },
  passwordHash?: string,
): Promise<{ rps: number; requests: number; failed: number; p99: number }> {
  if (captured.length === 0) return { rps: 0, requests: 0, failed: 0, p99: 0 };
  const started = performance.now();
  const stopAt = 'seconds' in mode ? started + mode.seconds * 1000 : Infinity;
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (;;) {
        if (performance.now() >= stopAt) return;
        if ('once' in mode && next >= captured.length) return;
        const queries = captured[next++ % captured.length]!;
        const begun = performance.now();
        if (passwordHash) await verify(passwordHash, BENCH_PASSWORD);
        const client = await pool.connect();
        try {
          // Ids the server's database made up (RETURNING) become the ones this copy makes up, in every later query.
          const made = new Map<string, string>();
          const mapped = (text: string) => {
            let out = text;
            for (const [from, to] of made) out = out.split(from).join(to);
            return out;
          };
          for (const query of queries) {
            const values = made.size ? query.values?.map((v) => (v === null ? v : mapped(v))) : query.values;
            const result = await client.query(made.size ? mapped(query.text) : query.text, values);
            if (query.returned) {
              const fresh = returnedUuids(result.rows);
              query.returned.forEach((from, i) => fresh[i] && made.set(from, fresh[i]));
            }
          }
        } catch (error) {
          if (failed++ === 0) log(`replay failed (the first of its endpoint): ${String(error)}`);
          await client.query('ROLLBACK').catch(() => undefined);
        } finally {
          client.release();
        }
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    requests: latencies.length,
    failed,
    p99: round(latencies[Math.floor(latencies.length * 0.99)] ?? 0, 1),
  };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
