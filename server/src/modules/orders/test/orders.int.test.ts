import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitReady } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('orders', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  const workers: { id: string; token: string; email: string }[] = [];
  let serviceTypeId: string;
  let inactiveTypeId: string;
  /** A fresh slot per test, far enough apart that tests never share workers' time. */
  let slot = 0;
  const nextSlot = () => new Date(t.clock.now().getTime() + 2 * DAY + ++slot * 3 * HOUR);

  beforeAll(async () => {
    t = await createTestPlatform();
    manager = await t.userWithRoles(['manager']);
    alice = await t.userWithRoles(['client']);
    bob = await t.userWithRoles(['client']);
    workers.push(await t.userWithRoles(['worker']), await t.userWithRoles(['worker']));
    const type = await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Litter box', description: '', durationMinutes: 60, kitItems: [{ name: 'Litter', quantity: 1 }] });
    serviceTypeId = type.body.id;
    const inactive = await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Retired chore', description: '', durationMinutes: 60, active: false });
    inactiveTypeId = inactive.body.id;
  });
  afterAll(() => t.close());

  const order = (token: string, startsAt: Date, extra: Record<string, unknown> = {}) =>
    t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${token}`)
      .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '1 Catnip Lane', description: 'Please', ...extra });
  /** An order taken through its kit and matching to `scheduled`, as the client sees it then. */
  const scheduledOrder = async (token: string, startsAt: Date) => {
    const created = await order(token, startsAt);
    expect(await bringKitReady(t, created.body.id)).toBe('scheduled');
    return (await t.api.get(`/v1/orders/${created.body.id}`).set('authorization', `Bearer ${token}`)).body;
  };

  it('creates an order that waits for its kit, then is scheduled with a free worker at 100.00', async () => {
    const startsAt = nextSlot();
    const created = await order(alice.token, startsAt);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/orders/${created.body.id}`);
    expect(created.body).toMatchObject({ status: 'created', workerId: null, price: null, allowedActions: ['cancel'] });
    expect(await bringKitReady(t, created.body.id)).toBe('scheduled');
    const res = await t.api.get(`/v1/orders/${created.body.id}`).set('authorization', `Bearer ${alice.token}`);
    expect(res.body).toMatchObject({
      clientId: alice.id,
      serviceTypeId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      address: '1 Catnip Lane',
      status: 'scheduled',
      failureReason: null,
      price: '100.00',
      rating: null,
      copyOf: null,
      allowedActions: ['cancel'],
    });
    expect(workers.map((w) => w.id)).toContain(res.body.workerId);
    const timeline = await t.api.get(`/v1/orders/${res.body.id}/timeline`).set('authorization', `Bearer ${alice.token}`);
    expect(
      timeline.body.data.map((e: { event: string; from: string | null; to: string; actorRole: string }) => [
        e.event,
        e.from,
        e.to,
        e.actorRole,
      ]),
    ).toEqual([
      ['created', null, 'created', 'client'],
      ['kit_ready', 'created', 'matching', 'supplies'],
      ['worker_assigned', 'matching', 'scheduled', 'system'],
    ]);
    const emails = await sql<{ template: string }>(
      t.db,
      "SELECT template FROM emails WHERE template LIKE 'order-%' AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%') ORDER BY created_at, template",
      [res.body.id],
    );
    expect(emails.map((e) => e.template).sort()).toEqual(['order-received', 'order-scheduled-client', 'order-scheduled-worker']);
  });

  it('refuses a start in the past, at now, or beyond 90 days, and inactive service types', async () => {
    const now = t.clock.now().getTime();
    expect((await order(alice.token, new Date(now - 1_000))).body.code).toBe('ORDERS.START_OUT_OF_RANGE');
    expect((await order(alice.token, new Date(now + 90 * DAY + 60_000))).body.code).toBe('ORDERS.START_OUT_OF_RANGE');
    expect((await order(alice.token, new Date(now + 90 * DAY - 60_000))).status).toBe(201);
    const inactive = await order(alice.token, nextSlot(), { serviceTypeId: inactiveTypeId });
    expect(inactive.status).toBe(422);
    expect(inactive.body.code).toBe('ORDERS.SERVICE_TYPE_UNAVAILABLE');
    expect((await order(alice.token, nextSlot(), { address: '' })).status).toBe(400);
    expect((await order(alice.token, nextSlot(), { workerId: workers[0]!.id })).status).toBe(400);
    expect((await order(manager.token, nextSlot())).status).toBe(403);
  });

  it('shows an order only to its client, its worker and staff', async () => {
    const created = await scheduledOrder(alice.token, nextSlot());
    const assigned = workers.find((w) => w.id === created.workerId)!;
    const other = workers.find((w) => w.id !== created.workerId)!;
    expect((await t.api.get(`/v1/orders/${created.id}`).set('authorization', `Bearer ${alice.token}`)).status).toBe(200);
    expect((await t.api.get(`/v1/orders/${created.id}`).set('authorization', `Bearer ${assigned.token}`)).body.allowedActions).toEqual([]);
    expect((await t.api.get(`/v1/orders/${created.id}`).set('authorization', `Bearer ${manager.token}`)).body.allowedActions).toEqual([
      'cancel',
    ]);
    for (const stranger of [bob, other]) {
      const res = await t.api.get(`/v1/orders/${created.id}`).set('authorization', `Bearer ${stranger.token}`);
      expect(res.status).toBe(404);
      expect((await t.api.get(`/v1/orders/${created.id}/timeline`).set('authorization', `Bearer ${stranger.token}`)).status).toBe(404);
      expect((await t.api.post(`/v1/orders/${created.id}/cancel`).set('authorization', `Bearer ${stranger.token}`).send({})).status).toBe(
        stranger === bob ? 404 : 403,
      );
    }
    const bobs = await t.api.get('/v1/orders?limit=100').set('authorization', `Bearer ${bob.token}`);
    expect(bobs.body.data.map((o: { id: string }) => o.id)).not.toContain(created.id);
    // A client asking for another client's orders still only gets its own.
    const sneaky = await t.api.get(`/v1/orders?clientId=${alice.id}`).set('authorization', `Bearer ${bob.token}`);
    expect(sneaky.body.data).toEqual([]);
  });

  it('lists by status and period, sorted by start, paginated', async () => {
    const a = nextSlot();
    const b = nextSlot();
    await order(bob.token, a);
    await order(bob.token, b);
    const all = await t.api
      .get(
        `/v1/orders?from=${encodeURIComponent(a.toISOString())}&to=${encodeURIComponent(new Date(b.getTime() + 1).toISOString())}&limit=1`,
      )
      .set('authorization', `Bearer ${bob.token}`);
    expect(all.body.data).toHaveLength(1);
    expect(all.body.data[0].startsAt).toBe(a.toISOString());
    const next = await t.api
      .get(
        `/v1/orders?from=${encodeURIComponent(a.toISOString())}&to=${encodeURIComponent(new Date(b.getTime() + 1).toISOString())}&limit=1&cursor=${all.body.nextCursor}`,
      )
      .set('authorization', `Bearer ${bob.token}`);
    expect(next.body.data.map((o: { startsAt: string }) => o.startsAt)).toEqual([b.toISOString()]);
    // `to` is exclusive.
    const until = await t.api
      .get(`/v1/orders?from=${encodeURIComponent(a.toISOString())}&to=${encodeURIComponent(b.toISOString())}`)
      .set('authorization', `Bearer ${bob.token}`);
    expect(until.body.data.map((o: { startsAt: string }) => o.startsAt)).toEqual([a.toISOString()]);
    const cancelled = await t.api.get('/v1/orders?status=cancelled').set('authorization', `Bearer ${bob.token}`);
    expect(cancelled.body.data.every((o: { status: string }) => o.status === 'cancelled')).toBe(true);
    const staff = await t.api.get(`/v1/orders?clientId=${bob.id}&limit=100`).set('authorization', `Bearer ${manager.token}`);
    expect(staff.body.data.length).toBeGreaterThanOrEqual(2);
    expect(staff.body.data.every((o: { clientId: string }) => o.clientId === bob.id)).toBe(true);
  });

  it('cancels once; a second cancel is a 409 that changes nothing', async () => {
    const created = await scheduledOrder(alice.token, nextSlot());
    const res = await t.api
      .post(`/v1/orders/${created.id}/cancel`)
      .set('authorization', `Bearer ${alice.token}`)
      .send({ reason: 'Plans changed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    const [before] = await sql<{ version: number; updated_at: Date }>(t.db, 'SELECT version, updated_at FROM orders WHERE id = $1', [
      created.id,
    ]);
    const again = await t.api.post(`/v1/orders/${created.id}/cancel`).set('authorization', `Bearer ${alice.token}`).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDERS.ILLEGAL_TRANSITION');
    const [after] = await sql<{ version: number; updated_at: Date }>(t.db, 'SELECT version, updated_at FROM orders WHERE id = $1', [
      created.id,
    ]);
    expect(after).toEqual(before);
    const emails = await sql<{ template: string }>(
      t.db,
      "SELECT template FROM emails WHERE template = 'order-cancelled' AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%')",
      [created.id],
    );
    expect(emails).toHaveLength(2);
    // The worker's slot is free again: a new order at the same time can take either worker.
    const timeline = await t.api.get(`/v1/orders/${created.id}/timeline`).set('authorization', `Bearer ${alice.token}`);
    expect(timeline.body.data.at(-1)).toMatchObject({
      event: 'cancel',
      from: 'scheduled',
      to: 'cancelled',
      actorId: alice.id,
      actorRole: 'client',
      reason: 'Plans changed',
    });
  });

  it('lets exactly one of twenty racing cancels win, with one timeline entry', async () => {
    const created = (await order(alice.token, nextSlot())).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api.post(`/v1/orders/${created.id}/cancel`).set('authorization', `Bearer ${alice.token}`).send({}),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'ORDERS.ILLEGAL_TRANSITION')).toHaveLength(19);
    const entries = await sql(t.db, "SELECT 1 FROM order_timeline WHERE order_id = $1 AND event = 'cancel'", [created.id]);
    expect(entries).toHaveLength(1);
  });

  it('lets a manager edit an order before it starts, recorded in the timeline and the audit log', async () => {
    const created = await scheduledOrder(alice.token, nextSlot());
    const newStart = nextSlot();
    const res = await t.api
      .patch(`/v1/orders/${created.id}`)
      .set('authorization', `Bearer ${manager.token}`)
      .send({ address: '2 Catnip Lane', startsAt: newStart.toISOString() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      address: '2 Catnip Lane',
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + HOUR).toISOString(),
      status: 'scheduled',
    });
    const timeline = await t.api.get(`/v1/orders/${created.id}/timeline`).set('authorization', `Bearer ${alice.token}`);
    expect(timeline.body.data.at(-1)).toMatchObject({
      event: 'edited',
      from: 'scheduled',
      to: 'scheduled',
      actorId: manager.id,
      changes: { address: { from: '1 Catnip Lane', to: '2 Catnip Lane' } },
    });
    const audit = await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'order.edited' AND target_id = $1", [created.id]);
    expect(audit).toHaveLength(1);
    expect(
      (await t.api.patch(`/v1/orders/${created.id}`).set('authorization', `Bearer ${alice.token}`).send({ address: 'x' })).status,
    ).toBe(403);
    await t.api.post(`/v1/orders/${created.id}/cancel`).set('authorization', `Bearer ${manager.token}`).send({}).expect(200);
    const late = await t.api
      .patch(`/v1/orders/${created.id}`)
      .set('authorization', `Bearer ${manager.token}`)
      .send({ address: '3 Catnip Lane' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ORDERS.NOT_EDITABLE');
  });

  it("keeps the order's own duration when an edit moves its start; only a new service type brings its duration", async () => {
    const as = { authorization: `Bearer ${manager.token}` };
    const type = await t.api.post('/v1/service-types').set(as).send({ name: 'Window sill dusting', description: '', durationMinutes: 60 });
    const other = await t.api
      .post('/v1/service-types')
      .set(as)
      .send({ name: 'Curtain climbing check', description: '', durationMinutes: 45 });
    const startsAt = nextSlot();
    const created = await order(alice.token, startsAt, { serviceTypeId: type.body.id });
    expect(created.body.endsAt).toBe(new Date(startsAt.getTime() + HOUR).toISOString());
    // The catalog changes after the order was placed: the order keeps what it was booked for.
    await t.api.patch(`/v1/service-types/${type.body.id}`).set(as).send({ durationMinutes: 75 }).expect(200);
    const edit = (body: Record<string, unknown>) => t.api.patch(`/v1/orders/${created.body.id}`).set(as).send(body);
    const moved = new Date(startsAt.getTime() + 30 * 60_000);
    const res = await edit({ startsAt: moved.toISOString() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + HOUR).toISOString() });
    // Naming the service type it already has changes nothing either.
    const same = await edit({ serviceTypeId: type.body.id, description: 'Both sills' });
    expect(same.body).toMatchObject({ startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + HOUR).toISOString() });
    const timeline = await t.api.get(`/v1/orders/${created.body.id}/timeline`).set('authorization', `Bearer ${alice.token}`);
    expect(timeline.body.data.at(-1).changes).toEqual({ description: { from: 'Please', to: 'Both sills' } });
    // Another service type is a new chore: it brings its own duration, and the timeline says the end moved.
    const retyped = await edit({ serviceTypeId: other.body.id });
    expect(retyped.body).toMatchObject({
      serviceTypeId: other.body.id,
      startsAt: moved.toISOString(),
      endsAt: new Date(moved.getTime() + 45 * 60_000).toISOString(),
    });
    const after = await t.api.get(`/v1/orders/${created.body.id}/timeline`).set('authorization', `Bearer ${alice.token}`);
    expect(after.body.data.at(-1).changes).toEqual({
      serviceTypeId: { from: type.body.id, to: other.body.id },
      endsAt: { from: new Date(moved.getTime() + HOUR).toISOString(), to: new Date(moved.getTime() + 45 * 60_000).toISOString() },
    });
    const [row] = await sql<{ minutes: number }>(
      t.db,
      'SELECT extract(epoch FROM ends_at - starts_at)::int / 60 AS minutes FROM orders WHERE id = $1',
      [created.body.id],
    );
    expect(row!.minutes).toBe(45);
  });

  it('has the database refuse two overlapping orders for one worker, whatever the code does', async () => {
    const startsAt = nextSlot();
    const first = await scheduledOrder(alice.token, startsAt);
    const second = await scheduledOrder(bob.token, new Date(startsAt.getTime() + 30 * 60_000));
    expect(second.workerId).not.toBe(first.workerId);
    await expect(
      sql(t.db, 'UPDATE orders SET worker_id = $1 WHERE id = $2 RETURNING id', [first.workerId, second.id]),
    ).rejects.toMatchObject({
      parent: { code: '23P01', constraint: 'orders_worker_no_overlap' },
    });
    // Back to back is fine: ranges are half-open.
    const third = await scheduledOrder(alice.token, new Date(startsAt.getTime() + HOUR));
    // The only worker free then is the first one, whose order ends exactly when this one starts.
    expect(third.workerId).toBe(first.workerId);
  });
});
