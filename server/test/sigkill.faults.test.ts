import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from './helpers/database.ts';
import { killWhenQuerying, startCli, type Query } from './helpers/cli.ts';
import { startSmtpServer } from './helpers/smtp.ts';
import { PNG_1x1 } from './helpers/images.ts';
import { TEST_GOLDEN_HAT_KEY, TEST_GOLDEN_HAT_SECRET, TEST_SUPPLIER_KEY, TEST_SUPPLIER_SECRET } from './helpers/platform.ts';
import { startSupplierStandIn, type SupplierStandIn } from '../src/stand-ins/supplier-stand-in.ts';
import { startGoldenHatStandIn, type GoldenHatStandIn } from '../src/stand-ins/golden-hat-stand-in.ts';
import { messageIdFor } from '../src/platform/mail.ts';
import { hashJobName } from '../src/platform/scheduler.ts';

/**
 * A real `chorecat start` (ROLE=all) SIGKILLed at seeded-random moments
 * while a client, the supplies team and workers drive orders through their
 * whole flow over HTTP and the sandbox clock runs the month's jobs, then
 * restarted each time. The outside world lives in this process, so it
 * outlives every kill: the SMTP server, the supplier and Golden Hat
 * stand-ins (with their own record of cookies ordered and money paid), and
 * a webhook receiver. Afterwards nothing may be doubled or missing, and the
 * ledger must balance. FAULTS_SEED=<n> replays another sequence of kills.
 */
const SEED = Number(process.env.FAULTS_SEED ?? 18);
const HTTP_PORT = 3610;
const ORDERS = 4;
const MAX_KILLS = 7;
const DEMO_PASSWORD = 'chorecat-demo';
const HOUR = 60 * 60_000;

/** mulberry32: a small seeded generator, so a failing sequence of kill times can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 120_000, nudge?: () => Promise<void>) {
  const end = Date.now() + timeoutMs;
  for (let round = 1; ; round++) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    // Every few rounds time moves a little, so the pollers an advance runs (supplier sync, matching retry, payouts) get a turn.
    if (nudge && round % 10 === 0) await nudge();
    await sleep(200);
  }
}

/** A real `chorecat start` that the test kills and starts again on the same port and database. */
class Server {
  private current?: ReturnType<typeof startCli>;
  readonly kills: string[] = [];
  private starting?: Promise<void>;

  constructor(private readonly env: Record<string, string>) {}

  /** Resolves once a process is up (starting one if none is). */
  up(): Promise<void> {
    if (!this.starting) {
      const server = startCli(this.env);
      this.current = server;
      // A process that died before it was ready (killed, or crashed) is forgotten, so the next call starts another.
      this.starting = server.ready.catch((error: unknown) => {
        if (this.current === server) {
          this.current = undefined;
          this.starting = undefined;
        }
        throw error;
      });
      this.starting.catch(() => undefined);
    }
    return this.starting;
  }

  async kill(why: string): Promise<void> {
    const server = this.current;
    if (!server) return;
    this.current = undefined;
    this.starting = undefined;
    server.child.kill('SIGKILL');
    expect(await server.signal).toBe('SIGKILL');
    this.kills.push(why);
  }

  /** SIGKILLs the process the moment it runs a query like `pattern` (true when it caught that moment). */
  async killWhen(pattern: string, query: Query): Promise<boolean> {
    const server = this.current!;
    this.current = undefined;
    this.starting = undefined;
    const caught = await killWhenQuerying(query, server.child, pattern);
    expect(await server.signal).toBe('SIGKILL');
    this.kills.push(`while running ${pattern}: ${caught}`);
    return caught;
  }

