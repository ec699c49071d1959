/**
 * The server's memory (issue #17): the RSS of the server process — its own
 * process, the production build when `server/dist/cli.js` exists, else
 * TypeScript through tsx (the output says which) — on the API benchmark's
 * seeded data (bench/harness.ts, bench/seed.ts):
 *
 * - idle: after start and a warm-up (a few of each of the API benchmark's
 *   requests), then a pause; target ≤ 150 MB;
 * - under load: after `BENCH_LOAD_SECONDS` (300; quick 20) of the API
 *   benchmark's load — its endpoints one after another, each for a slice,
 *   at full speed from `BENCH_CONNECTIONS` connections — and the peak seen
 *   on the way; target ≤ 300 MB (the RSS when the load ends);
 * - a soak: the same load for `BENCH_SOAK_SECONDS` (600; quick 30), the RSS
 *   sampled every few seconds, and its slope by least squares over the
 *   samples after the soak's first fifth (its warm-up). Target: under
 *   1 MB/min — a leak of a few hundred bytes a request shows as several MB
 *   a minute at these rates, while the garbage collector's saw-tooth
 *   averages out over the window.
 *
 * The process runs as `npm start` does, jobs included (`ROLE=all`;
 * `BENCH_ROLE=api` for an API-only process as bench/api runs it).
 *
 *   npm run bench:memory               # 5 min load, 10 min soak
 *   npm run bench:memory -- --quick    # small data, 20 s load, 30 s soak: checks the harness
 *
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { figure, machine } from './figures.ts';
import { addCheckInOrders } from './seed.ts';
import {
  apiEndpoints,
  benchServerEnv,
  call,
  cannon,
  openSeededCluster,
  round,
  serverCommand,
  startServer,
  stopServer,
  waitReady,
  type Endpoint,
} from './harness.ts';

const quick = process.argv.includes('--quick');
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? (quick ? 20 : 300));
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? (quick ? 30 : 600));
/** How long each endpoint runs before the next takes over. */
const SLICE_SECONDS = quick ? 2 : 10;
const SAMPLE_EVERY_MS = quick ? 1_000 : 5_000;
const IDLE_SECONDS = quick ? 3 : 15;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (quick ? 10 : 20));
const ROLE = process.env.BENCH_ROLE === 'api' ? 'api' : 'all';
// The panel loads at its first request (PANEL=lazy): this process serves the API, and no manager opens it.
// BENCH_PANEL=on measures a process that has loaded AdminJS as well (about 60 MB more).
const PANEL = process.env.BENCH_PANEL === 'on' ? 'on' : 'lazy';
const SLOPE_LIMIT_MB_PER_MIN = 1;
const log = (line: string) => process.stderr.write(`bench:memory ${line}\n`);
const port = Number(process.env.BENCH_PORT ?? 58_000 + Math.floor(Math.random() * 1000));

