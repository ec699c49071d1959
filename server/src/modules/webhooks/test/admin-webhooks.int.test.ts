import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql, transaction } from '../../../platform/database.ts';
import { recordPublicEvent } from '../../../platform/event-feed.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { panelSession, signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { startReceiver } from '../../../../test/helpers/http-receiver.ts';

/** Platform → webhooks in the panel: endpoints with their success rate, deliveries, the attempts log, and the actions. */
describe('webhooks in the admin panel', () => {
  let t: TestPlatform;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let manager: { id: string; email: string; token: string };
  let panel: supertest.Agent;

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    receiver = await startReceiver();
    manager = await t.userWithRoles(['manager']);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const deliver = () => t.platform.kernel.scheduler.runJob('webhooks.deliver', t.clock.now(), 'test');

  it('lists endpoints with their success rate and never a secret; Send test event, Redeliver, Enable and Delete run the use cases', async () => {
    const created = await t.api
      .post('/v1/webhook-endpoints')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ url: receiver.url('/panel'), eventTypes: ['*'] })
      .expect(201);
    const id = created.body.id as string;
    receiver.on('/panel', { kind: 'status', status: 500, body: 'down' }, { kind: 'status', status: 200, body: 'up' });
    await transaction(t.db, (tx) =>
      recordPublicEvent(t.db, tx, { type: 'order.created', data: {}, audience: [], occurredAt: t.clock.now() }),
    );
    await deliver();

    const list = await panel.get('/admin/api/resources/webhooks/actions/list').expect(200);
    const [record] = list.body.records as { id: string; params: Record<string, unknown> }[];
    expect(record).toMatchObject({
      id,
      params: { url: receiver.url('/panel'), status: 'active', successRate: '0.0', pendingDeliveries: 1 },
    });
    const shown = await panel.get(`/admin/api/resources/webhooks/records/${id}/show`).expect(200);
    for (const body of [JSON.stringify(list.body), JSON.stringify(shown.body)]) {
      expect(body).not.toContain(created.body.secret);
      expect(body).not.toMatch(/secretEncrypted|secret_encrypted|whsec_/);
    }

    // The delivery log: the failed attempt with its status and the answer's first bytes.
    const attempts = await panel.get(`/admin/api/resources/webhook_delivery_attempts/actions/list?filters.endpointId=${id}`).expect(200);
    expect(attempts.body.records.map((r: { params: Record<string, unknown> }) => [r.params.statusCode, r.params.responseExcerpt])).toEqual([
      [500, 'down'],
    ]);

    // Redeliver: due at once (the next run sends it), and it succeeds this time.
    const deliveries = await panel.get(`/admin/api/resources/webhook_deliveries/actions/list?filters.endpointId=${id}`).expect(200);
    const deliveryId = deliveries.body.records[0].id as string;
    const form = await panel.get(`/admin/api/resources/webhook_deliveries/records/${deliveryId}/redeliver`).expect(200);
    expect(form.body.notice).toBeUndefined();
    const redelivered = await panel.post(`/admin/api/resources/webhook_deliveries/records/${deliveryId}/redeliver`);
    expect(redelivered.body.notice).toMatchObject({ type: 'success' });
    await deliver();
    expect(await sql(t.db, 'SELECT status, attempts FROM webhook_deliveries WHERE id = $1', [deliveryId])).toEqual([
      { status: 'succeeded', attempts: 2 },
    ]);

    // Send test event: a signed webhook.test to this endpoint alone.
    const test = await panel.post(`/admin/api/resources/webhooks/records/${id}/sendTestEvent`);
    expect(test.body.notice).toMatchObject({ type: 'success' });
    await deliver();
    expect(receiver.at('/panel').map((r) => r.headers['chorecat-event-type'])).toEqual(['order.created', 'order.created', 'webhook.test']);
    const again = await panel.get('/admin/api/resources/webhooks/actions/list').expect(200);
    expect(again.body.records[0].params.successRate).toBe('66.7');

    // Enable (after a disabling) and Delete, audited like the API's.
    await sql(
      t.db,
      "UPDATE webhook_endpoints SET status = 'disabled', disabled_at = now(), disabled_reason = 'test' WHERE id = $1 RETURNING id",
      [id],
    );
    expect((await panel.post(`/admin/api/resources/webhooks/records/${id}/sendTestEvent`)).body.notice).toMatchObject({ type: 'error' });
    expect((await panel.post(`/admin/api/resources/webhooks/records/${id}/enable`)).body.notice).toMatchObject({ type: 'success' });
    expect((await panel.post(`/admin/api/resources/webhooks/records/${id}/remove`)).body.notice).toMatchObject({ type: 'success' });
    const actions = await sql<{ action: string }>(
      t.db,
      'SELECT action FROM audit_log WHERE target_id IN ($1, $2) AND actor_id = $3 ORDER BY at, action',
      [id, deliveryId, manager.id],
    );
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'webhook_delivery.redelivered',
        'webhook_endpoint.created',
        'webhook_endpoint.deleted',
        'webhook_endpoint.enabled',
        'webhook_endpoint.test_event_sent',
      ].sort(),
    );
    expect((await panel.get('/admin/api/resources/webhooks/actions/list').expect(200)).body.records).toEqual([]);
  });

  it('sends a delivery once more under twenty racing Redelivers, and once more under a Redeliver racing a Delete', async () => {
    const created = await t.api
      .post('/v1/webhook-endpoints')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ url: receiver.url('/racing'), eventTypes: ['*'] })
      .expect(201);
    const id = created.body.id as string;
    await transaction(t.db, (tx) =>
      recordPublicEvent(t.db, tx, { type: 'order.created', data: {}, audience: [], occurredAt: t.clock.now() }),
    );
    await deliver();
    expect(receiver.at('/racing')).toHaveLength(1);
    const [delivery] = await sql<{ id: string }>(t.db, 'SELECT id FROM webhook_deliveries WHERE endpoint_id = $1', [id]);
    const racing = await Promise.all(
      Array.from({ length: 20 }, () => panel.post(`/admin/api/resources/webhook_deliveries/records/${delivery!.id}/redeliver`)),
    );
    expect(racing.map((r) => [r.status, r.body.notice?.type])).toEqual(Array.from({ length: 20 }, () => [200, 'success']));
    await deliver();
    await deliver();
    expect(receiver.at('/racing')).toHaveLength(2);

    // A Redeliver and a Delete at once: either order leaves the endpoint deleted and nothing more sent.
    const [redelivered, deleted] = await Promise.all([
      panel.post(`/admin/api/resources/webhook_deliveries/records/${delivery!.id}/redeliver`),
      t.api.delete(`/v1/webhook-endpoints/${id}`).set('authorization', `Bearer ${manager.token}`),
    ]);
    expect(redelivered.status).toBeLessThan(500);
    expect(deleted.status).toBe(204);
    await deliver();
    expect(receiver.at('/racing')).toHaveLength(2);
    expect(await sql(t.db, 'SELECT status FROM webhook_deliveries WHERE id = $1', [delivery!.id])).toEqual([
      { status: expect.stringMatching(/^(cancelled|succeeded)$/) },
    ]);
  });

  it('is for managers and admins: supplies staff are refused', async () => {
    const { agent } = await panelSession(t, ['supplies']);
    for (const resource of ['webhooks', 'webhook_deliveries', 'webhook_delivery_attempts']) {
      expect((await agent.get(`/admin/api/resources/${resource}/actions/list`)).status, resource).toBe(403);
      expect((await panel.get(`/admin/api/resources/${resource}/actions/list`)).status, resource).toBe(200);
    }
  });
});
