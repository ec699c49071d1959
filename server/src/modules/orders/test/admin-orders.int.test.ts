import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { PNG_1x1 } from '../../../../test/helpers/images.ts';
import { bringKitReady, kitOfOrder, settle } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;

describe('orders in the admin panel', () => {
  let t: TestPlatform;
  let manager: { id: string; email: string; token: string };
  let client: { id: string; token: string };
  let worker: { id: string; token: string };
  let serviceTypeId: string;
  let panel: supertest.Agent;

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    client = await t.userWithRoles(['client']);
    worker = await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Perch', description: '', durationMinutes: 60 })
    ).body.id;
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  /** An order taken through its kit and matching to `scheduled`. */
  const newOrder = async (hours: number) => {
    const { body } = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${client.token}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + hours * HOUR).toISOString(), address: '1 Panel Road' });
    expect(await bringKitReady(t, body.id)).toBe('scheduled');
    return (await t.api.get(`/v1/orders/${body.id}`).set('authorization', `Bearer ${client.token}`)).body;
  };

  it('lists orders by status, edits one through the use case (timeline + audit), and cancels one', async () => {
    const order = await newOrder(30);
    const list = await panel.get('/admin/api/resources/orders/actions/list?filters.status=scheduled');
    expect(list.status).toBe(200);
    expect(list.body.records.map((r: { id: string }) => r.id)).toContain(order.id);
    const edited = await panel.post(`/admin/api/resources/orders/records/${order.id}/edit`).field('address', '2 Panel Road');
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    const timeline = (await t.api.get(`/v1/orders/${order.id}/timeline`).set('authorization', `Bearer ${client.token}`)).body.data;
    expect(timeline.at(-1)).toMatchObject({
      event: 'edited',
      actorId: manager.id,
      changes: { address: { from: '1 Panel Road', to: '2 Panel Road' } },
    });
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'order.edited' AND target_id = $1", [order.id])).toHaveLength(1);
    const badStart = await panel.post(`/admin/api/resources/orders/records/${order.id}/edit`).field('startsAt', '2001-01-01T00:00:00Z');
    expect(badStart.body.notice).toMatchObject({ type: 'error' });

    const cancelled = await panel.post(`/admin/api/resources/orders/records/${order.id}/cancelOrder`);
    expect(cancelled.body.notice).toMatchObject({ type: 'success' });
    expect((await t.api.get(`/v1/orders/${order.id}`).set('authorization', `Bearer ${client.token}`)).body.status).toBe('cancelled');
    const again = await panel.post(`/admin/api/resources/orders/records/${order.id}/cancelOrder`);
    expect(again.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/cannot take "cancel"/) });
  });

  it("shows an order's timeline and photos, the photos only to a signed-in panel user", async () => {
    const order = await newOrder(1.5);
    const photoId = (await t.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`).attach('file', PNG_1x1, 'p.png')).body.id;
    await t.api.post(`/v1/orders/${order.id}/check-in`).set('authorization', `Bearer ${worker.token}`).send({ photoId }).expect(200);
    const timeline = await panel.get(`/admin/api/resources/order_timeline/actions/list?filters.orderId=${order.id}`);
    expect(timeline.body.records.map((r: { params: { event: string } }) => r.params.event).sort()).toEqual([
      'check_in',
      'created',
      'kit_ready',
      'worker_assigned',
    ]);
    const photos = await panel.get(`/admin/api/resources/order_photo_list/actions/list?filters.orderId=${order.id}`);
    expect(photos.body.records.map((r: { params: { fileId: string; purpose: string } }) => [r.params.purpose, r.params.fileId])).toEqual([
      ['check_in', photoId],
    ]);
    const image = await panel.get(`/admin/photos/${photoId}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const anonymous = await supertest(t.platform.app).get(`/admin/photos/${photoId}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe('/admin/login');
  });

  it('gives supplies staff their kit queue (pack and ready through the use cases) and nothing else', async () => {
    await t.listen();
    const staff = await t.userWithRoles(['supplies']);
    const desk = await signedInPanel(t, staff.email);
    const later = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${client.token}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + 60 * HOUR).toISOString(), address: '5 Queue Street' });
    const sooner = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${client.token}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + 50 * HOUR).toISOString(), address: '6 Queue Street' });
    await settle(t);
    const queue = await desk.get('/admin/api/resources/kits/actions/list?filters.status=open');
    expect(queue.status).toBe(200);
    const orderIds = queue.body.records.map((r: { params: { orderId: string } }) => r.params.orderId);
    expect(orderIds.indexOf(sooner.body.id)).toBeGreaterThanOrEqual(0);
    expect(orderIds.indexOf(sooner.body.id)).toBeLessThan(orderIds.indexOf(later.body.id));

    const kit = (await kitOfOrder(t, sooner.body.id))!;
    const early = await desk.post(`/admin/api/resources/kits/records/${kit.id}/ready`);
    expect(early.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/cookie has not arrived/) });
    await t.supplier.deliver(kit.cookie_supplier_order_id!);
    expect((await desk.post(`/admin/api/resources/kits/records/${kit.id}/pack`)).body.notice).toMatchObject({ type: 'success' });
    const ready = await desk.post(`/admin/api/resources/kits/records/${kit.id}/ready`);
    expect(ready.body.notice).toMatchObject({ type: 'success' });
    expect(ready.body.record.params.status).toBe('ready');
    expect(
      await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'kit.ready' AND target_id = $1 AND actor_id = $2", [kit.id, staff.id]),
    ).toHaveLength(1);
    await settle(t);
    expect((await t.api.get(`/v1/orders/${sooner.body.id}`).set('authorization', `Bearer ${client.token}`)).body.status).toBe('scheduled');

    // Nothing but the queue: users, orders and the audit log are closed to supplies staff (and gone from their sidebar).
    for (const resource of ['users', 'orders', 'audit_log']) {
      const res = await desk.get(`/admin/api/resources/${resource}/actions/list`);
      // A 403 problem, not AdminJS's 200 with a ForbiddenError notice.
      expect(res.status, resource).toBe(403);
      expect(res.body, resource).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(res.body.records, resource).toBeUndefined();
    }
    // Managers keep their screens and see the queue too.
    expect((await panel.get('/admin/api/resources/kits/actions/list')).body.records.length).toBeGreaterThan(0);
    expect((await panel.get('/admin/api/resources/users/actions/list')).body.records.length).toBeGreaterThan(0);
  });
});
