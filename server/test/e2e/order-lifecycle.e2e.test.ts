import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ChorecatError, formatCents, login, toCents, unwrap, uploadFile } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { PNG_1x1 } from '../helpers/images.ts';
import { settle } from '../helpers/orders.ts';

/** A client and a worker drive an order from creation to completion through the SDK, as partner apps would. */
describe('an order through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let clientUser: { email: string };
  let workerUser: { id: string; email: string };
  let suppliesUser: { email: string };
  let managerUser: { email: string };
  let completedOrderId = '';

  beforeAll(async () => {
    t = await createTestPlatform();
    clientUser = await t.userWithRoles(['client']);
    workerUser = await t.userWithRoles(['worker']);
    suppliesUser = await t.userWithRoles(['supplies']);
    const manager = await t.userWithRoles(['manager']);
    managerUser = manager;
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
    completedOrderId = order.id;
  });

  it("bills it: a top-up, the week's invoice paid from the balance, the month's statement with a reward", async () => {
    const client = (await login({ baseUrl }, { email: clientUser.email, password: 'test-password' })).client;
    const worker = (await login({ baseUrl }, { email: workerUser.email, password: 'test-password' })).client;
    const manager = (await login({ baseUrl }, { email: managerUser.email, password: 'test-password' })).client;
    await settle(t);

    // A declined card is a typed refusal; nothing is credited.
    const declined = await client.POST('/v1/top-ups', { body: { amount: '150.00', paymentMethod: '4000000000000002' } });
    expect(declined.response.status).toBe(402);
    expect(() => unwrap(declined)).toThrow(ChorecatError);
    expect(declined.error?.code).toBe('BILLING.PAYMENT_DECLINED');
    unwrap(await client.POST('/v1/top-ups', { body: { amount: '150.00', paymentMethod: '4242424242424242' } }));
    const upcoming = unwrap(await client.GET('/v1/invoices/upcoming'));
    expect(upcoming.lines.map((l) => l.orderId)).toEqual([completedOrderId]);
    expect(upcoming.total).toBe('100.00');

    // The manager rewards the worker in the order's month (whatever today's date), paid with that month's statement.
    unwrap(
      await manager.POST('/v1/workers/{id}/rewards', {
        params: { path: { id: workerUser.id } },
        body: { amount: '5.00', reason: 'Five stars' },
      }),
    );

    // A week on (the sandbox clock replays Sunday's run): the invoice is issued and paid from the balance.
    unwrap(await manager.POST('/v1/sandbox/clock', { body: { advanceBy: 'P7D' } }));
    const [invoice] = unwrap(await client.GET('/v1/invoices')).data;
    expect(invoice).toMatchObject({ status: 'paid', total: '100.00' });
    expect(invoice!.lines.map((l) => l.orderId)).toEqual([completedOrderId]);
    const { balance } = unwrap(await client.GET('/v1/balance'));
    expect(formatCents(toCents('150.00') - toCents(invoice!.total))).toBe(balance);

    // Past the month's end (38 days after the order: one month end, perhaps two; the later has nothing to state).
    unwrap(await manager.POST('/v1/sandbox/clock', { body: { advanceBy: 'P31D' } }));
    const statements = unwrap(await worker.GET('/v1/statements')).data;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ earned: '60.00', rewards: '5.00', net: '65.00' });
  });
});
