import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { OrderDriver, DAY, HOUR } from '../../../../test/helpers/order-driver.ts';
import { nameOrderPeople } from '../../../../test/helpers/order-page.ts';

/**
 * The panel's order page (orders' "show"): one order's whole case as
 * quality's orderCase gathers it for reviews too, with the names behind
 * every id and only the actions the order's lifecycle allows now.
 */
describe('the order page in the admin panel', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let panel: supertest.Agent;
  beforeAll(async () => {
    // No completed order sampled into review: the order's emails are the same every run.
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0' },
      mountBeforeApi: testPanel(),
      startsAt: new Date('2032-03-02T12:00:00Z'), // a Tuesday: the week's invoice run is ahead
    });
    d = new OrderDriver(t);
    await d.setUp();
    await nameOrderPeople(t, d);
    panel = await signedInPanel(t, (await sql<{ email: string }>(t.db, 'SELECT email FROM users WHERE id = $1', [d.manager.id]))[0]!.email);
  });
  afterAll(() => t.close());

  const page = async (orderId: string) => {
    const res = await panel.get(`/admin/api/resources/orders/records/${orderId}/show`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return JSON.parse(res.body.record.params.orderPage);
  };

  it('shows an order that went all the way (kit, matching, check-in, report, completion, invoice, emails) with names, not ids', async () => {
    // Another client's order, assigned and emailed about, alongside: none of it may show on this order's page.
    const other = await d.createOrder(new Date(d.now().getTime() + 2 * DAY), 'otherClient');
    await d.bringKitReady(other);
    const orderId = await d.createOrder(new Date(d.now().getTime() + 3 * DAY));
    await d.bringKitReady(orderId);
    const { starts_at, worker_id } = await d.order(orderId);
    await d.advanceTo(new Date(starts_at.getTime() - HOUR));
    expect((await d.checkIn(orderId, 'assignedWorker')).status).toBe(200);
    expect((await d.report(orderId, 'assignedWorker')).status).toBe(200);
    expect((await d.accept(orderId, 'owner')).status).toBe(200);
    await d.deliver();
    await d.advanceBy(6 * DAY); // past Sunday 23:00: the week's invoice is issued
    await d.deliver();

    const c = await page(orderId);
    const worker = d.workers.find((w) => w.id === worker_id)!;
    expect(c.order).toMatchObject({ id: orderId, status: 'completed', clientId: d.clients[0]!.id, workerId: worker.id, rating: 4 });
    expect(c.people[d.clients[0]!.id]).toEqual({ name: 'Mia Whiskers', email: 'mia@chorecat.test', workerCode: null });
    expect(c.people[worker.id]).toMatchObject({
      name: worker.id === d.workers[0]!.id ? 'Tom Paws' : 'Felix Fluff',
      workerCode: expect.stringMatching(/^CLW-/),
    });

    expect(c.timeline.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'kit_ready',
      'worker_assigned',
      'check_in',
      'report',
      'accept',
    ]);
    // Every actor on the timeline has a name on the page.
    for (const e of c.timeline as { actorId: string | null }[]) if (e.actorId) expect(c.people[e.actorId]?.name).toBeTruthy();
    expect(c.people[d.supplies.id]).toMatchObject({ name: 'Sam Supplies' }); // who marked the kit ready

    const hashOf = new Map((await sql<{ id: string; sha256: string }>(t.db, 'SELECT id, sha256 FROM files')).map((f) => [f.id, f.sha256]));
    expect(c.photos.map((p: { purpose: string }) => p.purpose)).toEqual(['check_in', 'before', 'after', 'signed_report']);
    for (const p of c.photos) expect(p.sha256).toBe(hashOf.get(p.fileId));
    expect(c.kit).toMatchObject({ orderId, status: 'ready' });
    expect(c.kit.items.map((i: { name: string }) => i.name)).toEqual(['Litter', 'Scoop']);
    expect(c.matchingAttempts.at(-1)).toMatchObject({ outcome: 'assigned', chosen: worker.id, price: '100.00' });
    expect(c.invoiceLine).toMatchObject({ orderId, amount: '100.00', invoiceId: expect.any(String), invoiceStatus: expect.any(String) });
    expect(c.emails.map((e: { template: string }) => e.template)).toEqual(
      expect.arrayContaining(['order-received', 'order-scheduled-client', 'order-scheduled-worker']),
    );
    for (const e of c.emails) expect(['mia@chorecat.test', c.people[worker.id].email]).toContain(e.to);
    expect(c.worker).toMatchObject({ id: worker.id, completedOrders: 1 });
    // A completed order allows a manager nothing more.
    expect(c.actions).toEqual([]);

    // The worker's record lists their other orders by id (the other order, if it was theirs); nothing else of it shows.
    const shown = JSON.stringify({ ...c, worker: null });
    expect(shown).not.toContain(other);
    expect(shown).not.toContain('other-client@chorecat.test');
    expect(shown).not.toContain('Olga Other');
  });

  it('shows an order with no worker yet, offering the cancel form its lifecycle allows', async () => {
    const orderId = await d.createOrder(new Date(d.now().getTime() + 4 * DAY));
    await d.deliver();
    const c = await page(orderId);
    expect(c.order).toMatchObject({ id: orderId, status: 'created', workerId: null });
    expect(c).toMatchObject({ worker: null, photos: [], matchingAttempts: [], invoiceLine: null, kit: { orderId } });
    expect(Object.keys(c.people)).toEqual([d.clients[0]!.id]);
    expect(c.timeline.map((e: { event: string }) => e.event)).toEqual(['created']);
    expect(c.emails.map((e: { template: string }) => e.template)).toEqual(['order-received']);
    expect(c.actions).toEqual([{ action: 'cancel', href: `/admin/resources/orders/records/${orderId}/cancelOrder` }]);
  });

  it('names the reviewer and the people on a review of the order (the same gathering)', async () => {
    const orderId = await d.createOrder(new Date(d.now().getTime() + 5 * DAY));
    expect((await d.cancel(orderId, 'owner')).status).toBe(200);
    await d.deliver();
    const [review] = await sql<{ id: string }>(t.db, 'SELECT id FROM reviews WHERE order_id = $1', [orderId]);
    const res = await panel.get(`/admin/api/resources/reviews/records/${review!.id}/dossier`);
    const dossier = JSON.parse(res.body.record.params.dossier);
    expect(dossier).toMatchObject({ id: review!.id, order: { id: orderId, status: 'cancelled' }, worker: null });
    expect(dossier.people[d.clients[0]!.id]).toMatchObject({ name: 'Mia Whiskers' });
    // The API's review is as the contract has it: ids, no names.
    const api = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', `Bearer ${d.manager.token}`).expect(200)).body;
    expect(api).not.toHaveProperty('people');
  });
});
