import { ordersAwaitingWorker } from '../../orders/index.ts';
import { lastAttempts } from '../infra/attempts.repository.ts';
import { matchOrder, type Matcher } from './match-order.ts';

/**
 * Matches again every order still waiting for a worker whose last try is at
 * least one retry interval old, soonest start first. Orders whose start
 * passes with nobody found are failed by orders' own timer (`no_worker`).
 */
export async function retryMatching(m: Matcher): Promise<{ tried: number; assigned: number }> {
  const now = m.kernel.clock.now();
  const waiting = await ordersAwaitingWorker(m.kernel, now);
  const last = await lastAttempts(
    m.kernel.db,
    waiting.map((o) => o.orderId),
  );
  let tried = 0;
  let assigned = 0;
  for (const order of waiting) {
    const previous = last.get(order.orderId);
    if (previous?.open) continue; // an offers round is still asking
    if (previous && now.getTime() - previous.at.getTime() < m.kernel.config.matchingRetryMs) continue;
    tried++;
    if ((await matchOrder(m, order.orderId)) === 'assigned') assigned++;
  }
  return { tried, assigned };
}
