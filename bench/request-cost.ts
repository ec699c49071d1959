/**
 * Request cost (issue #17): the server's own CPU time per request, in ms,
 * for the fixed stack (`GET /healthz`) and the everyday authenticated calls.
 * CPU time (`process.cpuUsage()` of the server process, user + system), not
 * wall time: on a shared machine it is what stays put while the load around
 * it changes. The server runs in this process on an embedded PostgreSQL
 * (its CPU is not counted); the requests come from a child process, so the
 * client's work is not counted either. Each figure is the median of
 * REQUEST_COST_ROUNDS rounds of REQUEST_COST_N requests (after a warm-up),
 * at REQUEST_COST_CONCURRENCY requests in flight over keep-alive sockets.
 *
 * Logs at `warn` (a production level) and with the everyday rate limits
 * raised only so that nothing is refused: every request still counts.
 *
 *   npm run bench:request-cost      # REQUEST_COST_N=2000 for steadier figures;
 *                                   # REQUEST_COST_ONLY=healthz for the figures whose name includes it;
 *                                   # REQUEST_COST_PROFILE=<dir> writes a CPU profile of each figure's rounds
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import express from 'express';
import { Session } from 'node:inspector/promises';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';

interface Job {
  /** Another server than the platform's (the bare Express reference). */
  url?: string;
  method: 'GET' | 'POST';
  /** Paths cycled through in turn (one order's, or several). */
  paths: string[];
  token?: string;
  /** A fresh body per request (POST). */
  body?: (i: number) => unknown;
  idempotent?: boolean;
}

