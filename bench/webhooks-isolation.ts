/**
 * Webhook isolation benchmark: do a hanging endpoint and a dead one slow the
 * healthy endpoints' deliveries, or the emails? The platform runs as it does
 * in production (its own scheduler, `webhooks.deliver` and `outbox.deliver`
 * every 2 s, the default 10 s delivery timeout) against N healthy receivers
 * on loopback. Public events are recorded at a steady rate and an email is
 * queued every second; each healthy delivery's latency is the wall time
 * from the event's commit to its arrival, each email's outbox delay the
 * time from its commit to the mail transport's send. First with the healthy
 * endpoints alone, then with one endpoint that accepts and never answers
 * and one whose port refuses connections. Prints JSON.
 *
 *   npm run bench:webhooks       # BENCH_ENDPOINTS=10, BENCH_SECONDS=30, BENCH_EVENTS_PER_SECOND=4
 *
 * The bad endpoints' retries are due a minute and more later on the
 * platform clock: inside a phase, what they cost is their first attempts
 * at each new event.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase, transaction } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { recordPublicEvent } from '../server/src/platform/event-feed.ts';
import { defineTemplate } from '../server/src/platform/email-template.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { createEndpoint } from '../server/src/modules/webhooks/application/create-endpoint.ts';
import { createSecretBox } from '../server/src/modules/webhooks/infra/secret-box.ts';
import { resolveEndpointHost } from '../server/src/modules/webhooks/infra/address-resolver.ts';
import { postOnce } from '../server/src/modules/webhooks/infra/http-sender.ts';
import { sendEmail } from '../server/src/modules/notifications/index.ts';
import { benchPlatform } from './bench-platform.ts';
import { figure, machine } from './figures.ts';

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const EVENTS_PER_SECOND = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 4);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-webhooks-bench-'));
const logger = createLogger({ level: 'silent' });
const embedded = await startEmbeddedPostgres({ dataDir, port: 57_000 + Math.floor(Math.random() * 1000), database: 'chorecat', logger });
const db = connectDatabase(embedded.url, logger);

const committedAt = new Map<string, number>();
const healthyLatencies: number[] = [];
const emailQueuedAt = new Map<string, number>();
const emailDelays: number[] = [];
const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}
const healthy = (): Promise<string> =>
  listen((req, res) => {
    const at = performance.now();
    const sent = committedAt.get(String(req.headers['chorecat-event-id']));
    req.resume();
    req.on('end', () => res.writeHead(204).end());
    if (sent !== undefined) healthyLatencies.push(at - sent);
  });

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : null);
  return { count: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.length ? Math.round(sorted.at(-1)!) : null };
}

const benchEmail = defineTemplate<{ n: number }>('bench-email', (d) => ({ subject: `Bench ${d.n}`, paragraphs: [`Email ${d.n}.`] }));

try {
  await migrate(db, logger, ROLES);
  const platform = await benchPlatform(
    db,
    logger,
    {},
    {
      name: 'bench',
      async send(email) {
        const queued = emailQueuedAt.get(email.subject);
        if (queued !== undefined) emailDelays.push(performance.now() - queued);
      },
    },
  );
  const { kernel } = platform;
  // The use case as the API runs it (its SSRF check, its sealed secret), with the module's own parts, outside HTTP.
  const actor = { id: randomUUID(), roles: ['manager' as const] };
  const webhooks = { kernel, box: createSecretBox(kernel.secrets.webhooksEncryptionKey), resolve: resolveEndpointHost, post: postOnce };
  const register = (url: string) => createEndpoint(webhooks, { actor, url, eventTypes: ['*'] });
  await platform.startBackground();

  let seq = 0;
  let emails = 0;
  async function phase(name: string) {
    healthyLatencies.length = 0;
    emailDelays.length = 0;
    const started = performance.now();
    const everyMs = 1000 / EVENTS_PER_SECOND;
    let nextEmailAt = started;
    while (performance.now() - started < SECONDS * 1000) {
      const tick = performance.now();
      const { id } = await transaction(db, (tx) =>
        recordPublicEvent(db, tx, { type: 'order.created', data: { id: `bench-${++seq}` }, audience: [], occurredAt: kernel.clock.now() }),
      );
      committedAt.set(id, performance.now());
      if (tick >= nextEmailAt) {
        const n = ++emails;
        await transaction(db, (tx) =>
          sendEmail(kernel, tx, { template: benchEmail, to: 'ops@chorecat.test', data: { n }, dedupeKey: `bench:${n}` }),
        );
        emailQueuedAt.set(`Bench ${n}`, performance.now());
        nextEmailAt += 1000;
      }
      await sleep(Math.max(0, everyMs - (performance.now() - tick)));
    }
    // Long enough for the last events to be sent even behind a 10 s hang.
    await sleep(15_000);
    return {
      phase: name,
      healthyDelivery: stats(healthyLatencies),
      expectedHealthyDeliveries: (seq - seqAtStart(name)) * ENDPOINTS,
      emailOutbox: stats(emailDelays),
    };
  }
  const phaseStarts = new Map<string, number>();
  const seqAtStart = (name: string) => phaseStarts.get(name) ?? 0;

  for (let i = 0; i < ENDPOINTS; i++) await register(await healthy());
  phaseStarts.set('healthy only', seq);
  const alone = await phase('healthy only');

  await register(
    await listen((req) => {
      req.resume();
      // Accepts and never answers.
    }),
  );
  const refusing = await listen(() => undefined);
  await new Promise((resolve) => servers.pop()!.close(resolve));
  await register(refusing);
  phaseStarts.set('with a hanging and a refusing endpoint', seq);
  const withBad = await phase('with a hanging and a refusing endpoint');

  console.log(
    JSON.stringify(
      {
        bench: 'webhooks-isolation',
        machine: machine(),
        figures: [alone, withBad].flatMap((p) => [
          figure(`healthy delivery p50 (${p.phase})`, p.healthyDelivery.p50Ms, 'ms'),
          figure(`healthy delivery p95 (${p.phase})`, p.healthyDelivery.p95Ms, 'ms'),
          figure(`email outbox delay p95 (${p.phase})`, p.emailOutbox.p95Ms, 'ms'),
        ]),
        cores: os.cpus().length,
        healthyEndpoints: ENDPOINTS,
        secondsPerPhase: SECONDS,
        eventsPerSecond: EVENTS_PER_SECOND,
        timeoutMs: kernel.config.webhooks.timeoutMs,
        phases: [alone, withBad],
      },
      null,
      2,
    ),
  );
  await platform.stop();
} finally {
  for (const server of servers) server.closeAllConnections();
  await db.close();
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
