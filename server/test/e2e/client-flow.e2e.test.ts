import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startFlowPlatform, type FlowPlatform } from '../helpers/flows.ts';
import { clientFlow } from '../../../examples/client-flow.ts';

/**
 * The client-flow example from examples/, on a running server through the
 * SDK: register and verify with the code from the mailbox, order, follow
 * the order to completion, accept with a rating, top up, and see Sunday's
 * invoice paid from the balance.
 */
describe('a client’s whole flow through the SDK', () => {
  let f: FlowPlatform;
  beforeAll(async () => {
    f = await startFlowPlatform();
  });
  afterAll(() => f.close());

  it('registers, orders, accepts, tops up, and Sunday’s invoice is paid from the balance', async () => {
    const lines: string[] = [];
    const result = await clientFlow(f.baseUrl, { mailboxUrl: f.mailboxUrl, staff: f.staff, deliver: f.deliver, log: (l) => lines.push(l) });

    expect(result.order).toMatchObject({ status: 'completed', price: '100.00', rating: 4 });
    expect(result.topUp).toMatchObject({ amount: '100.00', status: 'succeeded' });
    // A new client: nothing paid before, so no discount; the filler orders were cancelled and cost nothing.
    expect(result.invoice.lines.map((l) => [l.orderId, l.price])).toEqual([[result.order.id, '100.00']]);
    expect(result.invoice).toMatchObject({ subtotal: '100.00', discountRate: 0, discount: '0.00', total: '100.00', status: 'paid' });
    expect(new Date(result.invoice.periodEnd).getUTCDay()).toBe(0);
    expect(result.balance).toBe('0.00');
    expect(lines.some((l) => l.includes('timeline created → matching → scheduled → in_progress → reported → completed'))).toBe(true);
  }, 120_000); // a whole actor life: ~28 s alone on a busy 2-core machine, over the 30 s default
});