/** The load generator: a child process, told one job at a time; answers when all its requests are done. */
if (process.env.REQUEST_COST_ROLE === 'client') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let serial = 0;
  process.on('message', (message: { url: string; job: Job & { bodies?: unknown[] }; n: number; concurrency: number }) => {
    const { url, job, n, concurrency } = message;
    let sent = 0;
    let done = 0;
    const failures: string[] = [];
    const one = () => {
      if (sent >= n) return;
      const i = sent++;
      const body = job.bodies ? JSON.stringify(job.bodies[i % job.bodies.length]) : undefined;
      const headers: Record<string, string> = {};
      if (job.token) headers.authorization = `Bearer ${job.token}`;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      if (job.idempotent) headers['idempotency-key'] = `request-cost-${process.pid}-${serial++}`;
      const req = http.request(`${url}${job.paths[i % job.paths.length]}`, { method: job.method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode! >= 300 && failures.length < 3) failures.push(`${res.statusCode} ${Buffer.concat(chunks).toString()}`);
          if (++done === n) process.send!({ failures });
          else one();
        });
      });
      req.on('error', (error) => {
        failures.push(String(error));
        if (++done === n) process.send!({ failures });
        else one();
      });
      req.end(body);
    };
    for (let c = 0; c < concurrency; c++) one();
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const n = Number(process.env.REQUEST_COST_N ?? 600);
  const rounds = Number(process.env.REQUEST_COST_ROUNDS ?? 3);
  const concurrency = Number(process.env.REQUEST_COST_CONCURRENCY ?? 8);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-request-cost-'));
  const logger = createLogger({ level: 'warn' });
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: 56_000 + Math.floor(Math.random() * 1000),
    database: 'chorecat',
    logger: createLogger({ level: 'silent' }),
  });
  const db = connectDatabase(embedded.url, logger, { poolMax: 20 });
  let client: ChildProcess | undefined;
  try {
    await migrate(db, logger, ROLES);
    const platform = await benchPlatform(db, logger, {
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    });
    const server = platform.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Access tokens live 15 minutes, and a run on a busy machine can be longer: each figure gets fresh ones.
    const tokenOwners = new Map<string, { id: string; roles: string[] }>();
    const freshToken = async (token: string) => {
      const owner = tokenOwners.get(token)!;
      return (await platform.kernel.tokens.issueAccessToken({ id: owner.id, roles: owner.roles as never })).token;
    };
    const user = async (roles: string[]) => {
      const [row] = (
        await db.sequelize.query(
          'INSERT INTO users (email, name, roles, email_verified_at) VALUES ($1, $2, $3::text[], now()) RETURNING id',
          {
            bind: [`${roles.join('-')}-${Math.random().toString(36).slice(2)}@chorecat.test`, `Bench ${roles.join(' ')}`, roles],
          },
        )
      )[0] as { id: string }[];
      tokenOwners.set((await platform.kernel.tokens.issueAccessToken({ id: row!.id, roles: roles as never })).token, {
        id: row!.id,
        roles,
      });
      return [...tokenOwners.keys()].at(-1)!;
    };
    const call = async (method: string, pathName: string, token: string, body?: unknown) => {
      const response = await fetch(`${url}${pathName}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${pathName}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const manager = await user(['manager']);
    const clientToken = await user(['client']);
    const type = await call('POST', '/v1/service-types', manager, { name: 'Litter box deep clean', description: '', durationMinutes: 60 });
    const newOrder = (i: number) => ({
      serviceTypeId: type.id,
      // Spread over the weeks ahead, each its own slot.
      startsAt: new Date(Date.now() + (3 * 24 + (i % 2000)) * 3_600_000).toISOString(),
      address: `${i} Bench Road`,
    });
    const orderIds: string[] = [];
    for (let i = 0; i < 20; i++) orderIds.push((await call('POST', '/v1/orders', clientToken, newOrder(i))).id as string);

    client = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, REQUEST_COST_ROLE: 'client' },
      execArgv: ['--import', 'tsx'],
    });
    const run = (job: Job, count: number) =>
      new Promise<string[]>((resolve) => {
        client!.once('message', (m: { failures: string[] }) => resolve(m.failures));
        const bodies = job.body ? Array.from({ length: count }, (_, i) => job.body!(i + Math.floor(Math.random() * 1e6))) : undefined;
        client!.send({ url: job.url ?? url, job: { ...job, body: undefined, bodies }, n: count, concurrency });
      });
    const only = process.env.REQUEST_COST_ONLY;
    const measure = async (name: string, job: Job, target: number) => {
      if (only && !name.includes(only)) return undefined;
      if (job.token) job = { ...job, token: await freshToken(job.token) };
      const warm = await run(job, Math.max(100, n / 4));
      if (warm.length) throw new Error(`${name}: ${warm.join('; ')}`);
      const perRequest: number[] = [];
      // REQUEST_COST_PROFILE=<dir>: a V8 CPU profile of the measured rounds only (not of the set-up), one file a figure.
      const profiler = process.env.REQUEST_COST_PROFILE ? new Session() : undefined;
      if (profiler) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      }
      for (let r = 0; r < rounds; r++) {
        const before = process.cpuUsage();
        const failures = await run(job, n);
        const used = process.cpuUsage(before);
        if (failures.length) throw new Error(`${name}: ${failures.join('; ')}`);
        perRequest.push((used.user + used.system) / 1000 / n);
      }
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        const file = path.join(process.env.REQUEST_COST_PROFILE!, `${name.replace(/[^\w]+/g, '-')}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        profiler.disconnect();
      }
      perRequest.sort((a, b) => a - b);
      const value = Math.round(perRequest[Math.floor(perRequest.length / 2)]! * 1000) / 1000;
      return {
        name,
        value,
        unit: 'ms',
        target: `<= ${target}`,
        ok: value <= target,
        rounds: perRequest.map((v) => Math.round(v * 1000) / 1000),
      };
    };
    // The floor on this machine under its current load: bare Express answering a small JSON, in this process.
    // CPU time per request grows with the machine's load (caches, switches); compare figures with it.
    const bare = express();
    bare.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    const bareServer = bare.listen(0, '127.0.0.1');
    await new Promise((resolve) => bareServer.once('listening', resolve));
    const reference = await measure(
      'bare Express GET CPU per request',
      { url: `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`, method: 'GET', paths: ['/healthz'] },
      Number.POSITIVE_INFINITY,
    );
    bareServer.closeAllConnections();
    bareServer.close();
    const figures = [
      await measure('GET /healthz CPU per request', { method: 'GET', paths: ['/healthz'] }, 0.5),
      await measure(
        'GET /v1/orders/{id} CPU per request',
        { method: 'GET', paths: orderIds.map((id) => `/v1/orders/${id}`), token: clientToken },
        1.5,
      ),
      await measure(
        'GET /v1/orders/{id}/timeline CPU per request',
        { method: 'GET', paths: orderIds.map((id) => `/v1/orders/${id}/timeline`), token: clientToken },
        1.5,
      ),
      await measure(
        'GET /v1/invoices/upcoming CPU per request',
        { method: 'GET', paths: ['/v1/invoices/upcoming'], token: clientToken },
        1.5,
      ),
      await measure(
        'POST /v1/orders CPU per request',
        { method: 'POST', paths: ['/v1/orders'], token: clientToken, body: newOrder, idempotent: true },
        4,
      ),
    ];
    console.log(
      JSON.stringify(
        {
          bench: 'request-cost',
          requests: n,
          rounds,
          concurrency,
          cores: os.cpus().length,
          loadAverage: os.loadavg()[0],
          reference: reference && { name: reference.name, value: reference.value, unit: 'ms', rounds: reference.rounds },
          figures: figures.filter(Boolean),
        },
        null,
        2,
      ),
    );
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await platform.stop();
  } finally {
    client?.kill();
    await db.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
