import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startFlowPlatform, type FlowPlatform } from '../helpers/flows.ts';
import { workerFlow } from '../../../examples/worker-flow.ts';

/**
 * The worker-flow example from examples/, on a running server through the
 * SDK: apply with the proof-of-work, set a password from the mailbox, pass
 * the test, get hired, take an order, check in, report with photos, and see
 * the month's statement paid out through Golden Hat.
 */
describe('a worker’s whole flow through the SDK', () => {
  let f: FlowPlatform;
  beforeAll(async () => {
    f = await startFlowPlatform();
  });
  afterAll(() => f.close());

  it('is hired, does the job, and is paid its 60 % on the month’s statement', async () => {
    const lines: string[] = [];
    const result = await workerFlow(f.baseUrl, { mailboxUrl: f.mailboxUrl, staff: f.staff, deliver: f.deliver, log: (l) => lines.push(l) });

    expect(result.testScores).toEqual([100]);
    expect(result.workerCode).toMatch(/^WL-BEN-\d{4}-\d{4}$/);
    expect(result.order).toMatchObject({ status: 'completed', workerId: result.workerId, price: '100.00', rating: 5 });
    expect(result.earnings).toMatchObject({ completedOrders: 1, earned: '60.00', net: '60.00' });
    expect(result.statement.lines.map((l) => [l.kind, l.orderId, l.amount])).toEqual([['earning', result.order.id, '60.00']]);
    expect(result.statement).toMatchObject({ workerId: result.workerId, earned: '60.00', fines: '0.00', net: '60.00', status: 'paid' });
    expect(result.statement.paidAt).not.toBeNull();
    expect(lines).toContain(`[manager] hires the applicant: worker ${result.workerCode}`);
  }, 120_000); // a whole actor life: ~28 s alone on a busy 2-core machine, over the 30 s default
});
