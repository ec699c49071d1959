import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { signSupplierPayload } from '../../../stand-ins/supplier-stand-in.ts';
import { createTestPlatform, TEST_SUPPLIER_SECRET, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitReady, kitOfOrder, settle } from '../../../../test/helpers/orders.ts';
import { deliveryTrouble } from '../../../../test/helpers/deliveries.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('supplies: kits, the supplier cookie, and the path to scheduled', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let staff: { id: string; token: string; email: string };
  let client: { id: string; token: string; email: string };
  let worker: { id: string; token: string; email: string };
  let serviceTypeId: string;
  let slot = 0;
  const nextSlot = () => new Date(t.clock.now().getTime() + 2 * DAY + ++slot * 3 * HOUR);
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    t = await createTestPlatform();
    manager = await t.userWithRoles(['manager']);
    staff = await t.userWithRoles(['supplies']);
    client = await t.userWithRoles(['client']);
    worker = await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', as(manager))
        .send({
          name: 'Litter box',
          description: '',
          durationMinutes: 60,
          kitItems: [
            { name: 'Litter', quantity: 2 },
            { name: 'Scoop', quantity: 1 },
          ],
        })
    ).body.id;
    await t.listen();
  });
  afterAll(() => t.close());

  const createOrder = async (startsAt = nextSlot()) => {
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', as(client))
      .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '1 Catnip Lane' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('created');
    return res.body as { id: string; startsAt: string };
  };
  const kitView = async (kitId: string) => (await t.api.get(`/v1/kits/${kitId}`).set('authorization', as(staff))).body;

  it('goes from creation to scheduled: kit opened, cookie ordered and delivered by signed callback, packed, ready, matched', async () => {
    const order = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    expect(kit).toMatchObject({ status: 'open', cookie_status: 'ordered' });
    // The supplier got the client's name and the delivery address, with the kit as reference.
    const cookie = t.supplier.orders.get(kit.cookie_supplier_order_id!)!;
    expect(cookie).toMatchObject({ reference: kit.id, recipient: { name: 'Test client', address: '1 Catnip Lane' }, status: 'accepted' });
    const opened = await sql<{ template: string; to_address: string }>(
      t.db,
      "SELECT template, \"to\" AS to_address FROM emails WHERE template = 'kit-opened' AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%')",
      [kit.id],
    );
    expect(opened.map((e) => e.to_address)).toContain(staff.email);

    const view = await kitView(kit.id);
    expect(view).toMatchObject({
      orderId: order.id,
      status: 'open',
      orderStartsAt: order.startsAt,
      items: [
        { name: 'Litter', quantity: 2, packed: false },
        { name: 'Scoop', quantity: 1, packed: false },
      ],
      cookie: { status: 'ordered', attempts: 0, lastError: null, nextAttemptAt: null, deliveredAt: null },
      allowedActions: ['pack'],
    });
    // Ready is refused while the cookie has not arrived, and then while an item is unpacked; nothing changes.
    const early = await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('SUPPLIES.COOKIE_NOT_ARRIVED');
    expect(await t.supplier.deliver(kit.cookie_supplier_order_id!)).toBe(200);
    expect((await kitView(kit.id)).cookie).toMatchObject({ status: 'delivered' });
    const packed = await t.api
      .post(`/v1/kits/${kit.id}/pack`)
      .set('authorization', as(staff))
      .send({ items: ['litter'] });
    expect(packed.body).toMatchObject({ status: 'assembling', items: [{ packed: true }, { packed: false }], allowedActions: ['pack'] });
    const incomplete = await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff));
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.code).toBe('SUPPLIES.KIT_INCOMPLETE');
    expect(incomplete.body.detail).toContain('Scoop');
    const unknown = await t.api
      .post(`/v1/kits/${kit.id}/pack`)
      .set('authorization', as(staff))
      .send({ items: ['Feather'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('SUPPLIES.UNKNOWN_ITEM');
    const all = await t.api
      .post(`/v1/kits/${kit.id}/pack`)
      .set('authorization', as(staff))
      .send({ items: ['Scoop'] });
    expect(all.body.allowedActions).toEqual(['ready']);
    expect((await t.api.get(`/v1/orders/${order.id}`).set('authorization', as(client))).body.status).toBe('created');

    const ready = await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff));
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', readyBy: staff.id, allowedActions: [] });
    // The order entered matching in the same transaction; matching runs from the event.
    expect((await t.api.get(`/v1/orders/${order.id}`).set('authorization', as(client))).body.status).toBe('matching');
    await settle(t);
    const scheduled = (await t.api.get(`/v1/orders/${order.id}`).set('authorization', as(client))).body;
    expect(scheduled).toMatchObject({ status: 'scheduled', workerId: worker.id, price: '100.00' });
    const timeline = (await t.api.get(`/v1/orders/${order.id}/timeline`).set('authorization', as(client))).body.data;
    expect(timeline.map((e: { event: string; actorRole: string }) => [e.event, e.actorRole])).toEqual([
      ['created', 'client'],
      ['kit_ready', 'supplies'],
      ['worker_assigned', 'system'],
    ]);
    const [attempt] = await sql<{ strategy: string; candidates: string[]; chosen: string; outcome: string; price_cents: string }>(
      t.db,
      'SELECT strategy, candidates, chosen, outcome, price_cents FROM matching_attempts WHERE order_id = $1',
      [order.id],
    );
    expect(attempt).toEqual({ strategy: 'random', candidates: [worker.id], chosen: worker.id, outcome: 'assigned', price_cents: '10000' });
    const emails = await sql<{ template: string; to_address: string; text: string }>(
      t.db,
      "SELECT template, \"to\" AS to_address, text FROM emails WHERE id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%') OR id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $2 || ':%')",
      [order.id, kit.id],
    );
    const sentTo = (template: string) => emails.filter((e) => e.template === template).map((e) => e.to_address);
    expect(sentTo('kit-cookie-arrived')).toContain(staff.email);
    expect(sentTo('order-scheduled-client')).toEqual([client.email]);
    expect(sentTo('order-scheduled-worker')).toEqual([worker.email]);
    expect(emails.find((e) => e.template === 'order-scheduled-worker')!.text).toContain('kit is ready for pick-up');
  });

  it('lists the queue by order start, filters by status, and keeps it to staff', async () => {
    const later = await createOrder(new Date(t.clock.now().getTime() + 80 * DAY));
    const sooner = await createOrder(new Date(t.clock.now().getTime() + DAY + HOUR));
    await settle(t);
    const open = await t.api.get('/v1/kits?status=open&limit=100').set('authorization', as(staff));
    expect(open.status).toBe(200);
    const orderIds = open.body.data.map((k: { orderId: string }) => k.orderId);
    expect(orderIds.indexOf(sooner.id)).toBeLessThan(orderIds.indexOf(later.id));
    expect(open.body.data.every((k: { status: string }) => k.status === 'open')).toBe(true);
    const starts = open.body.data.map((k: { orderStartsAt: string }) => k.orderStartsAt);
    expect([...starts].sort()).toEqual(starts);
    const firstPage = await t.api.get('/v1/kits?limit=1').set('authorization', as(manager));
    expect(firstPage.body.data).toHaveLength(1);
    const second = await t.api.get(`/v1/kits?limit=1&cursor=${firstPage.body.nextCursor}`).set('authorization', as(manager));
    expect(second.body.data[0].id).not.toBe(firstPage.body.data[0].id);
    for (const outsider of [client, worker]) {
      expect((await t.api.get('/v1/kits').set('authorization', as(outsider))).status).toBe(403);
      const kit = (await kitOfOrder(t, sooner.id))!;
      expect((await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(outsider))).status).toBe(403);
    }
    expect((await t.api.get('/v1/kits/00000000-0000-4000-8000-000000000000').set('authorization', as(staff))).status).toBe(404);
  });

  it('retries a supplier that is down with backoff, shows it to staff, alerts operators, and succeeds when it is back', async () => {
    t.supplier.failNext(5, 'reset');
    const order = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    let view = await kitView(kit.id);
    expect(view.cookie).toMatchObject({ status: 'pending', attempts: 1, supplierOrderId: null });
    expect(view.cookie.lastError).toMatch(/supplier unreachable/);
    const firstRetryAt = Date.parse(view.cookie.nextAttemptAt);
    expect(firstRetryAt - t.clock.now().getTime()).toBeGreaterThan(25_000);
    expect(firstRetryAt - t.clock.now().getTime()).toBeLessThanOrEqual(30_000);

    const runSync = () => t.platform.kernel.scheduler.runJob('supplies.supplier-sync', t.clock.now(), 'test');
    // Not due yet: nothing is tried.
    const before = t.supplier.requests.length;
    expect((await runSync()).outcome).toBe('succeeded');
    expect(t.supplier.requests.length).toBe(before);
    for (const [attempts, delay] of [
      [2, 30_000],
      [3, 60_000],
      [4, 120_000],
      [5, 240_000],
    ] as const) {
      t.clock.moveTo(new Date(Date.parse(view.cookie.nextAttemptAt)));
      // Each try that failed makes the job's run a failed one (job_runs, metrics, alert), naming the kit.
      const run = await runSync();
      expect(run.outcome).toBe('failed');
      expect(run.error).toContain(kit.id);
      view = await kitView(kit.id);
      expect(view.cookie.attempts).toBe(attempts);
      expect(Date.parse(view.cookie.nextAttemptAt) - t.clock.now().getTime()).toBeGreaterThanOrEqual(delay * 2 - 1000);
    }
    const alerts = await sql<{ subject: string }>(
      t.db,
      "SELECT subject FROM emails WHERE template = 'operator-alert' AND subject LIKE '%' || $1 || '%'",
      [kit.id],
    );
    expect(alerts).toHaveLength(1);
    const failedRuns = await sql(
      t.db,
      "SELECT 1 FROM job_runs WHERE job = 'supplies.supplier-sync' AND outcome = 'failed' AND error LIKE '%' || $1 || '%'",
      [kit.id],
    );
    expect(failedRuns).toHaveLength(4);
    // Staff need not wait for the backoff: the supplier is back, and the retry succeeds at once.
    const retried = await t.api.post(`/v1/kits/${kit.id}/cookie/retry`).set('authorization', as(staff));
    expect(retried.status).toBe(200);
    expect(retried.body.cookie).toMatchObject({ status: 'ordered', lastError: null, nextAttemptAt: null });
    expect(t.supplier.orders.get(retried.body.cookie.supplierOrderId)?.reference).toBe(kit.id);
    const again = await t.api.post(`/v1/kits/${kit.id}/cookie/retry`).set('authorization', as(staff));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SUPPLIES.NOTHING_TO_RETRY');
  });

  it('retries a 503 through the scheduled job and finds a delivery whose callback never came by polling', async () => {
    t.supplier.failNext(1, 'unavailable');
    const order = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    expect(kit).toMatchObject({ cookie_status: 'pending', cookie_attempts: 1 });
    expect(kit.cookie_last_error).toContain('HTTP 503');
    t.clock.moveTo(new Date(t.clock.now().getTime() + 30_000));
    await t.platform.kernel.scheduler.runJob('supplies.supplier-sync', t.clock.now(), 'test');
    const ordered = (await kitOfOrder(t, order.id))!;
    expect(ordered.cookie_status).toBe('ordered');

    t.supplier.options.callbacks = false;
    try {
      expect(await t.supplier.deliver(ordered.cookie_supplier_order_id!)).toBeNull();
    } finally {
      t.supplier.options.callbacks = true;
    }
    expect((await kitOfOrder(t, order.id))!.cookie_status).toBe('ordered');
    t.clock.moveTo(new Date(t.clock.now().getTime() + t.config.supplier.pollIntervalMs));
    await t.platform.kernel.scheduler.runJob('supplies.supplier-sync', t.clock.now(), 'test');
    expect((await kitOfOrder(t, order.id))!.cookie_status).toBe('delivered');
  });

  it('refuses forged, tampered, stale and unsigned callbacks, and acknowledges a replay without acting twice', async () => {
    const order = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    const body = JSON.stringify({
      id: `evt_forged_${kit.id}`,
      type: 'cookie.delivered',
      data: { orderId: kit.cookie_supplier_order_id, reference: kit.id, deliveredAt: new Date().toISOString() },
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (signature: string | undefined, payload = body) => {
      const req = t.api.post('/v1/integrations/supplier/events').set('content-type', 'application/json');
      if (signature !== undefined) req.set('supplier-signature', signature);
      return req.send(payload);
    };
    const forged = await post(signSupplierPayload('not-the-secret-at-all', body, now));
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('SUPPLIES.BAD_SIGNATURE');
    const tampered = await post(
      signSupplierPayload(TEST_SUPPLIER_SECRET, body, now),
      body.replace('cookie.delivered', 'cookie.delivered '),
    );
    expect(tampered.status).toBe(401);
    const stale = await post(signSupplierPayload(TEST_SUPPLIER_SECRET, body, now - 600));
    expect(stale.status).toBe(401);
    expect(stale.body.detail).toContain('stale');
    expect((await post(undefined)).status).toBe(400);
    expect((await post('t=1,v1=zz')).status).toBe(401);
    expect((await kitOfOrder(t, order.id))!.cookie_status).toBe('ordered');
    const recorded = await sql<{ n: string }>(t.db, 'SELECT count(*) AS n FROM supplier_events WHERE id = $1', [`evt_forged_${kit.id}`]);
    expect(recorded[0]!.n).toBe('0');

    const signed = signSupplierPayload(TEST_SUPPLIER_SECRET, body, now);
    const first = await post(signed);
    expect(first.body).toEqual({ received: true, duplicate: false, handled: true });
    expect((await kitOfOrder(t, order.id))!.cookie_status).toBe('delivered');
    const replay = await post(signed);
    expect(replay.body).toEqual({ received: true, duplicate: true, handled: false });
    const arrived = await sql(
      t.db,
      "SELECT 1 FROM emails WHERE template = 'kit-cookie-arrived' AND \"to\" = $1 AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $2 || ':%')",
      [staff.email, kit.id],
    );
    expect(arrived).toHaveLength(1);
  });

  it('cancels the kit and the cookie with the order (at the supplier when ordered, not at all when not yet)', async () => {
    const ordered = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, ordered.id))!;
    expect((await t.api.post(`/v1/orders/${ordered.id}/cancel`).set('authorization', as(client)).send({})).status).toBe(200);
    await settle(t);
    expect(await kitOfOrder(t, ordered.id)).toMatchObject({ status: 'cancelled', cookie_status: 'cancelled' });
    expect(t.supplier.orders.get(kit.cookie_supplier_order_id!)?.status).toBe('cancelled');

    t.supplier.failNext(1, 'reset');
    const notYet = await createOrder();
    await settle(t);
    expect(await kitOfOrder(t, notYet.id)).toMatchObject({ cookie_status: 'pending' });
    const notYetKit = (await kitOfOrder(t, notYet.id))!;
    await t.api.post(`/v1/orders/${notYet.id}/cancel`).set('authorization', as(client)).send({});
    await settle(t);
    expect(await kitOfOrder(t, notYet.id)).toMatchObject({ status: 'cancelled', cookie_status: 'cancelled' });
    t.clock.moveTo(new Date(t.clock.now().getTime() + HOUR));
    await t.platform.kernel.scheduler.runJob('supplies.supplier-sync', t.clock.now(), 'test');
    // Never ordered: the supplier never heard of this cookie.
    expect([...t.supplier.orders.values()].some((o) => o.reference === notYetKit.id)).toBe(false);
    // A cancelled kit takes no more steps.
    const refused = await t.api.post(`/v1/kits/${kit.id}/pack`).set('authorization', as(staff)).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SUPPLIES.ILLEGAL_TRANSITION');
  });

  it("cancels a ready kit with its order, by the client's cancel or a manager's: staff told, the cookie kept, no delivery retried", async () => {
    for (const canceller of [client, manager]) {
      const order = await createOrder();
      expect(await bringKitReady(t, order.id)).toBe('scheduled');
      const kit = (await kitOfOrder(t, order.id))!;
      expect(kit).toMatchObject({ status: 'ready', cookie_status: 'delivered' });
      const cancelled = await t.api.post(`/v1/orders/${order.id}/cancel`).set('authorization', as(canceller)).send({});
      expect(cancelled.status).toBe(200);
      await settle(t);
      expect(await deliveryTrouble(t)).toEqual([]);
      const view = await kitView(kit.id);
      // Delivered cookies cannot go back to the supplier: it is not asked, the cookie stays with the kit.
      expect(view).toMatchObject({
        status: 'cancelled',
        readyAt: null,
        readyBy: null,
        allowedActions: [],
        cookie: { status: 'delivered' },
      });
      expect(t.supplier.orders.get(kit.cookie_supplier_order_id!)?.status).toBe('delivered');
      const told = await sql<{ subject: string; text: string }>(
        t.db,
        "SELECT subject, text FROM emails WHERE template = 'kit-cancelled' AND \"to\" = $1 AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $2 || ':%')",
        [staff.email, kit.id],
      );
      expect(told).toHaveLength(1);
      expect(told[0]!.text).toContain('It was ready for pick-up');
      // Cancelled for good: it cannot be marked ready again.
      expect((await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff))).status).toBe(409);
    }
  });

  it('cancels the kit when the worker does not check in (order failed no_check_in)', async () => {
    const order = await createOrder();
    expect(await bringKitReady(t, order.id)).toBe('scheduled');
    t.clock.moveTo(new Date(Date.parse(order.startsAt) + 60_000));
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', t.clock.now(), 'test');
    await settle(t);
    expect((await t.api.get(`/v1/orders/${order.id}`).set('authorization', as(client))).body).toMatchObject({
      status: 'failed',
      failureReason: 'no_check_in',
    });
    expect(await kitOfOrder(t, order.id)).toMatchObject({ status: 'cancelled', cookie_status: 'delivered' });
    expect(await deliveryTrouble(t)).toEqual([]);
  });

  it("copes with a cancel or an edit delivered before the order's order.created (another dispatcher still holds it)", async () => {
    const holdCreated = (orderId: string) =>
      sql(
        t.db,
        "UPDATE outbox SET available_at = available_at + interval '1 day' WHERE topic = 'event' AND payload->'event'->>'name' = 'order.created' AND payload->'event'->'payload'->>'orderId' = $1",
        [orderId],
      );
    const releaseCreated = (orderId: string) =>
      sql(
        t.db,
        "UPDATE outbox SET available_at = $2 WHERE topic = 'event' AND status = 'pending' AND payload->'event'->'payload'->>'orderId' = $1",
        [orderId, t.clock.now()],
      );
    const cancelled = await createOrder();
    await holdCreated(cancelled.id);
    await t.api.post(`/v1/orders/${cancelled.id}/cancel`).set('authorization', as(client)).send({}).expect(200);
    await settle(t);
    // The cancel opened the kit, already cancelled: nothing to assemble, no cookie to order.
    expect(await kitOfOrder(t, cancelled.id)).toMatchObject({ status: 'cancelled', cookie_status: 'cancelled' });
    await releaseCreated(cancelled.id);
    await settle(t);
    expect(await kitOfOrder(t, cancelled.id)).toMatchObject({ status: 'cancelled', cookie_status: 'cancelled' });
    const kit = (await kitOfOrder(t, cancelled.id))!;
    expect([...t.supplier.orders.values()].some((o) => o.reference === kit.id)).toBe(false);

    const edited = await createOrder();
    await holdCreated(edited.id);
    const moved = new Date(Date.parse(edited.startsAt) + 2 * HOUR).toISOString();
    await t.api.patch(`/v1/orders/${edited.id}`).set('authorization', as(manager)).send({ startsAt: moved }).expect(200);
    await settle(t);
    // The edit opened the kit at the new start and ordered the cookie; order.created, late, changes nothing.
    expect(await kitOfOrder(t, edited.id)).toMatchObject({ status: 'open', cookie_status: 'ordered' });
    await releaseCreated(edited.id);
    await settle(t);
    const editedKit = (await kitOfOrder(t, edited.id))!;
    expect((await kitView(editedKit.id)).orderStartsAt).toBe(moved);
    expect([...t.supplier.orders.values()].filter((o) => o.reference === editedKit.id)).toHaveLength(1);
    expect(await deliveryTrouble(t)).toEqual([]);
  });

  it('follows a manager edit of the start, and fails an order whose kit is never ready with no_worker at its start', async () => {
    const order = await createOrder();
    await settle(t);
    const moved = new Date(Date.parse(order.startsAt) + HOUR);
    const edit = await t.api.patch(`/v1/orders/${order.id}`).set('authorization', as(manager)).send({ startsAt: moved.toISOString() });
    expect(edit.status).toBe(200);
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    expect((await kitView(kit.id)).orderStartsAt).toBe(moved.toISOString());

    t.clock.moveTo(moved);
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', t.clock.now(), 'test');
    await settle(t);
    expect((await t.api.get(`/v1/orders/${order.id}`).set('authorization', as(client))).body).toMatchObject({
      status: 'failed',
      failureReason: 'no_worker',
    });
    expect(await kitOfOrder(t, order.id)).toMatchObject({ status: 'cancelled', cookie_status: 'cancelled' });
  });

  it('refuses a ready kit for an order cancelled meanwhile, changing nothing', async () => {
    const order = await createOrder();
    const status = await bringKitReady(t, order.id);
    expect(['scheduled', 'matching']).toContain(status);
    const other = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, other.id))!;
    await t.supplier.deliver(kit.cookie_supplier_order_id!);
    await t.api.post(`/v1/kits/${kit.id}/pack`).set('authorization', as(staff)).send({});
    // Cancelled, and the event not yet delivered to supplies.
    await t.api.post(`/v1/orders/${other.id}/cancel`).set('authorization', as(client)).send({});
    const ready = await t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff));
    expect(ready.status).toBe(409);
    expect(ready.body.code).toBe('ORDERS.ILLEGAL_TRANSITION');
    expect((await kitOfOrder(t, other.id))!.status).toBe('assembling');
  });

  it('lets exactly one of ten racing ready calls win: one kit_ready in the timeline, one match', async () => {
    const order = await createOrder();
    await settle(t);
    const kit = (await kitOfOrder(t, order.id))!;
    await t.supplier.deliver(kit.cookie_supplier_order_id!);
    await t.api.post(`/v1/kits/${kit.id}/pack`).set('authorization', as(staff)).send({}).expect(200);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.api.post(`/v1/kits/${kit.id}/ready`).set('authorization', as(staff))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'SUPPLIES.ILLEGAL_TRANSITION')).toHaveLength(9);
    await settle(t);
    expect(await sql(t.db, "SELECT 1 FROM order_timeline WHERE order_id = $1 AND event = 'kit_ready'", [order.id])).toHaveLength(1);
    expect(await sql(t.db, 'SELECT 1 FROM matching_attempts WHERE order_id = $1', [order.id])).toHaveLength(1);
  });

  it("exports the kits of a client's orders and erases the name and address on them (GDPR)", async () => {
    const someone = await t.userWithRoles(['client']);
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', as(someone))
      .send({ serviceTypeId, startsAt: nextSlot().toISOString(), address: '12 Secret Lane' });
    await settle(t);
    const exported = await t.api.get('/v1/me/export').set('authorization', as(someone)).expect(200);
    expect(exported.body.sections.kits).toMatchObject([{ orderId: res.body.id, deliveryAddress: '12 Secret Lane' }]);
    await t.api.delete('/v1/me').set('authorization', as(someone)).expect(204);
    const [kit] = await sql<{ recipient_name: string; delivery_address: string }>(
      t.db,
      'SELECT recipient_name, delivery_address FROM kits WHERE order_id = $1',
      [res.body.id],
    );
    expect(kit).toEqual({ recipient_name: '[erased]', delivery_address: '[erased]' });
  });
});
