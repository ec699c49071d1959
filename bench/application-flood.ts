/**
 * Flood benchmark (SPEC §5.2): autocannon floods the public
 * `POST /v1/applications` from 256 spoofed addresses with submissions that
 * carry no valid proof-of-work (plus one valid solution replayed over and
 * over), while a second client measures the p99 latency of
 * `GET /v1/service-types` at a steady rate. One legitimate application is
 * submitted during the flood. Prints JSON: unloaded and loaded p99, their
 * ratio (target ≤ 3), and the rows the flood created (target: none beyond
 * the legitimate one).
 *
 *   npm run bench:flood        # BENCH_SECONDS=10 for longer phases
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { solveChallenge } from 'altcha-lib/v1';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase, sql } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';
import { figure, machine } from './figures.ts';
import { seedDemoCatalog } from '../server/src/modules/catalog/index.ts';
import { seedDemoHiring } from '../server/src/modules/hiring/index.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const FLOOD_CONNECTIONS = 50;
const PROBE_RATE = 100;

/**
 * The server runs in a child process of its own (as in production), so the
 * load generators in this process do not share its event loop.
 */
if (process.env.FLOOD_BENCH_ROLE === 'server') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-flood-'));
  const logger = createLogger({ level: 'silent' });
  const embedded = await startEmbeddedPostgres({ dataDir, port: 55_000 + Math.floor(Math.random() * 1000), database: 'chorecat', logger });
  const db = connectDatabase(embedded.url, logger, { poolMax: 20 });
  await migrate(db, logger, ROLES);
  // The probe is one client sending 100 requests a second: lift the everyday per-address limit for it.
  const platform = await benchPlatform(db, logger, { RATE_LIMIT_PER_MINUTE: '1000000' });
  await seedDemoCatalog(platform.kernel);
  await seedDemoHiring(platform.kernel);
  const server = platform.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const [vacancy] = await sql<{ id: string }>(db, 'SELECT id FROM vacancies LIMIT 1');
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    // Let handlers still running on closed sockets finish before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await platform.stop();
    await db.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'rows') {
      void sql<{ applications: string; users: string }>(
        db,
        'SELECT (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM users) AS users',
      ).then(([r]) => process.send!({ type: 'rows', applications: Number(r!.applications), users: Number(r!.users) }));
    }
    if (message.type === 'stop') void stop();
  });
  process.send!({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, vacancyId: vacancy!.id });
} else if (process.env.FLOOD_BENCH_ROLE === 'flood') {
  // The attacker: its own process at the lowest CPU priority, standing in for machines that are not ours
  // (on a 2-core box the load generator would otherwise take the CPU the server and PostgreSQL need).
  os.setPriority(19);
  const { url, vacancyId, replayed } = JSON.parse(process.env.FLOOD_TARGET!) as { url: string; vacancyId: string; replayed: string };
  let sent = 0;
  const result = await autocannon({
    url: `${url}/v1/applications`,
    connections: FLOOD_CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          sent++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.66.${(sent >> 8) & 255}.${sent & 255}` },
            body: JSON.stringify({
              name: `Flood ${sent}`,
              email: `flood-${sent}@attacker.test`,
              breed: 'Bot',
              age: 1,
              skills: ['spam'],
              vacancyId,
              challenge: sent % 10 === 0 ? replayed : Buffer.from(`{"forged":${sent}}`).toString('base64'),
            }),
          };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, n] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (n as { count: number }).count;
  process.send!({
    type: 'flood',
    result: {
      connections: FLOOD_CONNECTIONS,
      addresses: Math.min(sent, 65_536),
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      statusCodes,
      errors: result.errors,
    },
  });
  process.exit(0);
} else {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, FLOOD_BENCH_ROLE: 'server' },
    execArgv: ['--import', 'tsx'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', on);
        resolve(message as T);
      };
      child.on('message', on);
    });
  const { url, vacancyId } = await next<{ url: string; vacancyId: string }>('ready');
  const rows = async () => {
    const answer = next<{ applications: number; users: number }>('rows');
    child.send({ type: 'rows' });
    const { applications, users } = await answer;
    return { applications, users };
  };
  const solved = async () => {
    const c = (await (await fetch(`${url}/v1/application-challenge`)).json()) as {
      challenge: string;
      salt: string;
      algorithm: string;
      maxnumber: number;
      signature: string;
    };
    const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    return Buffer.from(
      JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature }),
    ).toString('base64');
  };
  const application = (i: number | string, challenge: string, email = `flood-${i}@attacker.test`) =>
    JSON.stringify({ name: `Applicant ${i}`, email, breed: 'Bot', age: 1, skills: ['spam'], vacancyId, challenge });
  const probe = (duration: number) =>
    autocannon({
      url: `${url}/v1/service-types`,
      connections: 1,
      overallRate: PROBE_RATE,
      duration,
      headers: { 'x-forwarded-for': '192.0.2.1' },
    });

  await probe(2); // warm-up: JIT, connection pools
  const unloaded = await probe(seconds);

  // One valid solution, spent here by a real application: the flood then replays it endlessly.
  const replayed = await solved();
  await fetch(`${url}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.50' },
    body: application('first', replayed, 'first.applicant@example.test'),
  });
  const before = await rows();
  const attacker = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, FLOOD_BENCH_ROLE: 'flood', FLOOD_TARGET: JSON.stringify({ url, vacancyId, replayed }) },
    execArgv: ['--import', 'tsx'],
  });
  const flood = new Promise<Record<string, unknown>>((resolve) =>
    attacker.on(
      'message',
      (message: { type: string; result: Record<string, unknown> }) => message.type === 'flood' && resolve(message.result),
    ),
  );
  // Let the attacker's process start before measuring.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const loadedProbe = probe(seconds);
  // A real applicant gets through during the flood, from its own address.
  await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
  const legit = await fetch(`${url}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.77' },
    body: application('real', await solved(), 'real.applicant@example.test'),
  });
  const [floodResult, loaded] = await Promise.all([flood, loadedProbe]);
  const after = await rows();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await exited;

  const legitimate = legit.status === 201 ? 1 : 0;
  const ratio = Number((loaded.latency.p99 / Math.max(unloaded.latency.p99, 1)).toFixed(2));
  const rowsCreatedByFlood = after.applications - before.applications - legitimate;
  console.log(
    JSON.stringify(
      {
        bench: 'application-flood',
        machine: machine(),
        figures: [
          figure('service-types p99 under the flood / unloaded', ratio, 'ratio', '<= 3'),
          figure('applications the flood created', rowsCreatedByFlood, 'rows', '== 0'),
          figure('legitimate application accepted during the flood', legitimate, 'count', '== 1'),
        ],
        seconds,
        cores: os.cpus().length,
        flood: floodResult,
        probe: {
          path: '/v1/service-types',
          rate: PROBE_RATE,
          unloadedRequests: unloaded.requests.total,
          loadedRequests: loaded.requests.total,
        },
        unloadedP99Ms: unloaded.latency.p99,
        loadedP99Ms: loaded.latency.p99,
        ratio,
        ratioTarget: 3,
        probeNon2xx: unloaded.non2xx + loaded.non2xx,
        legitimateApplicationStatus: legit.status,
        rowsCreatedByFlood,
        usersCreatedByFlood: after.users - before.users - legitimate,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}