const cluster = await openSeededCluster({ quick, log });
const { sizes, t0 } = cluster;
let server: ChildProcess | undefined;
try {
  const db = await cluster.clone('chorecat_memory');
  const now = new Date();
  // Check-in orders enough for the whole run; each check-in uses one up.
  const checkIns = await addCheckInOrders(db, {
    label: `memory-${now.getTime()}`,
    now,
    workers: sizes.workers,
    clients: sizes.clients,
    perWorker: 6,
  });
  await db.sequelize.query('ANALYZE orders');
  server = startServer(
    benchServerEnv({
      port,
      databaseUrl: cluster.adminUrl('chorecat_memory'),
      dataDir: path.join(cluster.runDir, 'server'),
      role: ROLE,
      panel: PANEL,
    }),
  );
  const pid = server.pid!;
  const base = `http://127.0.0.1:${port}`;
  await waitReady(base, server);
  log(`server up at ${base} (pid ${pid}, ${serverCommand().runtime}, ROLE=${ROLE}, PANEL=${PANEL})`);
  const endpoints = await apiEndpoints(base, db, { sizes, t0, sampleUsers: quick ? 20 : 50, checkIns });

  // Idle: every endpoint warmed up (a few requests each, one at a time), then left alone.
  for (const endpoint of endpoints) {
    for (let i = 0; i < (endpoint.limit ? 2 : 10); i++) await call(base, endpoint.request(i));
  }
  await sleep(IDLE_SECONDS * 1000);
  const idleSamples: number[] = [];
  for (let i = 0; i < 3; i++) {
    idleSamples.push(rssMb(pid));
    await sleep(500);
  }
  const idle = median(idleSamples);
  log(`idle: ${idle} MB`);

  // Load: the API benchmark's endpoints in turn, at full speed.
  const load = await loadFor(base, endpoints, LOAD_SECONDS, pid);
  const afterLoad = rssMb(pid);
  log(`after ${LOAD_SECONDS} s of load: ${afterLoad} MB (peak ${load.peak} MB, ${load.requests} requests, ${load.failed} not 2xx)`);

  // Soak: the same load on, the RSS sampled; the slope after the soak's warm-up.
  const soak = await loadFor(base, endpoints, SOAK_SECONDS, pid);
  const kept = soak.samples.filter((s) => s.seconds >= SOAK_SECONDS / 5);
  const slope = round(leastSquaresSlope(kept.map((s) => [s.seconds / 60, s.mb])), 2);
  log(`soak: ${soak.samples.length} samples, slope ${slope} MB/min (peak ${soak.peak} MB, ${soak.requests} requests)`);

  process.stdout.write(
    `${JSON.stringify({
      bench: 'memory',
      machine: machine(),
      quick,
      server: serverCommand().runtime,
      role: ROLE,
      sizes,
      connections: CONNECTIONS,
      loadSeconds: LOAD_SECONDS,
      soakSeconds: SOAK_SECONDS,
      figures: [
        figure(`RSS idle (${serverCommand().runtime}, PANEL=${PANEL})`, idle, 'MB', '<= 150'),
        figure(`RSS after ${LOAD_SECONDS} s of API load (${serverCommand().runtime}, PANEL=${PANEL})`, afterLoad, 'MB', '<= 300'),
        figure('RSS peak under load', Math.max(load.peak, soak.peak), 'MB'),
        figure(`RSS slope over a ${SOAK_SECONDS} s soak`, slope, 'MB/min', `< ${SLOPE_LIMIT_MB_PER_MIN}`),
        figure('requests not 2xx under load', load.failed + soak.failed, 'requests'),
      ],
      load: { requests: load.requests, failed: load.failed, peak: load.peak },
      soak: { requests: soak.requests, failed: soak.failed, samples: soak.samples },
    })}\n`,
  );
} finally {
  await stopServer(server);
  await cluster.close();
}
process.exit(0);

/**
 * The endpoints one after another, a slice each, for `seconds`, sampling
 * the server's RSS every SAMPLE_EVERY_MS. A budgeted endpoint (check-in)
 * sends a share of what is left of its budget, and drops out when it runs low.
 */
async function loadFor(base: string, endpoints: Endpoint[], seconds: number, pid: number) {
  const started = performance.now();
  const samples: { seconds: number; mb: number }[] = [];
  let peak = 0;
  const sample = () => {
    const mb = rssMb(pid);
    peak = Math.max(peak, mb);
    samples.push({ seconds: round((performance.now() - started) / 1000, 1), mb });
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  let requests = 0;
  let failed = 0;
  try {
    for (let turn = 0; performance.now() - started < seconds * 1000; turn++) {
      const endpoint = endpoints[turn % endpoints.length]!;
      const left = endpoint.limit?.();
      if (left !== undefined && left < CONNECTIONS * 2) continue;
      const remaining = Math.max(1, Math.min(SLICE_SECONDS, seconds - (performance.now() - started) / 1000));
      const run = await cannon(base, endpoint.request, {
        connections: CONNECTIONS,
        duration: remaining,
        amount: left !== undefined ? Math.floor(left / 4) : undefined,
      });
      requests += run.requests;
      failed += run.failed;
    }
  } finally {
    clearInterval(timer);
  }
  sample();
  return { samples, peak, requests, failed };
}

/** The resident set of a process, in MB (Linux: /proc; elsewhere: ps). */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) return round(kb / 1024, 1);
  } catch {
    // Not Linux: ps below.
  }
  return round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024, 1);
}

/** The slope of the least-squares line through the points (x, y). */
function leastSquaresSlope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
