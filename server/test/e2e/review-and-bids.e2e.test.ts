import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { unwrap } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { bringKitReady, settle } from '../helpers/orders.ts';
import { seedDemoReviewForms } from '../../src/modules/quality/application/seed-demo-forms.ts';
import { reviewAndBids } from '../../../examples/review-and-bids.ts';

/**
 * The review-and-bids example from examples/, on a running server through the
 * SDK: two managers stake, the order fails without a check-in, the pot is
 * settled and a share marked paid, the failure is overturned on review, and
 * the month's statement carries the fine and its reversal.
 */
describe('bids and a review through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestPlatform();
    await seedDemoReviewForms(t.platform.kernel);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('settles the stakes, reverses the fine, and shows both on the statement', async () => {
    const password = 'test-password';
    const [client, manager, admin, worker] = await Promise.all([
      t.userWithRoles(['client']),
      t.userWithRoles(['manager']),
      t.userWithRoles(['admin']),
      t.userWithRoles(['worker']),
    ]);
    const type = await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Hairball patrol', description: '', durationMinutes: 60 })
      .expect(201);

    const result = await reviewAndBids(baseUrl, {
      people: {
        client: { email: client.email, password },
        managers: [
          { email: manager.email, password },
          { email: admin.email, password },
        ],
        workers: [{ email: worker.email, password }],
      },
      scheduleOrder: async (sdk, startsAt) => {
        const order = unwrap(
          await sdk.POST('/v1/orders', {
            body: { serviceTypeId: type.body.id, startsAt: startsAt.toISOString(), address: '9 Rug Road', description: '' },
          }),
        );
        expect(await bringKitReady(t, order.id)).toBe('scheduled');
        return unwrap(await sdk.GET('/v1/orders/{id}', { params: { path: { id: order.id } } }));
      },
      deliver: () => settle(t),
    });

    expect(result.order).toMatchObject({ status: 'failed', failureReason: 'no_check_in', workerId: worker.id });
    // 30.00 + 20.00 on `failed` win the whole pot of 60.00 (with 10.00 lost on `completed`): 36.00 and 24.00.
    expect(result.settlement).toMatchObject({ outcome: 'failed', pot: '60.00', winnersPot: '60.00', developersShare: '0.00' });
    expect(result.settlement.shares.map((s) => [s.managerId, s.stake, s.amount])).toEqual([
      [manager.id, '30.00', '36.00'],
      [admin.id, '20.00', '24.00'],
    ]);
    expect(result.paidShare).toMatchObject({ id: result.settlement.shares[0]!.id, status: 'paid' });
    expect(result.review).toMatchObject({ reason: 'failed', verdict: 'overturned', fineReversed: true, status: 'done' });
    const lines = result.statement.lines.filter((l) => l.orderId === result.order.id || l.kind === 'adjustment');
    expect(lines.map((l) => [l.kind, l.amount])).toEqual([
      ['fine', '-40.00'],
      ['adjustment', '40.00'],
    ]);
    expect(lines[1]!.description).toContain(result.review.id);
    expect(result.statement).toMatchObject({ fines: '40.00', adjustments: '40.00', net: '0.00' });
  });
});
