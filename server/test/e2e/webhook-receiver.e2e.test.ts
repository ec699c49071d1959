import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { login, unwrap, uploadFile } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { PNG_1x1 } from '../helpers/images.ts';
import { settle } from '../helpers/orders.ts';
import { signedInPanel, testPanel } from '../helpers/panel.ts';
import { sql } from '../../src/platform/database.ts';
import { startWebhookReceiver } from '../../../examples/webhook-receiver.ts';

/**
 * The webhook-receiver example from examples/ follows an order's whole life
 * on a running server: every event arrives signed and verified, in the
 * order it happened, each once — also when a delivery is sent again.
 */
describe('the webhook receiver through an order’s whole life', () => {
  let t: TestPlatform;
  let baseUrl: string;

  beforeAll(async () => {
    // With the panel (its Redeliver sends a delivery again), and no completed order sampled into
    // quality review (a review.opened at random would make the order's life differ run to run).
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0' },
      mountBeforeApi: testPanel(),
    });
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('receives created, kit, scheduled, started, reported, completed and settled in order, each once after de-duplication', async () => {
    const [clientUser, workerUser, suppliesUser, managerUser] = await Promise.all([
      t.userWithRoles(['client']),
      t.userWithRoles(['worker']),
      t.userWithRoles(['supplies']),
      t.userWithRoles(['manager']),
    ]);
    const lines: string[] = [];
    const receiver = await startWebhookReceiver(baseUrl, {
      manager: { email: managerUser.email, password: 'test-password' },
      log: (line) => lines.push(line),
    });
    const deliver = async () => {
      await settle(t);
      await t.platform.kernel.scheduler.runJob('webhooks.deliver', t.clock.now(), 'test');
    };
    try {
      const signIn = async (email: string) => (await login({ baseUrl }, { email, password: 'test-password' })).client;
      const [client, worker, supplies] = [await signIn(clientUser.email), await signIn(workerUser.email), await signIn(suppliesUser.email)];
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${managerUser.token}`)
        .send({ name: 'Curtain climbing repair', description: '', durationMinutes: 60 })
        .expect(201);
      const type = unwrap(await client.GET('/v1/service-types')).data.find((s) => s.name === 'Curtain climbing repair')!;
      const startsAt = new Date(t.clock.now().getTime() + 3 * 60 * 60_000).toISOString();
      const order = unwrap(
        await client.POST('/v1/orders', { body: { serviceTypeId: type.id, startsAt, address: '4 Drape Row', description: '' } }),
      );
      const onOrder = { params: { path: { id: order.id } } };
      await deliver();

      const kit = unwrap(await supplies.GET('/v1/kits', { params: { query: { status: 'open' } } })).data.find(
        (k) => k.orderId === order.id,
      )!;
      await t.supplier.deliver(kit.cookie.supplierOrderId!);
      unwrap(await supplies.POST('/v1/kits/{id}/pack', { params: { path: { id: kit.id } }, body: {} }));
      unwrap(await supplies.POST('/v1/kits/{id}/ready', { params: { path: { id: kit.id } } }));
      await deliver();
      expect(unwrap(await client.GET('/v1/orders/{id}', onOrder)).status).toBe('scheduled');

      t.clock.moveTo(new Date(Date.parse(startsAt) - 30 * 60_000));
      const photo = async () => (await uploadFile(worker, new Blob([PNG_1x1], { type: 'image/png' }), 'photo.png')).id;
      unwrap(await worker.POST('/v1/orders/{id}/check-in', { ...onOrder, body: { photoId: await photo() } }));
      const shot = await photo();
      unwrap(
        await worker.POST('/v1/orders/{id}/report', {
          ...onOrder,
          body: { beforePhotoIds: [shot], afterPhotoIds: [shot], signedReportPhotoId: shot },
        }),
      );
      unwrap(await client.POST('/v1/orders/{id}/accept', { ...onOrder, body: { rating: 5 } }));
      await deliver();

      const aboutOrder = () =>
        receiver.events.filter(
          (e) => (e.data as { id?: string; orderId?: string }).id === order.id || (e.data as { orderId?: string }).orderId === order.id,
        );
      const expected = [
        'order.created',
        'kit.opened',
        'kit.ready',
        'order.scheduled',
        'order.started',
        'order.reported',
        'order.completed',
        // The settlement of the order's (empty) pot follows its completion.
        'settlement.computed',
      ];
      expect(aboutOrder().map((e) => e.type)).toEqual(expected);
      expect(new Set(aboutOrder().map((e) => e.id)).size).toBe(expected.length);
      const completed = aboutOrder().find((e) => e.type === 'order.completed')!;
      expect(completed.data).toMatchObject({ id: order.id, status: 'completed', rating: 5, workerId: workerUser.id });
      // The example prints each event as a one-line summary, never the JSON payload.
      const short = `${order.id.slice(0, 4)}…`;
      const price = (completed.data as { price: string }).price;
      expect(price).toMatch(/^\d+\.\d{2}$/);
      expect(lines).toContain(`order.created  order ${short} created`);
      expect(lines).toContain(`order.completed  order ${short} completed  price ${price}`);
      expect(lines).toContain(`kit.ready  kit ${(aboutOrder()[2]!.data as { id: string }).id.slice(0, 4)}… ready`);
      expect(lines.filter((l) => l.includes('{'))).toEqual([]);

      // A delivery sent again (Redeliver in the panel) carries the same event id: the receiver prints it once.
      const [delivery] = await sql<{ id: string }>(t.db, 'SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 AND event_type = $2', [
        receiver.endpointId,
        'order.completed',
      ]);
      const panel = await signedInPanel(t, managerUser.email);
      const redelivered = await panel.post(`/admin/api/resources/webhook_deliveries/records/${delivery!.id}/redeliver`);
      expect(redelivered.body.notice).toMatchObject({ type: 'success' });
      const linesBefore = lines.length;
      await deliver();
      expect(await sql(t.db, 'SELECT attempts FROM webhook_deliveries WHERE id = $1', [delivery!.id])).toEqual([{ attempts: 2 }]);
      expect(aboutOrder().map((e) => e.type)).toEqual(expected);
      expect(lines.length).toBe(linesBefore);
    } finally {
      await receiver.close();
    }
  });
});
