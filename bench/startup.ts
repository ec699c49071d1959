/**
 * Start-up of the production build (`npm run build`, then `node server/dist/cli.js start`), as an operator
 * trying it runs it: embedded PostgreSQL, demo data seeded. Cold = a fresh data folder (initdb, every
 * migration, the seed); warm = the same folder again. Each run is its own process, timed from spawn to the
 * first 200 from /readyz, and to the panel's login page (the panel is built once the API listens). Also the
 * process's own CPU time to "started" (from its log), which a busy machine inflates far less than wall time.
 * Prints one JSON object.
 *
 *   npm run bench:startup            # BENCH_RUNS=5 for more runs
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, 'server/dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);

execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/scripts/build.ts'), '--no-sdk'], { cwd: REPO, stdio: 'ignore' });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function until(url: string, started: number, alive: () => boolean): Promise<number> {
  for (;;) {
    if (!alive()) throw new Error(`the server exited before ${url} answered`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startOnce(dataDir: string): Promise<{ readyz: number; panel: number; cpuMs: number }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    LOG_LEVEL: 'info',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    CHORECAT_DATA_DIR: dataDir,
    CHORECAT_DB_PORT: String(await freePort()),
    MAILDEV_SMTP_PORT: String(await freePort()),
    MAILDEV_WEB_PORT: String(await freePort()),
    SUPPLIER_STAND_IN_PORT: String(await freePort()),
    GOLDEN_HAT_STAND_IN_PORT: String(await freePort()),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  try {
    const readyz = await until(`http://127.0.0.1:${port}/readyz`, started, () => !exited);
    const panel = await until(`http://127.0.0.1:${port}/admin/login`, started, () => !exited);
    // The "started" line comes once the panel is built.
    while (!/"msg":"started"/.test(output) && !exited) await new Promise((resolve) => setTimeout(resolve, 25));
    const line = output.split('\n').find((l) => l.includes('"msg":"started"'));
    const cpu = line ? (JSON.parse(line) as { startupCpuMs: { listening: number } }).startupCpuMs.listening : NaN;
    return { readyz, panel, cpuMs: cpu };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output}`);
  } finally {
    child.kill('SIGTERM');
    await done;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

const cold: Awaited<ReturnType<typeof startOnce>>[] = [];
const warm: Awaited<ReturnType<typeof startOnce>>[] = [];
const dirs: string[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-bench-startup-'));
    dirs.push(dir);
    cold.push(await startOnce(dir));
    warm.push(await startOnce(dir));
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const figure = (name: string, values: number[], unit: string, target?: { below: number }) => ({
  name,
  value: round(median(values), unit === 's' ? 2 : 0),
  unit,
  ...(target ? { target: `< ${target.below}`, ok: median(values) < target.below } : {}),
  runs: values.map((v) => round(v, unit === 's' ? 2 : 0)),
});
console.log(
  JSON.stringify({
    bench: 'startup',
    cores: os.cpus().length,
    loadAverage: round(os.loadavg()[0]!, 2),
    figures: [
      figure(
        'warm start to /readyz',
        warm.map((r) => r.readyz),
        's',
        { below: 3 },
      ),
      figure(
        'cold start to /readyz (initdb, migrations, seed)',
        cold.map((r) => r.readyz),
        's',
        { below: 10 },
      ),
      figure(
        'warm start to the panel login page',
        warm.map((r) => r.panel),
        's',
      ),
      figure(
        'cold start to the panel login page',
        cold.map((r) => r.panel),
        's',
      ),
      figure(
        'warm start CPU of the server process to listening',
        warm.map((r) => r.cpuMs),
        'ms',
      ),
      figure(
        'cold start CPU of the server process to listening',
        cold.map((r) => r.cpuMs),
        'ms',
      ),
    ],
  }),
);
process.exit(0);
