import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { login, unwrap, uploadFile } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { PNG_1x1 } from '../helpers/images.ts';
import { settle } from '../helpers/orders.ts';

/** A client and a worker drive an order from creation to completion through the SDK, as partner apps would. */
describe('an order through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let clientUser: { email: string };
  let workerUser: { email: string };
  let suppliesUser: { email: string };

  beforeAll(async () => {
    t = await createTestPlatform();
    clientUser = await t.userWithRoles(['client']);
    workerUser = await t.userWithRoles(['worker']);
    suppliesUser = await t.userWithRoles(['supplies']);
    const manager = await t.userWithRoles(['manager']);
    await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Window perch', description: '', durationMinutes: 120 });
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('creates; supplies assembles the kit; the worker checks in and reports; the client accepts', async () => {
    const client = (await login({ baseUrl }, { email: clientUser.email, password: 'test-password' })).client;
    const worker = (await login({ baseUrl }, { email: workerUser.email, password: 'test-password' })).client;
    const supplies = (await login({ baseUrl }, { email: suppliesUser.email, password: 'test-password' })).client;

    const catalog = unwrap(await client.GET('/v1/service-types'));
    const type = catalog.data.find((s) => s.name === 'Window perch')!;
    const startsAt = new Date(t.clock.now().getTime() + 3 * 60 * 60_000).toISOString();
    const order = unwrap(
      await client.POST('/v1/orders', {
        body: { serviceTypeId: type.id, startsAt, address: '7 Sill Street', description: 'South window' },
      }),
    );
    expect(order).toMatchObject({ status: 'created', price: null, allowedActions: ['cancel'] });

    // The kit is opened and the cookie ordered (domain events); supplies staff work from their queue.
    await settle(t);
    const queue = unwrap(await supplies.GET('/v1/kits', { params: { query: { status: 'open' } } }));
    const kit = queue.data.find((k) => k.orderId === order.id)!;
    expect(kit.cookie.status).toBe('ordered');
    await t.supplier.deliver(kit.cookie.supplierOrderId!);
    unwrap(await supplies.POST('/v1/kits/{id}/pack', { params: { path: { id: kit.id } }, body: {} }));
    const ready = unwrap(await supplies.POST('/v1/kits/{id}/ready', { params: { path: { id: kit.id } } }));
    expect(ready.status).toBe('ready');
    await settle(t);
    expect(unwrap(await client.GET('/v1/orders/{id}', { params: { path: { id: order.id } } }))).toMatchObject({
      status: 'scheduled',
      price: '100.00',
      allowedActions: ['cancel'],
    });

    const mine = unwrap(await worker.GET('/v1/orders', { params: { query: { status: 'scheduled' } } }));
    expect(mine.data.map((o) => o.id)).toContain(order.id);

    const uploadPhoto = async () => (await uploadFile(worker, new Blob([PNG_1x1], { type: 'image/png' }), 'photo.png')).id;
    t.clock.moveTo(new Date(Date.parse(startsAt) - 30 * 60_000));
    const started = unwrap(
      await worker.POST('/v1/orders/{id}/check-in', { params: { path: { id: order.id } }, body: { photoId: await uploadPhoto() } }),
    );
    expect(started.status).toBe('in_progress');
    const photo = await uploadPhoto();
    const reported = unwrap(
      await worker.POST('/v1/orders/{id}/report', {
        params: { path: { id: order.id } },
        body: { beforePhotoIds: [photo], afterPhotoIds: [photo], signedReportPhotoId: photo },
      }),
    );
    expect(reported.status).toBe('reported');

    const review = unwrap(await client.GET('/v1/orders/{id}', { params: { path: { id: order.id } } }));
    expect(review.allowedActions).toEqual(['accept', 'reject']);
    const done = unwrap(await client.POST('/v1/orders/{id}/accept', { params: { path: { id: order.id } }, body: { rating: 5 } }));
    expect(done).toMatchObject({ status: 'completed', rating: 5 });
    const timeline = unwrap(await client.GET('/v1/orders/{id}/timeline', { params: { path: { id: order.id } } }));
    expect(timeline.data.map((e) => e.event)).toEqual(['created', 'kit_ready', 'worker_assigned', 'check_in', 'report', 'accept']);

    const illegal = await client.POST('/v1/orders/{id}/cancel', { params: { path: { id: order.id } }, body: {} });
    expect(illegal.response.status).toBe(409);
    expect(illegal.error?.code).toBe('ORDERS.ILLEGAL_TRANSITION');
  });
});
