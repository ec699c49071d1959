import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import type { DomainEvent } from '../../../platform/events.ts';
import type { BillingService } from '../../billing/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitReady, settle } from '../../../../test/helpers/orders.ts';
import { PNG_1x1 } from '../../../../test/helpers/images.ts';
import { settleOrder } from '../application/settle-order.ts';
import type { Bids } from '../application/context.ts';

const HOUR = 60 * 60_000;
type User = { id: string; token: string; email?: string };

/** Bids on real orders (SPEC §9): stakes until the start, the settlement once per ended order, shares marked paid. */
describe('bids: stakes, settlement, paid shares', () => {
  let t: TestPlatform;
  let m1: User, m2: User, admin: User, client: User, worker: User, supplies: User;
  let serviceTypeId: string;
  let bids: Bids;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestPlatform();
    m1 = await t.userWithRoles(['manager']);
    m2 = await t.userWithRoles(['manager']);
    admin = await t.userWithRoles(['admin']);
    client = await t.userWithRoles(['client']);
    supplies = await t.userWithRoles(['supplies']);
    // One worker, so every scheduled order is theirs.
    worker = await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', as(m1))
        .send({ name: 'Curtain climbing cleanup', description: '', durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const billing = t.platform.modules.find((m) => m.name === 'billing')!.provides as BillingService;
    bids = { kernel: t.platform.kernel, ledger: billing.bidLedger };
    // A subscriber of bids' events, as the webhooks will be.
    for (const name of ['bid.placed', 'settlement.computed', 'settlement.share_paid'] as const) {
      t.platform.kernel.events.subscribe(name, 'test.bids-events', async (event) => {
        events.push(event);
      });
    }
  });
  afterAll(() => t.close());

  const as = (user: { token: string }) => `Bearer ${user.token}`;
  const post = (user: User | undefined, path: string, body?: unknown) => {
    const req = t.api.post(path);
    if (user) req.set('authorization', as(user));
    return body === undefined ? req : req.send(body as object);
  };
  const get = (user: User | undefined, path: string) => {
    const req = t.api.get(path);
    if (user) req.set('authorization', as(user));
    return req;
  };
  const bid = (user: User | undefined, orderId: string, amount: unknown, condition: unknown = 'completed') =>
    post(user, `/v1/orders/${orderId}/bids`, { amount, condition });

  let day = 0;
  /** An order starting `hours` from now, a day away from the others (the one worker's orders may not overlap). */
  async function newOrder(hours = 3) {
    t.clock.moveTo(new Date(t.clock.now().getTime() + ++day * 24 * HOUR));
    const startsAt = new Date(t.clock.now().getTime() + hours * HOUR);
    const res = await post(client, '/v1/orders', { serviceTypeId, startsAt: startsAt.toISOString(), address: '9 Bid Street' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as string, startsAt };
  }
  async function scheduledOrder() {
    const order = await newOrder();
    expect(await bringKitReady(t, order.id)).toBe('scheduled');
    return order;
  }
  const upload = async () =>
    (await t.api.post('/v1/files').set('authorization', as(worker)).attach('file', PNG_1x1, 'p.png')).body.id as string;
  async function checkIn(order: { id: string; startsAt: Date }) {
    const photoId = await upload();
    t.clock.moveTo(new Date(order.startsAt.getTime() - HOUR));
    return post(worker, `/v1/orders/${order.id}/check-in`, { photoId });
  }
  async function complete(order: { id: string; startsAt: Date }) {
    expect((await checkIn(order)).status).toBe(200);
    const photo = await upload();
    await post(worker, `/v1/orders/${order.id}/report`, {
      beforePhotoIds: [photo],
      afterPhotoIds: [photo],
      signedReportPhotoId: photo,
    }).expect(200);
    await post(client, `/v1/orders/${order.id}/accept`, { rating: 5 }).expect(200);
  }

  const balance = async (kind: string, ownerId: string | null) =>
    BigInt(
      (
        await sql<{ total: string | null }>(
          t.db,
          `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
           WHERE a.kind = $1 AND a.owner_id IS NOT DISTINCT FROM $2`,
          [kind, ownerId],
        )
      )[0]!.total ?? 0,
    );
  /** Until `n` sessions of this database wait for a lock (a request blocked on a row another transaction holds). */
  const waitForLockWaiters = async (n: number) => {
    for (let i = 0; i < 500; i++) {
      const waiting = await count(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (waiting >= n) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('nobody waits for the lock');
  };
  const emailsAbout = async (orderId: string) =>
    (
      await sql<{ to: string; template: string }>(
        t.db,
        // The emails name the order by its service and start, not its id: find them by their share's dedupe key.
        `SELECT e."to", e.template FROM emails e JOIN outbox o ON o.id = e.id
           JOIN settlement_shares s ON o.dedupe_key LIKE 'email:settlement-share:' || s.id || ':%'
          WHERE e.template LIKE 'bids-%' AND s.order_id = $1 ORDER BY e.template, e."to"`,
        [orderId],
      )
    ).map((e) => [e.template, e.to]);
  const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: string }>(t.db, query, params))[0]!.n);
  /** What a refused request must leave untouched. */
  const footprint = async () => ({
    bids: await count('SELECT count(*) AS n FROM bids'),
    entries: await count('SELECT count(*) AS n FROM ledger_entries'),
    audit: await count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'bid%' OR action LIKE 'settlement%'"),
    outbox: await count('SELECT count(*) AS n FROM outbox'),
  });
  const reconciles = async () => {
    const run = await t.platform.kernel.scheduler.runJob('billing.reconcile', t.clock.now(), 'test');
    expect(run.outcome, JSON.stringify(run)).toBe('succeeded');
    // Every bid posting balances on its own, too.
    expect(
      await sql(
        t.db,
        `SELECT t.kind, t.reference FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
         WHERE t.kind LIKE 'bid%' GROUP BY t.id HAVING sum(e.amount_cents) <> 0`,
      ),
    ).toEqual([]);
  };

  it('takes bids from managers and admins (several per manager), lists them, puts each in the ledger and the audit log', async () => {
    const order = await newOrder();
    const first = await bid(m1, order.id, '25.00', 'completed');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      orderId: order.id,
      managerId: m1.id,
      amount: '25.00',
      condition: 'completed',
      status: 'open',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    await bid(m1, order.id, '0.01', 'failed').expect(201);
    await bid(admin, order.id, '1000000.00', 'failed').expect(201);
    const list = await get(m2, `/v1/orders/${order.id}/bids`).expect(200);
    expect(list.body.nextCursor).toBeNull();
    expect(
      list.body.data.map((b: { managerId: string; amount: string; condition: string }) => [b.managerId, b.amount, b.condition]),
    ).toEqual([
      [m1.id, '25.00', 'completed'],
      [m1.id, '0.01', 'failed'],
      [admin.id, '1000000.00', 'failed'],
    ]);
    const paged = await get(m2, `/v1/orders/${order.id}/bids?limit=2`).expect(200);
    expect(paged.body.data).toHaveLength(2);
    const rest = await get(m2, `/v1/orders/${order.id}/bids?limit=2&cursor=${paged.body.nextCursor}`).expect(200);
    expect(rest.body.data.map((b: { id: string }) => b.id)).toEqual([list.body.data[2].id]);
    // The ledger: each stake from its manager's bids account into the order's pot.
    expect(await balance('bid_pot', order.id)).toBe(100_002_501n);
    expect(await balance('bids', m1.id)).toBe(-2501n);
    expect(await balance('bids', admin.id)).toBe(-100_000_000n);
    const audit = await sql<{ actor_id: string; after: { bidId: string; amount: string } }>(
      t.db,
      "SELECT actor_id, after FROM audit_log WHERE action = 'bid.placed' AND target_id = $1 ORDER BY at, id",
      [order.id],
    );
    expect(audit.map((a) => [a.actor_id, a.after.amount])).toEqual([
      [m1.id, '25.00'],
      [m1.id, '0.01'],
      [admin.id, '1000000.00'],
    ]);
    // Another order's bids are its own.
    const other = await newOrder();
    expect((await get(m1, `/v1/orders/${other.id}/bids`).expect(200)).body.data).toEqual([]);
    await settle(t);
    expect(events.filter((e) => e.name === 'bid.placed' && (e.payload as { orderId: string }).orderId === order.id)).toHaveLength(3);
    await reconciles();
  });

  it('refuses callers who are not managers or admins (403, 401) and orders or shares that do not exist (404), changing nothing', async () => {
    const order = await newOrder();
    const before = await footprint();
    for (const user of [client, worker, supplies]) {
      expect((await bid(user, order.id, '5.00')).status).toBe(403);
      expect((await get(user, `/v1/orders/${order.id}/bids`)).status).toBe(403);
      expect((await get(user, `/v1/orders/${order.id}/settlement`)).status).toBe(403);
      expect((await post(user, `/v1/settlement-shares/${randomUUID()}/paid`)).status).toBe(403);
    }
    expect((await bid(undefined, order.id, '5.00')).status).toBe(401);
    expect((await get(undefined, `/v1/orders/${order.id}/bids`)).status).toBe(401);
    const nowhere = randomUUID();
    for (const res of [
      await bid(m1, nowhere, '5.00'),
      await get(m1, `/v1/orders/${nowhere}/bids`),
      await get(m1, `/v1/orders/${nowhere}/settlement`),
      await post(m1, `/v1/settlement-shares/${nowhere}/paid`),
      // A share id that is another thing's id (the order's).
      await post(m1, `/v1/settlement-shares/${order.id}/paid`),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    // An order that has not ended has no settlement yet: its own code.
    const pending = await get(m1, `/v1/orders/${order.id}/settlement`);
    expect(pending.status).toBe(404);
    expect(pending.body.code).toBe('BIDS.NOT_SETTLED');
    expect(await footprint()).toEqual(before);
  });

  it('refuses an amount that is zero, negative, badly written, above 1,000,000.00 or a number (400), changing nothing', async () => {
    const order = await newOrder();
    const before = await footprint();
    for (const amount of ['0.00', '-1.00', '1.5', '1.234', '1000000.01', '99999999.00', 12, 12.5, '', null]) {
      const res = await bid(m1, order.id, amount);
      expect(res.status, `${JSON.stringify(amount)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
    }
    for (const condition of ['cancelled', 'COMPLETED', null]) {
      expect((await bid(m1, order.id, '1.00', condition)).status, String(condition)).toBe(400);
    }
    expect((await post(m1, `/v1/orders/${order.id}/bids`, { amount: '1.00' })).status).toBe(400);
    expect((await post(m1, `/v1/orders/${order.id}/bids`, { amount: '1.00', condition: 'completed', extra: 1 })).status).toBe(400);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a bid once the worker has checked in (409), changing nothing', async () => {
    const order = await scheduledOrder();
    await bid(m1, order.id, '7.00', 'failed').expect(201);
    expect((await checkIn(order)).status).toBe(200);
    const before = await footprint();
    const late = await bid(m2, order.id, '7.00', 'completed');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('BIDS.ORDER_STARTED');
    expect(await footprint()).toEqual(before);
    expect((await get(m1, `/v1/orders/${order.id}/bids`)).body.data).toHaveLength(1);
  });

  it('lets each of twenty bids racing the check-in land before it, in the pot, or be refused: never in between', async () => {
    const order = await scheduledOrder();
    const photoId = await upload();
    t.clock.moveTo(new Date(order.startsAt.getTime() - HOUR));
    // A stake still in flight holds the order (FOR SHARE) while the check-in arrives and waits for it.
    const inFlight = await t.db.sequelize.transaction();
    await sql(t.db, 'SELECT id FROM orders WHERE id = $1 FOR SHARE', [order.id], inFlight);
    const checkingIn = post(worker, `/v1/orders/${order.id}/check-in`, { photoId }).then((res) => res);
    await waitForLockWaiters(1);
    // Ten bids meanwhile, then ten more racing the check-in as the stake in flight commits.
    const early = await Promise.all(Array.from({ length: 10 }, (_, i) => bid(i % 2 ? m1 : m2, order.id, `${i + 1}.00`).then((r) => r)));
    const racing = Array.from({ length: 10 }, (_, i) => bid(i % 2 ? m1 : m2, order.id, `${i + 11}.00`).then((r) => r));
    await inFlight.commit();
    const results = [...early, ...(await Promise.all(racing))];
    const checkIn = await checkingIn;
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200);
    for (const res of results) {
      expect([201, 409], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 409) expect(res.body.code).toBe('BIDS.ORDER_STARTED');
    }
    // Bids placed while the order had not started landed, though a check-in was waiting.
    expect(early.map((r) => r.status)).toEqual(Array(10).fill(201));
    const landed = results.filter((r) => r.status === 201).map((r) => r.body as { id: string; amount: string });
    const rows = await sql<{ id: string; created_at: Date }>(t.db, 'SELECT id, created_at FROM bids WHERE order_id = $1', [order.id]);
    expect(rows.map((r) => r.id).sort()).toEqual(landed.map((b) => b.id).sort());
    // In the pot: exactly the bids that landed, each one stake; each audited once.
    const pot = landed.reduce((sum, b) => sum + BigInt(b.amount.replace('.', '')), 0n);
    expect(await balance('bid_pot', order.id)).toBe(pot);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'bid.placed' AND target_id = $1", [order.id])).toBe(
      landed.length,
    );
    // Before the check-in: no landed bid is later than the step that started the order.
    const [started] = await sql<{ at: Date }>(t.db, "SELECT at FROM order_timeline WHERE order_id = $1 AND event = 'check_in'", [order.id]);
    for (const row of rows) expect(new Date(row.created_at).getTime()).toBeLessThanOrEqual(new Date(started!.at).getTime());
    // And once it has started, every bid is refused.
    expect((await bid(m1, order.id, '1.00')).status).toBe(409);
    await reconciles();
  });

  it('settles a completed order once: the pot split by stake with the remainder by largest fraction; bids won or lost', async () => {
    const order = await scheduledOrder();
    const a = (await bid(m1, order.id, '3.00', 'completed').expect(201)).body;
    const b = (await bid(m2, order.id, '6.00', 'completed').expect(201)).body;
    const c = (await bid(admin, order.id, '1.00', 'failed').expect(201)).body;
    await complete(order);
    expect((await get(m1, `/v1/orders/${order.id}/settlement`)).body.code).toBe('BIDS.NOT_SETTLED');
    const developersBefore = await balance('developers', null);
    await settle(t);
    const res = await get(m1, `/v1/orders/${order.id}/settlement`).expect(200);
    expect(res.body).toMatchObject({
      orderId: order.id,
      outcome: 'completed',
      pot: '10.00',
      winnersPot: '10.00',
      developersShare: '0.00',
      remainder: '0.01',
    });
    expect(
      res.body.shares.map((s: { bidId: string; managerId: string; stake: string; amount: string; status: string; paidAt: null }) => [
        s.bidId,
        s.managerId,
        s.stake,
        s.amount,
        s.status,
        s.paidAt,
      ]),
    ).toEqual([
      [a.id, m1.id, '3.00', '3.33', 'due', null],
      [b.id, m2.id, '6.00', '6.67', 'due', null],
    ]);
    const statuses = (await get(m1, `/v1/orders/${order.id}/bids`)).body.data.map((x: { id: string; status: string }) => [x.id, x.status]);
    expect(statuses).toEqual([
      [a.id, 'won'],
      [b.id, 'won'],
      [c.id, 'lost'],
    ]);
    // The pot is empty, the winners' due winnings hold their shares, the developers got nothing.
    expect(await balance('bid_pot', order.id)).toBe(0n);
    expect(await balance('bid_shares', m1.id)).toBe(333n);
    expect(await balance('bid_shares', m2.id)).toBe(667n);
    expect(await balance('developers', null)).toBe(developersBefore);
    // Each winner is told what it is owed; the loser hears nothing.
    expect(await emailsAbout(order.id)).toEqual(
      [
        ['bids-share-won', m1.email],
        ['bids-share-won', m2.email],
      ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    );
    expect(events.filter((e) => e.name === 'settlement.computed' && (e.payload as { orderId: string }).orderId === order.id)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ pot: '10.00', remainder: '0.01', outcome: 'completed' }) }),
    ]);
    await reconciles();
  });

  it('gives the pot to the failed-bidders when the order fails by itself, and to the developers on a cancel or when nobody wins', async () => {
    // No worker by the start (the kit never got ready): failed by the timer, through the sandbox clock.
    const failed = await newOrder();
    await bid(m1, failed.id, '10.00', 'failed').expect(201);
    await bid(m2, failed.id, '5.00', 'completed').expect(201);
    await post(m1, '/v1/sandbox/clock', { advanceTo: new Date(failed.startsAt.getTime() + 60_000).toISOString() }).expect(200);
    await settle(t);
    const s1 = (await get(m2, `/v1/orders/${failed.id}/settlement`).expect(200)).body;
    expect(s1).toMatchObject({ outcome: 'failed', pot: '15.00', winnersPot: '15.00', developersShare: '0.00', remainder: '0.00' });
    expect(s1.shares.map((s: { managerId: string; amount: string }) => [s.managerId, s.amount])).toEqual([[m1.id, '15.00']]);

    const developersBefore = await balance('developers', null);
    const cancelled = await newOrder();
    await bid(m1, cancelled.id, '2.50', 'completed').expect(201);
    await bid(m2, cancelled.id, '4.00', 'failed').expect(201);
    await post(client, `/v1/orders/${cancelled.id}/cancel`, {}).expect(200);
    await settle(t);
    const s2 = (await get(m1, `/v1/orders/${cancelled.id}/settlement`).expect(200)).body;
    expect(s2).toMatchObject({
      outcome: 'cancelled',
      pot: '6.50',
      winnersPot: '0.00',
      developersShare: '6.50',
      remainder: '0.00',
      shares: [],
    });
    expect((await get(m1, `/v1/orders/${cancelled.id}/bids`)).body.data.map((x: { status: string }) => x.status)).toEqual(['lost', 'lost']);
    expect(await balance('developers', null)).toBe(developersBefore + 650n);

    // Nobody bid: settled all the same, with nothing in it.
    const quiet = await newOrder();
    await post(m1, `/v1/orders/${quiet.id}/cancel`, {}).expect(200);
    await settle(t);
    expect((await get(m1, `/v1/orders/${quiet.id}/settlement`).expect(200)).body).toMatchObject({
      pot: '0.00',
      winnersPot: '0.00',
      developersShare: '0.00',
      shares: [],
    });
    await reconciles();
  });

  it('settles exactly once when the event comes twice, the use case runs concurrently, or a run crashes half-way', async () => {
    const order = await newOrder();
    await bid(m1, order.id, '1.00', 'failed').expect(201);
    await bid(m2, order.id, '2.00', 'failed').expect(201);
    await post(m1, `/v1/orders/${order.id}/cancel`, {}).expect(200);
    // Not delivered yet: a run that throws inside its transaction, after the ledger posting, leaves nothing behind.
    const crashing: Bids = {
      ...bids,
      ledger: {
        ...bids.ledger,
        async settlePot(tx, settlement) {
          await bids.ledger.settlePot(tx, settlement);
          throw new Error('crash half-way (test)');
        },
      },
    };
    await expect(settleOrder(crashing, { orderId: order.id, outcome: 'cancelled' })).rejects.toThrow('crash half-way');
    expect(await count('SELECT count(*) AS n FROM settlements WHERE order_id = $1', [order.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM settlement_shares WHERE order_id = $1', [order.id])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM bids WHERE order_id = $1 AND status <> 'open'", [order.id])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'bid_settlement' AND reference = $1", [order.id])).toBe(
      0,
    );
    expect(await balance('bid_pot', order.id)).toBe(300n);
    expect(
      await count("SELECT count(*) AS n FROM outbox WHERE payload::text LIKE '%' || $1 || '%' AND payload::text LIKE '%settlement%'", [
        order.id,
      ]),
    ).toBe(0);

    // The real delivery, the same event delivered again, and five concurrent runs: one settlement.
    await settle(t);
    const [payload] = await sql<{ payload: unknown }>(
      t.db,
      "SELECT payload->'event'->'payload' AS payload FROM outbox WHERE payload->>'subscriber' = 'bids.settle' AND payload->'event'->'payload'->>'orderId' = $1",
      [order.id],
    );
    await t.platform.kernel.events.publish(undefined, 'order.cancel', payload!.payload as never);
    await settle(t);
    const runs = await Promise.all(Array.from({ length: 5 }, () => settleOrder(bids, { orderId: order.id, outcome: 'cancelled' })));
    expect(runs.filter((r) => r.settled)).toHaveLength(0);
    expect(await count('SELECT count(*) AS n FROM settlements WHERE order_id = $1', [order.id])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'bid_settlement' AND reference = $1", [order.id])).toBe(
      1,
    );
    expect(await balance('bid_pot', order.id)).toBe(0n);
    expect(events.filter((e) => e.name === 'settlement.computed' && (e.payload as { orderId: string }).orderId === order.id)).toHaveLength(
      1,
    );
    expect(runs.every((r) => r.settlement.developersShare === '3.00')).toBe(true);

    // Concurrent first runs, before any delivery: still one.
    const other = await newOrder();
    await bid(m1, other.id, '4.00', 'completed').expect(201);
    const first = await Promise.all(Array.from({ length: 5 }, () => settleOrder(bids, { orderId: other.id, outcome: 'completed' })));
    expect(first.filter((r) => r.settled)).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM settlement_shares WHERE order_id = $1', [other.id])).toBe(1);
    await reconciles();
  });

  it('marks a share paid once: audited, out of the winner’s due winnings; a repeat with its key replays, without it is refused', async () => {
    const order = await newOrder();
    await bid(m1, order.id, '40.00', 'failed').expect(201);
    await bid(m2, order.id, '60.00', 'failed').expect(201);
    await bid(admin, order.id, '100.00', 'completed').expect(201);
    await post(m1, '/v1/sandbox/clock', { advanceTo: new Date(order.startsAt.getTime() + 60_000).toISOString() }).expect(200);
    await settle(t);
    const settlement = (await get(m1, `/v1/orders/${order.id}/settlement`).expect(200)).body;
    const [share1, share2] = settlement.shares as { id: string; managerId: string; amount: string }[];
    expect([share1!.managerId, share1!.amount, share2!.managerId, share2!.amount]).toEqual([m1.id, '80.00', m2.id, '120.00']);
    const dueBefore = await balance('bid_shares', m1.id);
    const outBefore = await balance('external_out', null);

    const key = randomUUID();
    await sql(t.db, "UPDATE users SET name = 'Paying Manager' WHERE id = $1", [m2.id]);
    const paid = await post(m2, `/v1/settlement-shares/${share1!.id}/paid`).set('idempotency-key', key);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ id: share1!.id, managerId: m1.id, amount: '80.00', status: 'paid', paidBy: m2.id });
    expect(typeof paid.body.paidAt).toBe('string');
    const replay = await post(m2, `/v1/settlement-shares/${share1!.id}/paid`).set('idempotency-key', key);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(paid.body);
    const before = await footprint();
    const again = await post(m1, `/v1/settlement-shares/${share1!.id}/paid`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BIDS.SHARE_ALREADY_PAID');
    expect(await footprint()).toEqual(before);
    expect(await balance('bid_shares', m1.id)).toBe(dueBefore - 8000n);
    expect(await balance('external_out', null)).toBe(outBefore + 8000n);
    const audit = await sql<{ actor_id: string; before: unknown; after: { status: string; amount: string } }>(
      t.db,
      "SELECT actor_id, before, after FROM audit_log WHERE action = 'settlement_share.paid' AND target_id = $1",
      [share1!.id],
    );
    expect(audit).toEqual([
      { actor_id: m2.id, before: { status: 'due' }, after: expect.objectContaining({ status: 'paid', amount: '80.00' }) },
    ]);

    // Twenty racing marks of the other share: one succeeds.
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 ? m1 : admin, `/v1/settlement-shares/${share2!.id}/paid`)),
    );
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racing.filter((r) => r.status === 409 && r.body.code === 'BIDS.SHARE_ALREADY_PAID')).toHaveLength(19);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'settlement_share.paid' AND target_id = $1", [share2!.id])).toBe(
      1,
    );
    expect(
      await count("SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'bid_share_paid' AND reference = $1", [share2!.id]),
    ).toBe(1);
    // Each winner was told of its win and, once, of the payment.
    expect(await emailsAbout(order.id)).toEqual(
      [
        ['bids-share-paid', m1.email],
        ['bids-share-paid', m2.email],
        ['bids-share-won', m1.email],
        ['bids-share-won', m2.email],
      ].sort((x, y) => (x[0] === y[0] ? String(x[1]).localeCompare(String(y[1])) : x[0]! < y[0]! ? -1 : 1)),
    );
    // The winner is told who marked it paid: the one to ask if the money has not arrived.
    const [paidMail] = await sql<{ text: string }>(
      t.db,
      `SELECT e.text FROM emails e JOIN outbox o ON o.id = e.id JOIN settlement_shares s ON o.dedupe_key LIKE 'email:settlement-share:' || s.id || ':%'
        WHERE e.template = 'bids-share-paid' AND e."to" = $1 AND s.order_id = $2`,
      [m1.email, order.id],
    );
    expect(paidMail!.text).toContain('was marked paid by Paying Manager.');
    expect(paidMail!.text).toContain('If it has not reached you, tell Paying Manager.');
    const shown = (await get(m1, `/v1/orders/${order.id}/settlement`)).body.shares.map((s: { status: string }) => s.status);
    expect(shown).toEqual(['paid', 'paid']);
    await settle(t);
    expect(
      events
        .filter((e) => e.name === 'settlement.share_paid')
        .map((e) => (e.payload as { shareId: string }).shareId)
        .sort(),
    ).toEqual([share1!.id, share2!.id].sort());
    await reconciles();
  });
});