  async stop(): Promise<void> {
    const server = this.current;
    this.current = undefined;
    this.starting = undefined;
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

describe('a process SIGKILLed at random points, then restarted', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let supplier: SupplierStandIn;
  let goldenHat: GoldenHatStandIn;
  let hooks: { url: string; received: { eventId: string; type: string }[]; close(): Promise<void> };
  let server: Server;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'faults-kill-'));
  const base = `http://127.0.0.1:${HTTP_PORT}`;
  const q = async <Row extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await observer.query<Row>(text, params)).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    smtp = await startSmtpServer();
    // Both deliver and settle at once, and announce it to the platform (which may be down at that moment: then it polls).
    supplier = await startSupplierStandIn({
      apiKey: TEST_SUPPLIER_KEY,
      webhookSecret: TEST_SUPPLIER_SECRET,
      webhookUrl: `${base}/v1/integrations/supplier/events`,
      deliveryDelayMs: 0,
    });
    goldenHat = await startGoldenHatStandIn({
      apiKey: TEST_GOLDEN_HAT_KEY,
      webhookSecret: TEST_GOLDEN_HAT_SECRET,
      webhookUrl: `${base}/v1/integrations/golden-hat/events`,
      settleDelayMs: 0,
    });
    hooks = await startHookReceiver();
    server = new Server({
      DATABASE_URL: database.url,
      PORT: String(HTTP_PORT),
      NODE_ENV: 'development',
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SMTP_URL: smtp.url,
      JWT_SECRET: 'j'.repeat(40),
      SESSION_SECRET: 's'.repeat(40),
      SUPPLIER_URL: supplier.url,
      SUPPLIER_API_KEY: TEST_SUPPLIER_KEY,
      SUPPLIER_WEBHOOK_SECRET: TEST_SUPPLIER_SECRET,
      GOLDEN_HAT_URL: goldenHat.url,
      GOLDEN_HAT_API_KEY: TEST_GOLDEN_HAT_KEY,
      GOLDEN_HAT_WEBHOOK_SECRET: TEST_GOLDEN_HAT_SECRET,
      REVIEW_SAMPLE_PERCENT: '0',
      SHUTDOWN_GRACE_SECONDS: '5',
      // No admin panel: bundling it costs ~5 s of CPU per start (8.5 s instead of 3 s), and the test restarts a lot.
      PANEL: 'off',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await observer?.end();
    await Promise.all([smtp?.close(), supplier?.close(), goldenHat?.close(), hooks?.close()]);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * One HTTP call, sent again while the process is down (connection refused
   * or cut mid-request). Sent without an Idempotency-Key: a transition that
   * was done before the cut answers a 409 the caller reads as done.
   */
  async function call(
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> & { data?: Record<string, unknown>[] } }> {
    const end = Date.now() + 120_000;
    for (;;) {
      try {
        await server.up();
        const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}) } };
        if (body instanceof FormData) init.body = body;
        else if (body !== undefined) {
          init.body = JSON.stringify(body);
          (init.headers as Record<string, string>)['content-type'] = 'application/json';
        }
        const res = await fetch(`${base}${url}`, { ...init, signal: AbortSignal.timeout(60_000) });
        const text = await res.text();
        // 503: the database is busy with a killed backend's leftovers, or the process is stopping; try again.
        if (res.status === 503) throw new Error(`503 ${text}`);
        expect(res.status, `${method} ${url}: ${text}`).toBeLessThan(500);
        return { status: res.status, body: text ? JSON.parse(text) : {} };
      } catch (error) {
        if (error instanceof Error && error.name === 'AssertionError') throw error;
        if (Date.now() > end) throw error;
        await sleep(100);
      }
    }
  }

  async function login(email: string): Promise<{ token: string; id: string }> {
    const res = await call('POST', '/v1/auth/login', undefined, { email, password: DEMO_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const token = res.body.accessToken as string;
    const me = await call('GET', '/v1/me', token);
    return { token, id: me.body.id as string };
  }

  async function platformNow(token: string): Promise<Date> {
    return new Date((await call('GET', '/v1/sandbox/clock', token)).body.now as string);
  }

  /** Moves the sandbox clock to `at`, again after a cut (each advance runs the jobs due on the way, each once). */
  async function advanceTo(token: string, at: Date): Promise<void> {
    for (;;) {
      if ((await platformNow(token)).getTime() >= at.getTime()) return;
      const res = await call('POST', '/v1/sandbox/clock', token, { advanceTo: at.toISOString() });
      // 409: another advance still holds the clock (the killed one's, until PostgreSQL drops it); 422 backwards: an
      // advance cut before it answered got there meanwhile (the clock runs on from its target).
      if (res.status === 422 && res.body.code === 'SANDBOX.CLOCK_BACKWARDS') return;
      if (res.status !== 200 && res.status !== 409) throw new Error(`advance: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status === 409) await sleep(200);
    }
  }

  async function photo(token: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([PNG_1x1], { type: 'image/png' }), 'p.png');
    const res = await call('POST', '/v1/files', token, form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** A transition: done by this call (2xx) or by one before a cut (409, the order or kit already past it). */
  async function transition(url: string, token: string, body: unknown = {}): Promise<void> {
    const res = await call('POST', url, token, body);
    if (res.status >= 400 && res.status !== 409) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  it(
    'drives orders and a month of jobs through random kills: nothing doubled, nothing lost, the ledger balanced',
    // ~55 s of CPU, which a busy machine (a third of a core) stretches to three minutes or more.
    { timeout: 480_000 },
    async () => {
      onTestFailed(() => console.error(`sigkill.faults: seed ${SEED} (FAULTS_SEED=${SEED} replays it); kills: ${server.kills.join('; ')}`));
      const rand = random(SEED);
      await server.up();
      const manager = await login('manager@chorecat.test');
      const supplies = await login('supplies@chorecat.test');
      const client = await login('client@chorecat.test');
      const workers = new Map<string, string>();
      for (let n = 1; n <= 5; n++) {
        const worker = await login(`worker${n}@chorecat.test`);
        workers.set(worker.id, worker.token);
      }
      const hook = await call('POST', '/v1/webhook-endpoints', manager.token, { url: `${hooks.url}/hook`, eventTypes: ['*'] });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      const serviceType = await call('POST', '/v1/service-types', manager.token, {
        name: 'Litter box',
        description: '',
        durationMinutes: 60,
        kitItems: [{ name: 'Litter', quantity: 2 }],
      });
      expect(serviceType.status, JSON.stringify(serviceType.body)).toBe(201);

      // Two slots an hour apart, three days ahead: both inside one check-in window later.
      const now = await platformNow(manager.token);
      const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3, 10));
      const orderIds: string[] = [];
      for (let i = 0; i < ORDERS; i++) {
        const res = await call('POST', '/v1/orders', client.token, {
          serviceTypeId: serviceType.body.id,
          startsAt: new Date(slot.getTime() + (i % 2) * HOUR).toISOString(),
          address: `${i + 1} Catnip Lane`,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        orderIds.push(res.body.id as string);
      }

      // From here on the process is SIGKILLed after 0.3–2 s of its life (seeded), whatever it is doing, and started again;
      // at most MAX_KILLS times (each start costs a few seconds of CPU), then the flow goes on undisturbed.
      let chaos = true;
      const monkey = (async () => {
        while (chaos && server.kills.length < MAX_KILLS) {
          // A start the flow's calls began may be killed here before it is ready: then start another.
          if (
            !(await server.up().then(
              () => true,
              () => false,
            ))
          )
            continue;
          const lived = 300 + Math.floor(rand() * 1700);
          await sleep(lived);
          if (chaos) await server.kill(`random after ${lived} ms`);
        }
      })();
      const nudge = async () => advanceTo(manager.token, new Date((await platformNow(manager.token)).getTime() + 5 * 60_000));
      try {
        // The kits open and the cookies are ordered in the background; supplies packs each kit once its cookie is in.
        const ready = new Set<string>();
        await until(
          'every kit packed and ready',
          async () => {
            const kits = await call('GET', '/v1/kits?status=open&limit=100', supplies.token);
            for (const kit of kits.body.data ?? []) {
              const cookie = kit.cookie as { status: string };
              if (!orderIds.includes(kit.orderId as string) || cookie.status !== 'delivered') continue;
              await transition(`/v1/kits/${kit.id as string}/pack`, supplies.token);
              await transition(`/v1/kits/${kit.id as string}/ready`, supplies.token);
              ready.add(kit.orderId as string);
            }
            return ready.size === ORDERS;
          },
          120_000,
          nudge,
        );
        // Matching assigns a worker to each (at the kit's event, or the retry job at the next advance).
        const scheduled = await until(
          'every order scheduled',
          async () => {
            const orders = await Promise.all(orderIds.map(async (id) => (await call('GET', `/v1/orders/${id}`, client.token)).body));
            return orders.every((o) => o.status === 'scheduled') && orders;
          },
          120_000,
          nudge,
        );
        await advanceTo(manager.token, new Date(slot.getTime() - 30 * 60_000));
        for (const order of scheduled) {
          const token = workers.get(order.workerId as string)!;
          await transition(`/v1/orders/${order.id as string}/check-in`, token, { photoId: await photo(token) });
          const p = await photo(token);
          await transition(`/v1/orders/${order.id as string}/report`, token, {
            beforePhotoIds: [p],
            afterPhotoIds: [p],
            signedReportPhotoId: p,
          });
          await transition(`/v1/orders/${order.id as string}/accept`, client.token, { rating: 4 });
        }
        // The month's end: weekly invoices, the monthly statements, then payouts to Golden Hat, each run by the advance.
        const month = new Date(Date.UTC(slot.getUTCFullYear(), slot.getUTCMonth() + 1, 1, 12));
        await advanceTo(manager.token, month);
      } finally {
        chaos = false;
        await monkey;
      }

      await server.up();

      const settled = await until(
        'every message, delivery and payout done',
        async () => {
          const [row] = await q<{ outbox: number; hooks: number; payouts: number }>(
            `SELECT (SELECT count(*) FROM outbox WHERE status <> 'sent')::int AS outbox,
                  (SELECT count(*) FROM webhook_deliveries WHERE status <> 'succeeded')::int AS hooks,
                  (SELECT count(*) FROM payouts WHERE status <> 'paid')::int AS payouts`,
          );
          return row!.outbox === 0 && row!.hooks === 0 && row!.payouts === 0 && row!;
        },
        120_000,
        nudge,
      );
      expect(settled).toEqual({ outbox: 0, hooks: 0, payouts: 0 });
      console.info(`sigkill.faults: seed ${SEED}, ${server.kills.length} kills: ${server.kills.join('; ')}`);
      // The flow outlasts at least three lives (each start takes seconds); how many more depends on the machine.
      expect(server.kills.length, 'kills').toBeGreaterThanOrEqual(3);

      // The orders: all completed, each with one kit, one cookie at the supplier, one match, one of each step.
      const orders = await q<{ id: string; status: string; kits: number }>(
        'SELECT o.id, o.status, (SELECT count(*) FROM kits k WHERE k.order_id = o.id)::int AS kits FROM orders o ORDER BY o.id',
      );
      expect(orders).toEqual(orderIds.sort().map((id) => ({ id, status: 'completed', kits: 1 })));
      const steps = await q<{ event: string; n: number }>(
        `SELECT event, count(*)::int AS n FROM order_timeline WHERE order_id = ANY($1::uuid[]) GROUP BY event ORDER BY event`,
        [orderIds],
      );
      for (const step of ['kit_ready', 'worker_assigned', 'check_in', 'report', 'accept']) {
        expect(steps.find((s) => s.event === step)?.n, `timeline ${step}`).toBe(ORDERS);
      }
      const kitRefs = await q<{ id: string }>('SELECT id FROM kits WHERE order_id = ANY($1::uuid[])', [orderIds]);
      const cookies = [...supplier.orders.values()].filter((o) => o.status !== 'cancelled');
      expect(cookies.map((c) => c.reference).sort(), 'one live cookie order per kit').toEqual(kitRefs.map((k) => k.id).sort());

      // Emails: every one the outbox holds reached the SMTP server, under one Message-ID per cause (dedupe key).
      const emails = await q<{ id: string; dedupe_key: string }>("SELECT id, dedupe_key FROM outbox WHERE topic = 'email'");
      expect(emails.length).toBeGreaterThan(ORDERS);
      const expectedIds = new Map(emails.map((e) => [messageIdFor(e), e.dedupe_key]));
      const receivedIds = new Set(smtp.received.map((m) => m.messageId));
      expect([...receivedIds].sort(), 'Message-IDs received').toEqual([...expectedIds.keys()].sort());
      // A message sent by a process killed before its batch committed is sent again: the same email under the same
      // Message-ID (a receiver drops it), never another. How many depends on where the kills fell; printed.
      for (const id of receivedIds) {
        const copies = smtp.received.filter((m) => m.messageId === id);
        expect(new Set(copies.map((m) => `${m.to.join(',')} ${m.subject}`)).size, `copies of ${id}`).toBe(1);
      }
      console.info(`sigkill.faults: ${smtp.received.length - receivedIds.size} resent email(s) of ${receivedIds.size}`);

      // Events: every domain event delivered to every subscriber; every public event to the webhook, one delivery each.
      const events = await q<{ id: string; type: string }>('SELECT id::text, type FROM events');
      expect(events.length).toBeGreaterThan(ORDERS);
      expect([...new Set(hooks.received.map((h) => h.eventId))].sort(), 'events received by the webhook').toEqual(
        events.map((e) => e.id).sort(),
      );
      const [deliveries] = await q<{ n: number; dupes: number }>(
        `SELECT count(*)::int AS n, (SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries GROUP BY endpoint_id, event_id HAVING count(*) > 1) d)::int AS dupes
       FROM webhook_deliveries`,
      );
      expect(deliveries).toEqual({ n: events.length, dupes: 0 });

      // Money: one payout per statement owed, each paid once at Golden Hat (its own record), the ledger balanced.
      const payouts = await q<{ id: string; amount_cents: string }>('SELECT id, amount_cents::text FROM payouts');
      const [owed] = await q<{ n: number }>('SELECT count(*)::int AS n FROM statements WHERE net_cents > 0');
      expect(payouts.length, 'one payout per statement owed').toBe(owed!.n);
      expect(payouts.length).toBeGreaterThan(0);
      for (const payout of payouts) {
        const paid = goldenHat.paidFor(payout.id);
        expect(paid.length, `payout ${payout.id} paid at Golden Hat`).toBe(1);
        expect(Math.round(Number(paid[0]!.amount) * 100)).toBe(Number(payout.amount_cents));
      }
      const [ledger] = await q<{ debits: string; credits: string; unbalanced: number }>(
        `SELECT coalesce(sum(amount_cents) FILTER (WHERE amount_cents > 0), 0)::text AS debits,
              coalesce(-sum(amount_cents) FILTER (WHERE amount_cents < 0), 0)::text AS credits,
              (SELECT count(*) FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0) u)::int AS unbalanced
       FROM ledger_entries`,
      );
      expect(ledger!.unbalanced).toBe(0);
      expect(ledger!.debits).toBe(ledger!.credits);
      expect(Number(ledger!.debits)).toBeGreaterThan(0);
    },
  );

  it('lets the restarted process run a job the killed one held within that job’s lock lifetime', { timeout: 240_000 }, async () => {
    await server.up();
    // The outbox poll's run is held in flight (waiting for its advisory lock) while Agenda has it locked for this process.
    await q('SELECT pg_advisory_lock($1)', [hashJobName('outbox.deliver')]);
    try {
      await until('a scheduled outbox run in flight', async () => {
        const [row] = await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM agenda_jobs j, pg_locks l
           WHERE j.name = 'outbox.deliver' AND j.locked_at IS NOT NULL AND l.locktype = 'advisory' AND NOT l.granted`,
        );
        return row!.n === 1;
      });
      const [held] = await q<{ locked_at: Date }>("SELECT locked_at FROM agenda_jobs WHERE name = 'outbox.deliver'");
      // A live run renews its lock (every quarter of the 30 s lifetime): never taken from a process that is still at it.
      await until(
        'the lock renewed',
        async () => {
          const [row] = await q<{ locked_at: Date }>("SELECT locked_at FROM agenda_jobs WHERE name = 'outbox.deliver'");
          return row!.locked_at.getTime() > held!.locked_at.getTime();
        },
        30_000,
      );
      await server.kill('holding outbox.deliver');
    } finally {
      await q('SELECT pg_advisory_unlock($1)', [hashJobName('outbox.deliver')]);
    }
    const killedAt = Date.now();
    const [left] = await q<{ locked_at: Date | null; by: string }>(
      "SELECT locked_at, last_modified_by AS by FROM agenda_jobs WHERE name = 'outbox.deliver'",
    );
    expect(left!.locked_at, 'the dead process left the job locked').not.toBeNull();
    await server.up();
    await until(
      'the outbox poll run by the restarted process',
      async () => {
        const [row] = await q<{ by: string; finished: Date | null }>(
          "SELECT last_modified_by AS by, last_finished_at AS finished FROM agenda_jobs WHERE name = 'outbox.deliver'",
        );
        return row!.by !== left!.by && row!.finished !== null && row!.finished.getTime() > killedAt && row;
      },
      // Its lifetime (30 s) after the kill, plus a scan (2 s) and a busy machine's slack: far below Agenda's 10 minutes.
      60_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(60_000);
  });
});

/** A webhook receiver: records each delivery's event id (Chorecat's body carries it) and answers 200. */
async function startHookReceiver() {
  const received: { eventId: string; type: string }[] = [];
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // A sender killed mid-request resets the connection.
    req.on('error', () => undefined);
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; type: string };
        received.push({ eventId: String(body.id), type: body.type });
      } catch {
        // Not a delivery: answered all the same.
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => srv.close(() => resolve())) };
}
