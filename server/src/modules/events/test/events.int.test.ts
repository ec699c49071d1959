import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { DAY, HOUR, OrderDriver } from '../../../../test/helpers/order-driver.ts';

/**
 * GET /v1/events over real orders driven through the API: each caller reads
 * what it may (staff all, a client its orders', a worker its assignments'),
 * pages by cursor, filters by type; payloads are the orders as the API
 * returns them; retention purges through the sandbox clock.
 */
describe('the public event feed over HTTP', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let completedId: string;
  let cancelledId: string;
  let firstWorker: { id: string; token: string };
  let secondWorker: { id: string; token: string };
  const applicant = { token: '' };

  type Event = { id: string; type: string; apiVersion: string; createdAt: string; data: Record<string, unknown> };
  const read = async (token: string, query = '', status = 200) =>
    (await t.api.get(`/v1/events${query}`).set('authorization', `Bearer ${token}`).expect(status)).body as {
      data: Event[];
      nextCursor: string | null;
      code?: string;
    };
  const summary = (events: Event[]) => events.map((e) => `${e.type} ${String(e.data.id)}`);

  beforeAll(async () => {
    t = await createTestPlatform();
    d = new OrderDriver(t);
    await d.setUp();
    applicant.token = (await t.userWithRoles(['applicant'])).token;
    // Two orders at one time, one for each client: each gets its own worker.
    const startsAt = new Date(Math.ceil((d.now().getTime() + 2 * DAY) / HOUR) * HOUR);
    completedId = await d.createOrder(startsAt, 'owner');
    cancelledId = await d.createOrder(startsAt, 'otherClient');
    await d.bringKitReady(completedId);
    await d.bringKitReady(cancelledId);
    await d.deliver();
    expect((await d.order(completedId)).status).toBe('scheduled');
    expect((await d.order(cancelledId)).status).toBe('scheduled');
    firstWorker = (await d.user('assignedWorker', completedId))!;
    secondWorker = (await d.user('assignedWorker', cancelledId))!;
    expect(firstWorker.id).not.toBe(secondWorker.id);
    expect((await d.cancel(cancelledId, 'otherClient')).status).toBe(200);
    await d.advanceTo(new Date(startsAt.getTime() - 10 * 60_000));
    expect((await d.checkIn(completedId, 'assignedWorker')).status).toBe(200);
    expect((await d.report(completedId, 'assignedWorker')).status).toBe(200);
    expect((await d.accept(completedId, 'owner')).status).toBe(200);
    // Bids settles the ended order when orders' event reaches it.
    await d.deliver();
  });
  afterAll(() => t.close());

  it('gives managers every order event, in order, with the order as the API returns it', async () => {
    const all = await read(d.manager.token, '?limit=100');
    expect(summary(all.data.filter((e) => e.type.startsWith('order.')))).toEqual([
      `order.created ${completedId}`,
      `order.created ${cancelledId}`,
      `order.scheduled ${completedId}`,
      `order.scheduled ${cancelledId}`,
      `order.cancelled ${cancelledId}`,
      `order.started ${completedId}`,
      `order.reported ${completedId}`,
      `order.completed ${completedId}`,
    ]);
    expect(all.nextCursor).toBe(all.data.at(-1)!.id);
    const completed = all.data.findLast((e) => e.type === 'order.completed')!;
    expect(completed.apiVersion).toBe('2026-12-01');
    const { body: order } = await t.api.get(`/v1/orders/${completedId}`).set('authorization', `Bearer ${d.manager.token}`).expect(200);
    // The same order, save what depends on the reader (allowedActions) and the photos (their own resource).
    const { allowedActions: _actions, photos: _photos, ...rest } = order as Record<string, unknown>;
    expect(completed.data).toEqual({ ...rest, allowedActions: [] });
    expect(completed.data.status).toBe('completed');
  });

  it("gives managers the settlement of an ended order's pot, and nobody else", async () => {
    const settlements = (await read(d.manager.token, '?types=settlement.computed')).data;
    const { body: settlement } = await t.api
      .get(`/v1/orders/${completedId}/settlement`)
      .set('authorization', `Bearer ${d.manager.token}`)
      .expect(200);
    expect(settlements.find((e) => e.data.orderId === completedId)?.data).toEqual(settlement);
    for (const user of [...d.clients, firstWorker, secondWorker, d.supplies]) {
      expect((await read(user!.token, '?types=settlement.computed')).data).toEqual([]);
    }
  });

  it('gives a client and a worker only the events of their own orders, and the other pair none of those', async () => {
    const [owner, otherClient] = d.clients;
    expect(summary((await read(owner!.token, '?limit=100')).data)).toEqual([
      `order.created ${completedId}`,
      `order.scheduled ${completedId}`,
      `order.started ${completedId}`,
      `order.reported ${completedId}`,
      `order.completed ${completedId}`,
    ]);
    expect(summary((await read(otherClient!.token, '?limit=100')).data)).toEqual([
      `order.created ${cancelledId}`,
      `order.scheduled ${cancelledId}`,
      `order.cancelled ${cancelledId}`,
    ]);
    // A worker is in an order's audience from its assignment on.
    expect(summary((await read(firstWorker.token, '?limit=100')).data)).toEqual([
      `order.scheduled ${completedId}`,
      `order.started ${completedId}`,
      `order.reported ${completedId}`,
      `order.completed ${completedId}`,
    ]);
    expect(summary((await read(secondWorker.token, '?limit=100')).data)).toEqual([
      `order.scheduled ${cancelledId}`,
      `order.cancelled ${cancelledId}`,
    ]);
    expect((await read(applicant.token)).data).toEqual([]);
    // Supplies staff read the kit events, all of them, and nothing else; managers the same kit events.
    const kits = (await read(d.supplies.token, '?limit=100')).data;
    expect(kits.map((e) => e.type).sort()).toEqual(['kit.cancelled', 'kit.opened', 'kit.opened', 'kit.ready', 'kit.ready']);
    expect(kits.find((e) => e.type === 'kit.cancelled')!.data.orderId).toBe(cancelledId);
    const managers = (await read(d.manager.token, '?limit=100')).data;
    expect(managers.filter((e) => e.type.startsWith('kit.'))).toEqual(kits);
  });

  it('pages by cursor and filters by type, repeated or comma-separated', async () => {
    const all = (await read(d.manager.token, '?limit=100')).data;
    const pages: Event[] = [];
    let query = '?limit=3';
    for (;;) {
      const page = await read(d.manager.token, query);
      if (page.data.length === 0) {
        // An empty page keeps the cursor: ask again from it later.
        expect(page.nextCursor).toBe(pages.at(-1)!.id);
        break;
      }
      expect(page.data.length).toBeLessThanOrEqual(3);
      pages.push(...page.data);
      query = `?limit=3&after=${page.nextCursor}`;
    }
    expect(pages).toEqual(all);
    const types = (q: string) => read(d.manager.token, q).then((r) => r.data.map((e) => e.type));
    expect(await types('?types=order.cancelled&types=order.completed')).toEqual(['order.cancelled', 'order.completed']);
    expect(await types('?types=order.cancelled,order.completed')).toEqual(['order.cancelled', 'order.completed']);
    expect(await types(`?types=order.completed&after=${all[0]!.id}`)).toEqual(['order.completed']);
  });

  it('refuses an unknown cursor, one the caller may not read, and an unknown type, with stable codes', async () => {
    const [owner, otherClient] = d.clients;
    const theirs = (await read(otherClient!.token)).data[0]!;
    expect((await read(owner!.token, '?after=00000000-0000-4000-8000-000000000000', 400)).code).toBe('EVENTS.UNKNOWN_CURSOR');
    expect((await read(owner!.token, `?after=${theirs.id}`, 400)).code).toBe('EVENTS.UNKNOWN_CURSOR');
    expect((await read(otherClient!.token, `?after=${theirs.id}`)).data.length).toBe(2);
    expect((await read(owner!.token, '?types=order.exploded', 400)).code).toBe('EVENTS.UNKNOWN_TYPE');
    expect((await read(owner!.token, '?after=nope', 400)).code).toBe('VALIDATION.FAILED');
  });

  it('forgets events after EVENTS_RETENTION_DAYS, through the sandbox clock', async () => {
    const before = (await read(d.manager.token, '?limit=100')).data;
    expect(before.length).toBeGreaterThan(0);
    const kept = (at: string, days: number) => new Date(new Date(at).getTime() + days * DAY);
    // Just short of 30 days after the oldest: it is still there.
    await d.advanceTo(kept(before[0]!.createdAt, 30 - 1 / 24));
    expect((await read(d.manager.token, '?limit=100')).data.map((e) => e.id)).toEqual(expect.arrayContaining(before.map((e) => e.id)));
    await d.advanceTo(kept(before.at(-1)!.createdAt, 30 + 1 / 24));
    const after = (await read(d.manager.token, '?limit=100')).data.map((e) => e.id);
    expect(after.filter((id) => before.some((e) => e.id === id))).toEqual([]);
    expect((await read(d.manager.token, `?after=${before[0]!.id}`, 400)).code).toBe('EVENTS.UNKNOWN_CURSOR');
  });
});
