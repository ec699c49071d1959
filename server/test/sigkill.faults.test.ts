import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { PNG_1x1 } from './helpers/images.ts';
import { random, startWorld, until, type World } from './helpers/killed-server.ts';
import { messageIdFor } from '../src/platform/mail.ts';

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
const ORDERS = 4;
const MAX_KILLS = 7;
const DEMO_PASSWORD = 'chorecat-demo';
const HOUR = 60 * 60_000;
describe('a process SIGKILLed at random points, then restarted', () => {
  let world: World;
  const q: World['q'] = (text, params) => world.q(text, params);
  let server: World['server'];
  let base: string;

  beforeAll(async () => {
    world = await startWorld(3610);
    ({ server, base } = world);
  });
  afterAll(async () => {
    await world?.close();
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
      // What a stalled flow is waiting for: the kits' cookies, the undelivered messages, the jobs' locks.
      onTestFailed(async () => {
        const state = await Promise.all([
          q('SELECT order_id, status, cookie_status, cookie_next_attempt_at, cookie_next_poll_at, cookie_last_error FROM kits'),
          q("SELECT topic, status, attempts, available_at, last_error FROM outbox WHERE status <> 'sent'"),
          q('SELECT name, locked_at, last_finished_at, next_run_at FROM agenda_jobs ORDER BY name'),
          q('SELECT offset_ms FROM sandbox_clock'),
        ]).catch((error: unknown) => [String(error)]);
        console.error(`sigkill.faults: state at the failure: ${JSON.stringify(state)}`);
      });
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
      const hook = await call('POST', '/v1/webhook-endpoints', manager.token, { url: `${world.hooks.url}/hook`, eventTypes: ['*'] });
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
      const cookies = [...world.supplier.orders.values()].filter((o) => o.status !== 'cancelled');
      expect(cookies.map((c) => c.reference).sort(), 'one live cookie order per kit').toEqual(kitRefs.map((k) => k.id).sort());

      // Emails: every one the outbox holds reached the SMTP server, under one Message-ID per cause (dedupe key).
      const emails = await q<{ id: string; dedupe_key: string }>("SELECT id, dedupe_key FROM outbox WHERE topic = 'email'");
      expect(emails.length).toBeGreaterThan(ORDERS);
      const expectedIds = new Map(emails.map((e) => [messageIdFor(e), e.dedupe_key]));
      const receivedIds = new Set(world.smtp.received.map((m) => m.messageId));
      expect([...receivedIds].sort(), 'Message-IDs received').toEqual([...expectedIds.keys()].sort());
      // A message sent by a process killed before its batch committed is sent again: the same email under the same
      // Message-ID (a receiver drops it), never another. How many depends on where the kills fell; printed.
      for (const id of receivedIds) {
        const copies = world.smtp.received.filter((m) => m.messageId === id);
        expect(new Set(copies.map((m) => `${m.to.join(',')} ${m.subject}`)).size, `copies of ${id}`).toBe(1);
      }
      console.info(`sigkill.faults: ${world.smtp.received.length - receivedIds.size} resent email(s) of ${receivedIds.size}`);

      // Events: every domain event delivered to every subscriber; every public event to the webhook, one delivery each.
      const events = await q<{ id: string; type: string }>('SELECT id::text, type FROM events');
      expect(events.length).toBeGreaterThan(ORDERS);
      expect([...new Set(world.hooks.received.map((h) => h.eventId))].sort(), 'events received by the webhook').toEqual(
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
        const paid = world.goldenHat.paidFor(payout.id);
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
});
