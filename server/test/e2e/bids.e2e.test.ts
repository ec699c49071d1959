import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { login } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { settle } from '../helpers/orders.ts';
import { bidsOnAnOrder } from '../../../examples/bids-on-an-order.ts';

/** The bids example from examples/, on a running server through the SDK. */
describe('bids through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestPlatform();
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('stakes on an order, sees the pot split when the order fails, and marks the shares paid', async () => {
    const manager = await t.userWithRoles(['manager']);
    const client = await t.userWithRoles(['client']);
    await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Yarn untangling', description: '', durationMinutes: 60 })
      .expect(201);
    const settlement = await bidsOnAnOrder(baseUrl, {
      manager: { email: manager.email, password: 'test-password' },
      client: (await login({ baseUrl }, { email: client.email, password: 'test-password' })).client,
      deliver: () => settle(t),
    });
    expect(settlement).toMatchObject({ outcome: 'failed', pot: '10.00', winnersPot: '10.00', developersShare: '0.00', remainder: '0.01' });
    expect(settlement.shares.map((s) => [s.stake, s.amount, s.status, s.managerId])).toEqual([
      ['3.00', '3.33', 'paid', manager.id],
      ['6.00', '6.67', 'paid', manager.id],
    ]);
  });
});
