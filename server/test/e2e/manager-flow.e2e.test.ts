import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startFlowPlatform, type FlowPlatform } from '../helpers/flows.ts';
import { managerFlow } from '../../../examples/manager-flow.ts';

/**
 * The manager-flow example from examples/, on a running server through the
 * SDK: hire, edit an order, stake on it, settle its failure, review and
 * overturn the failure, reward the worker.
 */
describe('a manager’s whole flow through the SDK', () => {
  let f: FlowPlatform;
  beforeAll(async () => {
    f = await startFlowPlatform();
  });
  afterAll(() => f.close());

  it('hires, edits, bids, settles, overturns the failure and rewards', async () => {
    const result = await managerFlow(f.baseUrl, { mailboxUrl: f.mailboxUrl, staff: f.staff, deliver: f.deliver });

    expect(result.edited).toMatchObject({ address: '5 New Basket Road', description: 'Ring twice; the cat is shy' });
    expect(result.order).toMatchObject({
      status: 'failed',
      failureReason: 'no_check_in',
      workerId: result.workerId,
      address: '5 New Basket Road',
    });
    // 30.00 on `failed` wins the whole pot of 40.00 (10.00 lost on `completed`).
    expect(result.settlement).toMatchObject({ outcome: 'failed', pot: '40.00', winnersPot: '40.00', developersShare: '0.00' });
    expect(result.settlement.shares.map((s) => [s.stake, s.amount])).toEqual([['30.00', '40.00']]);
    expect(result.paidShare).toMatchObject({ status: 'paid', amount: '40.00' });
    expect(result.review).toMatchObject({ reason: 'failed', verdict: 'overturned', fineReversed: true, status: 'done' });
    expect(result.reward).toMatchObject({ amount: '15.00', reason: 'Good sport about the mix-up' });
    expect(result.earnings).toMatchObject({ failedOrders: 1, fines: '40.00', adjustments: '40.00', rewards: '15.00', net: '15.00' });
  }, 120_000); // a whole actor life: ~28 s alone on a busy 2-core machine, over the 30 s default
});
