import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { Money } from '../../../platform/money.ts';
import { transitionOrder } from './transition.ts';

/**
 * The two events supplies and matching drive (issue 5 calls these through
 * orders' door; today the placeholder does the same in-module).
 */
export function markKitReady(kernel: Pick<Kernel, 'db' | 'clock'>, orderId: string, by: Principal | 'system') {
  return transitionOrder(kernel, { orderId, event: 'kit_ready', caller: by });
}

/** The worker and the price are fixed together; the database refuses a worker who is busy then. */
export function assignWorker(kernel: Pick<Kernel, 'db' | 'clock'>, orderId: string, workerId: string, price: Money) {
  return transitionOrder(kernel, {
    orderId,
    event: 'worker_assigned',
    caller: 'system',
    changes: { worker_id: workerId, price_cents: price.cents },
  });
}
