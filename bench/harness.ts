/**
 * What the benchmarks that run the real server share (bench/api,
 * bench/memory, bench/jobs): the seeded cluster, cached between runs; the
 * server in its own process (the production build when there is one); the
 * API benchmark's requests; autocannon; and the replay of captured queries
 * through node-postgres.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { connectDatabase, returnedUuids, sql, type CapturedQuery, type Database } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';
import {
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

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_SEED_AGE_MS = 2 * 86_400_000;
const silent = createLogger({ level: 'silent' });

export type Req = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
export interface Endpoint {
  name: string;
  kind: 'read' | 'write';
  argon2?: boolean;
  limit?: () => number;
  request: (i: number) => Req;
}

/**
 * How the server is started: its own process, from the production build
 * (`npm run build`: server/dist/cli.js) when it exists, else as `npm start`
 * runs it, TypeScript through tsx. `runtime` says which, for the figures.
 */
export function serverCommand(): { args: string[]; runtime: 'dist' | 'tsx' } {
  const built = path.join(root, 'server/dist/cli.js');
  if (existsSync(built)) return { args: [built, 'start'], runtime: 'dist' };
  return { args: ['--import', 'tsx', path.join(root, 'server/src/cli.ts'), 'start'], runtime: 'tsx' };
}

export function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, serverCommand().args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The server's environment as the benchmarks run it: no demo seed, no mail catcher or stand-ins, limits raised. */
export function benchServerEnv(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  role: 'api' | 'all';
  captureFile?: string;
  /** MailDev's ports, for a run whose jobs send email (without a transport, the outbox retries every poll). */
  maildev?: { smtp: number; web: number };
  /** The supplier and Golden Hat stand-ins on (for jobs that call them: cookie orders, payouts). */
  standIns?: boolean;
  /** The panel (PANEL): `lazy` unless said, as an API process that no manager opens runs it (AdminJS not loaded). */
  panel?: 'on' | 'lazy' | 'off';
}): Record<string, string> {
  const spare = Number(process.env.BENCH_SPARE_PORT ?? options.port + 1);
  return {
    NODE_ENV: 'development',
    PORT: String(options.port),
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    DATABASE_URL: options.databaseUrl,
    CHORECAT_DATA_DIR: options.dataDir,
    ROLE: options.role,
    PANEL: options.panel ?? 'lazy',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ...(options.maildev
      ? { MAILDEV: 'true', MAILDEV_SMTP_PORT: String(options.maildev.smtp), MAILDEV_WEB_PORT: String(options.maildev.web) }
      : { MAILDEV: 'false' }),
    SUPPLIER_STAND_IN: options.standIns ? 'true' : 'false',
    GOLDEN_HAT_STAND_IN: options.standIns ? 'true' : 'false',
    SUPPLIER_STAND_IN_PORT: String(spare),
    GOLDEN_HAT_STAND_IN_PORT: String(spare + 1),
    // The bench's few addresses send thousands of requests a minute: the limits are raised, not switched off.
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(options.captureFile ? { CHORECAT_QUERY_CAPTURE: options.captureFile } : {}),
  };
}

/** Stops a server started by startServer, waiting for its exit. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

export interface SeededCluster {
  sizes: SeedSizes;
  /** The seed's anchor time. */
  t0: Date;
  /** A scratch folder for this run (removed by close). */
  runDir: string;
  adminUrl(database: string): string;
  /** A fresh database copied from the seeded one (dropped again by close). */
  clone(name: string): Promise<Database>;
  close(): Promise<void>;
}

/**
 * The embedded cluster with the seeded database `chorecat_seed` (bench/seed.ts),
 * cached in `BENCH_CACHE_DIR` (default: the temp folder), keyed by the seed
 * version and sizes, and reseeded when older than two days (the seed's
 * future orders keep the check-in slots free only that long).
 */
