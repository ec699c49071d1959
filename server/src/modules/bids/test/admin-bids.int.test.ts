import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { panelSession, signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { settle } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;

describe('bids in the admin panel', () => {
  let t: TestPlatform;
  let manager: { id: string; email: string; token: string };
  let client: { id: string; token: string };
  let panel: supertest.Agent;
  let serviceTypeId: string;

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    client = await t.userWithRoles(['client']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Hairball removal', description: '', durationMinutes: 60 })
        .expect(201)
    ).body.id;
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  it('places a bid on an order, lists its bids, shows its settlement and marks a due share paid, through the use cases', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 3 * HOUR);
    const order = (
      await t.api
        .post('/v1/orders')
        .set('authorization', `Bearer ${client.token}`)
        .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '4 Panel Lane' })
        .expect(201)
    ).body;
    // "Place bid…" on the order: validated by the same use case as the API.
    const refused = await panel
      .post(`/admin/api/resources/orders/records/${order.id}/placeBid`)
      .field('amount', '5')
      .field('condition', 'failed');
    expect(refused.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/two decimals/) });
    const placed = await panel
      .post(`/admin/api/resources/orders/records/${order.id}/placeBid`)
      .field('amount', '12.50')
      .field('condition', 'failed');
    expect(placed.body.notice).toMatchObject({ type: 'success' });
    expect(placed.body.redirectUrl).toContain(`/admin/resources/bids?filters.orderId=${order.id}`);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'bid.placed' AND actor_id = $1", [manager.id])).toHaveLength(1);
    const bids = await panel.get(`/admin/api/resources/bids/actions/list?filters.orderId=${order.id}`).expect(200);
    expect(bids.body.records.map((r: { params: { amount: string; condition: string } }) => [r.params.amount, r.params.condition])).toEqual([
      ['12.50 cat-units', 'failed'],
    ]);
    const toBids = await panel.get(`/admin/api/resources/orders/records/${order.id}/bids`).expect(200);
    expect(toBids.body.redirectUrl).toContain(`/admin/resources/bids?filters.orderId=${order.id}`);

    // Nobody matched by the start: the order fails, the failed-bid wins the whole pot.
    await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ advanceTo: new Date(startsAt.getTime() + 60_000).toISOString() })
      .expect(200);
    await settle(t);
    const settlements = await panel.get(`/admin/api/resources/settlements/actions/list?filters.orderId=${order.id}`).expect(200);
    expect(
      settlements.body.records.map((r: { params: Record<string, string> }) => [r.params.outcome, r.params.pot, r.params.developersShare]),
    ).toEqual([['failed', '12.50 cat-units', '0.00 cat-units']]);
    const shares = await panel.get(`/admin/api/resources/settlement_shares/actions/list?filters.orderId=${order.id}`).expect(200);
    const [share] = shares.body.records as { id: string; params: Record<string, string> }[];
    expect([share!.params.amount, share!.params.status, share!.params.managerId]).toEqual(['12.50 cat-units', 'due', manager.id]);

    // "Mark paid": a confirmation form on GET (nothing changes), the use case on POST; a second time refused.
    const form = await panel.get(`/admin/api/resources/settlement_shares/records/${share!.id}/markPaid`);
    expect(form.status).toBe(200);
    expect((await sql<{ status: string }>(t.db, 'SELECT status FROM settlement_shares WHERE id = $1', [share!.id]))[0]!.status).toBe('due');
    const paid = await panel.post(`/admin/api/resources/settlement_shares/records/${share!.id}/markPaid`);
    expect(paid.body.notice).toMatchObject({ type: 'success' });
    expect(await sql(t.db, 'SELECT status, paid_by FROM settlement_shares WHERE id = $1', [share!.id])).toEqual([
      { status: 'paid', paid_by: manager.id },
    ]);
    const again = await panel.post(`/admin/api/resources/settlement_shares/records/${share!.id}/markPaid`);
    expect(again.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/already marked paid/) });
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'settlement_share.paid' AND target_id = $1", [share!.id])).toHaveLength(
      1,
    );
  });

  it('is for managers and admins: supplies staff are refused', async () => {
    const { agent } = await panelSession(t, ['supplies']);
    for (const resource of ['bids', 'settlements', 'settlement_shares']) {
      expect((await agent.get(`/admin/api/resources/${resource}/actions/list`)).status, resource).toBe(403);
      expect((await panel.get(`/admin/api/resources/${resource}/actions/list`)).status, resource).toBe(200);
    }
  });
});
