/**
 * Outbox drain benchmark (issue #17): does background delivery keep up with
 * the API? The real server runs in its own process as `npm start` runs it
 * (embedded PostgreSQL, MailDev's SMTP, the supplier and Golden Hat
 * stand-ins, its own scheduler), on a fresh data directory, with one webhook
 * endpoint registered (a receiver on loopback here) so every public event
 * is delivered too. Several HTTP clients create orders as fast as the API
 * takes them; then the clock runs until every order's side effects are
 * done: its kit open with the cookie ordered from the supplier, every
 * outbox message (emails, domain-event deliveries) no longer pending, and
 * every webhook delivery no longer pending. Prints one JSON object.
 *
 *   npm run bench:outbox     # BENCH_ORDERS=1000, BENCH_CLIENTS=8, BENCH_DRAIN_TIMEOUT_S=900; BENCH_VERBOSE=1 prints progress
 *
 * The drain is read from the database every 200 ms (the benchmark's own
 * connection), so its resolution is a fifth of a second.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { serverCommand } from './harness.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const DRAIN_TIMEOUT_S = Number(process.env.BENCH_DRAIN_TIMEOUT_S ?? 900);
const TARGET_DRAIN_S = 30;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ports = {
  PORT: await freePort(),
  CHORECAT_DB_PORT: await freePort(),
  MAILDEV_SMTP_PORT: await freePort(),
  MAILDEV_WEB_PORT: await freePort(),
  SUPPLIER_STAND_IN_PORT: await freePort(),
  GOLDEN_HAT_STAND_IN_PORT: await freePort(),
};
const base = `http://127.0.0.1:${ports.PORT}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-outbox-bench-'));

// The webhook receiver: answers every delivery at once.
let webhooksReceived = 0;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    webhooksReceived++;
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

// The production build when there is one (npm run bench builds first), as bench/api runs it: no panel bundling at start.
const command = serverCommand();
const server = spawn(process.execPath, command.args, {
  cwd: root,
  env: {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    NODE_ENV: 'development',
    CHORECAT_DATA_DIR: dataDir,
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    // Nothing refused by the flood defences: this measures delivery, not the limits.
    RATE_LIMIT_PER_MINUTE: '1000000',
  },
  stdio: ['ignore', openSync(path.join(dataDir, 'server.log'), 'w'), 'inherit'],
});
const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));

/** One request; a reset connection (a keep-alive socket the server closed) is retried: every request here is safe to repeat. */
async function api<T>(method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const send = () =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const res = await send().catch(async (error: unknown) => {
    await sleep(100);
    if (server.exitCode !== null) throw error;
    return send();
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const db = new pg.Client({ connectionString: `postgres://postgres:chorecat-local@127.0.0.1:${ports.CHORECAT_DB_PORT}/chorecat` });
let exitCode = 0; // 2 when the benchmark itself failed
try {
  // Ready: migrated, seeded, background started.
  const readyBy = Date.now() + 180_000;
  for (;;) {
    if (Date.now() > readyBy) throw new Error('the server did not become ready in 3 minutes');
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  await db.connect();
  const login = (email: string) =>
    api<{ accessToken: string }>('POST', '/v1/auth/login', undefined, { email, password: 'chorecat-demo' }).then((r) => r.accessToken);
  const client = await login('client@chorecat.test');
  const manager = await login('manager@chorecat.test');
  await api('POST', '/v1/webhook-endpoints', manager, { url: receiverUrl, eventTypes: ['*'] });
  const types = await api<{ data: { id: string }[] }>('GET', '/v1/service-types', client);
  const serviceTypeId = types.data[0]!.id;

  const { rows: seqRows } = await db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM events');
  const seqBefore = seqRows[0]!.seq;

  // Creates, from several clients at once.
  const cpuBefore = await serverCpuMs();
  const started = performance.now();
  let next = 0;
  const created: string[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < ORDERS) {
        const n = next++;
        const startsAt = new Date(Date.now() + (2 + (n % 60)) * 86_400_000).toISOString();
        const order = await api<{ id: string }>(
          'POST',
          '/v1/orders',
          client,
          { serviceTypeId, startsAt, address: `${n} Bench Street` },
          { 'idempotency-key': randomUUID() },
        );
        created.push(order.id);
      }
    }),
  );
  const lastCreate = performance.now();

  // The drain: every order's kit with its cookie ordered, no outbox message pending, and every public
  // event since the start delivered to the endpoint (fanned out and sent).
  let progress = { kits: 0, outboxPending: 0, webhooksPending: 0 };
  let drainedAt: number | undefined;
  // When the outbox's own part (kits, cookies, emails, event deliveries) was first done, webhooks aside.
  let outboxDoneAt: number | undefined;
  while (performance.now() - lastCreate < DRAIN_TIMEOUT_S * 1000) {
    const { rows } = await db.query<{ kits: number; outbox_pending: number; webhooks_pending: number }>(
      `SELECT (SELECT count(*)::int FROM kits WHERE order_id = ANY($1::uuid[]) AND cookie_status <> 'pending') AS kits,
              (SELECT count(*)::int FROM outbox WHERE status = 'pending') AS outbox_pending,
              (SELECT count(*)::int FROM events e WHERE e.seq > $2::bigint AND NOT EXISTS (
                 SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id::text AND d.status <> 'pending')) AS webhooks_pending`,
      [created, seqBefore],
    );
    progress = { kits: rows[0]!.kits, outboxPending: rows[0]!.outbox_pending, webhooksPending: rows[0]!.webhooks_pending };
    if (process.env.BENCH_VERBOSE) console.error(JSON.stringify({ s: round((performance.now() - lastCreate) / 1000), ...progress }));
    if (outboxDoneAt === undefined && progress.kits === created.length && progress.outboxPending === 0) outboxDoneAt = performance.now();
    if (progress.kits === created.length && progress.outboxPending === 0 && progress.webhooksPending === 0) {
      drainedAt = performance.now();
      break;
    }
    await sleep(200);
  }
  const cpuAfter = await serverCpuMs();
  const end = drainedAt ?? performance.now();
  const { rows: counts } = await db.query<{ sent: number; failed: number; retried: number; webhooks: number; emails: number }>(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE attempts > 1)::int AS retried,
            count(*) FILTER (WHERE status = 'sent' AND topic = 'email')::int AS emails,
            (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'succeeded') AS webhooks
       FROM outbox`,
  );
  const c = counts[0]!;
  const drainS = drainedAt === undefined ? null : round((drainedAt - lastCreate) / 1000);
  const createS = (lastCreate - started) / 1000;
  const figures = [
    {
      name: 'drain after last create',
      value: drainS,
      unit: 's',
      target: `<= ${TARGET_DRAIN_S}`,
      ok: drainS !== null && drainS <= TARGET_DRAIN_S,
    },
    {
      name: 'outbox part drained after last create (kits, cookies, emails, events; webhooks aside)',
      value: outboxDoneAt === undefined ? null : round((outboxDoneAt - lastCreate) / 1000),
      unit: 's',
    },
    { name: 'orders created', value: created.length, unit: 'orders' },
    { name: 'create rate', value: round(created.length / createS), unit: 'orders/s' },
    // Bounded by the create rate when delivery keeps up.
    { name: 'messages per second (first create to drained)', value: round(c.sent / ((end - started) / 1000)), unit: 'msg/s' },
    { name: 'outbox messages delivered', value: c.sent, unit: 'messages' },
    { name: 'emails sent', value: c.emails, unit: 'emails' },
    { name: 'webhook deliveries', value: c.webhooks, unit: 'deliveries' },
    { name: 'webhook requests received', value: webhooksReceived, unit: 'requests' },
    { name: 'messages given up', value: c.failed, unit: 'messages', target: '0', ok: c.failed === 0 },
    { name: 'messages retried', value: c.retried, unit: 'messages' },
    ...(cpuBefore !== undefined && cpuAfter !== undefined
      ? [{ name: 'server CPU from first create to drained', value: round((cpuAfter - cpuBefore) / 1000), unit: 's' }]
      : []),
  ];
  console.log(
    JSON.stringify({
      bench: 'outbox',
      runtime: command.runtime,
      cores: os.cpus().length,
      clients: CLIENTS,
      ...(drainedAt === undefined ? { timedOut: { afterS: DRAIN_TIMEOUT_S, ...progress } } : {}),
      figures,
    }),
  );
  // A missed target is a figure (ok: false), not a failure of the benchmark: `npm run bench` kept no figures of a
  // script that exited non-zero, so this one's exit 1 on a slow drain showed as a failed bench with no figures.
} catch (error) {
  console.error(error);
  console.error(readFileSync(path.join(dataDir, 'server.log'), 'utf8').split('\n').slice(-30).join('\n'));
  exitCode = 2;
} finally {
  await db.end().catch(() => undefined);
  server.kill('SIGTERM');
  const stopped = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
  if (stopped === 'timeout') server.kill('SIGKILL');
  receiver.closeAllConnections();
  receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The server process's CPU time (user + system) in ms, from /proc (Linux), or undefined elsewhere. */
async function serverCpuMs(): Promise<number | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${server.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return undefined;
  }
}