export async function openSeededCluster(options: { quick: boolean; log: (line: string) => void }): Promise<SeededCluster> {
  const { log } = options;
  const sizes: SeedSizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  const cacheRoot = process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'chorecat-bench-api');
  const cacheDir = path.join(cacheRoot, `v${SEED_VERSION}-${sizes.clients}c-${sizes.workers}w-${sizes.orders}o-${sizes.weeks}wk`);
  const metaFile = path.join(cacheDir, 'seed.json');
  const runDir = path.join(cacheRoot, `run-${process.pid}-${randomUUID().slice(0, 8)}`);
  mkdirSync(runDir, { recursive: true });
  const dbPort = Number(process.env.BENCH_DB_PORT ?? 57_000 + Math.floor(Math.random() * 1000));
  // A stale cache (older seed, or too old for the check-in slots) is thrown away and seeded again.
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { t0: string; version: number }) : undefined;
  const fresh = meta && meta.version === SEED_VERSION && Date.now() - Date.parse(meta.t0) < MAX_SEED_AGE_MS;
  if (!fresh) rmSync(cacheDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir: cacheDir, port: dbPort, database: 'postgres', logger: silent });
  const admin = new pg.Client(embedded.adminUrl('postgres'));
  await admin.connect();
  const clones: { name: string; db: Database }[] = [];
  const close = async () => {
    await Promise.allSettled(clones.map((c) => c.db.close()));
    for (const { name } of clones) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await embedded.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    let t0: Date;
    if (fresh) {
      t0 = new Date(meta!.t0);
      log(`seeded data from ${meta!.t0} (cached in ${cacheDir})`);
    } else {
      t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      log(`seeding ${JSON.stringify(sizes)} into ${cacheDir} …`);
      await admin.query('CREATE DATABASE chorecat_seed');
      const seedDb = connectDatabase(embedded.adminUrl('chorecat_seed'), silent);
      await migrate(seedDb, silent, ROLES);
      const platform = await benchPlatform(seedDb, silent);
      const { steps } = await seedBenchData(platform, sizes, t0);
      await platform.stop();
      await seedDb.close();
      writeFileSync(metaFile, JSON.stringify({ version: SEED_VERSION, t0: t0.toISOString(), sizes, steps }));
      log(`seeded in ${Object.values(steps).reduce((a, b) => a + b, 0)} ms: ${JSON.stringify(steps)}`);
    }
    return {
      sizes,
      t0,
      runDir,
      adminUrl: (database) => embedded.adminUrl(database),
      async clone(name) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name} TEMPLATE chorecat_seed`);
        const db = connectDatabase(embedded.adminUrl(name), silent);
        clones.push({ name, db });
        // The cached seed was migrated when it was seeded: a later migration (an index, 0077's GIN pending
        // list) reached only the clone a server started on, and the raw-SQL limit ran on the older schema.
        await migrate(db, silent, ROLES);
        return db;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The API benchmark's requests (bench/api, bench/memory): sample clients'
 * and every worker's sessions, and for each endpoint a function from a
 * request number to the request. Check-ins use up `checkIns` one by one.
 */
export async function apiEndpoints(
  base: string,
  apiDb: Database,
  options: { sizes: SeedSizes; t0: Date; sampleUsers: number; checkIns: { orderId: string; workerIndex: number; photoId: string }[] },
): Promise<Endpoint[]> {
  const { sizes, t0, checkIns } = options;
  const SAMPLE_USERS = options.sampleUsers;
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

  const json = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...extra,
  });
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const endpoints: Endpoint[] = [
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
  return endpoints;
}
/**
 * What an endpoint cannot avoid: every query it sent, except a
 * connection's set-up (Sequelize's session settings and type lookup, paid
 * once per connection, not per request) and the HTTP rate limiter's
 * per-address counters (`global:`, `auth:` keys), which need not be in the
 * database at all. The login lockout's counters (`login:` keys) stay: they
 * are the rule that a guess is counted before the password is checked.
 */
export function unavoidable(query: CapturedQuery): boolean {
  if (/^\s*(SET |SHOW |WITH ranges AS)/i.test(query.text)) return false;
  return !(/rate_limit_hits/.test(query.text) && /^(global|auth):/.test(query.values?.[0] ?? ''));
}

export async function waitReady(base: string, child: ChildProcess): Promise<void> {
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

export async function login(base: string, email: string): Promise<string> {
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
export function call(
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

export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
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

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  requests: number;
  failed: number;
}

export async function cannon(
  base: string,
  request: (i: number) => { method: string; path: string; headers: Record<string, string>; body?: string },
  options: { connections: number; duration: number; overallRate?: number; amount?: number },
): Promise<Run> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
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
export async function replay(
  pool: pg.Pool,
  captured: CapturedQuery[][],
  mode: { seconds: number } | { once: true },
  connections: number,
  passwordHash?: string,
): Promise<{ rps: number; requests: number; failed: number; p99: number }> {
  if (captured.length === 0) return { rps: 0, requests: 0, failed: 0, p99: 0 };
  const started = performance.now();
  const stopAt = 'seconds' in mode ? started + mode.seconds * 1000 : Infinity;
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (;;) {
        if (performance.now() >= stopAt) return;
        if ('once' in mode && next >= captured.length) return;
        const queries = captured[next++ % captured.length]!;
        const begun = performance.now();
        if (passwordHash) await verify(passwordHash, BENCH_PASSWORD);
        const client = await pool.connect();
        try {
          const made = new Map<string, string>();
          for (const query of queries) await replayQuery(client, query, made);
        } catch (error) {
          if (failed++ === 0) process.stderr.write(`bench replay failed (the first of its endpoint): ${String(error)}\n`);
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

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/**
 * One captured query sent again on `client`. Ids the server's database made
 * up (RETURNING) become the ones this copy makes up, in every later query
 * that shares `made`.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export async function replayQuery(client: pg.PoolClient | pg.Client, query: CapturedQuery, made: Map<string, string>): Promise<void> {
  // One pass over the text for every id in it: a split/join per made id was quadratic (a month of jobs makes
  // tens of thousands of ids over 434k queries, and its replay did not finish in an hour).
  const mapped = (text: string) => text.replace(UUID, (id) => made.get(id) ?? id);
  const values = made.size ? query.values?.map((v) => (v === null ? v : mapped(v))) : query.values;
  const result = await client.query(made.size ? mapped(query.text) : query.text, values);
  if (query.returned) {
    const fresh = returnedUuids(result.rows);
    query.returned.forEach((from, i) => fresh[i] && made.set(from, fresh[i]));
  }
}

/**
 * A capture file read back: its queries in order (each RETURNING's ids
 * attached), grouped after each marker line when there are markers.
 */
export function readCapture(file: string, keep: (query: CapturedQuery) => boolean = unavoidable) {
  const marked = new Map<string, CapturedQuery[][]>();
  const all: CapturedQuery[] = [];
  let current: CapturedQuery[] | undefined;
  const bySeq = new Map<number, CapturedQuery>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as CapturedQuery | { mark: string } | { result: number; ids: string[] };
    if ('result' in entry) {
      const query = bySeq.get(entry.result);
      if (query) query.returned = entry.ids;
    } else if ('mark' in entry) {
      current = [];
      marked.set(entry.mark, [...(marked.get(entry.mark) ?? []), current]);
    } else if (keep(entry)) {
      current?.push(entry);
      all.push(entry);
      bySeq.set(entry.seq, entry);
    }
  }
  return { marked, all };
}
