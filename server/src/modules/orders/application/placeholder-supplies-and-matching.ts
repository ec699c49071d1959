import type { Kernel } from '../../../platform/module.ts';
import { transaction, sql } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { findOrder, type OrderRow } from '../infra/orders.repository.ts';
import { isWorkerOverlap } from '../infra/errors.ts';
import { applyTransition } from './transition.ts';

/**
 * PLACEHOLDER until the supplies and matching issue: stands in for both
 * modules so orders can be driven end to end today. It marks the kit ready
 * at once (`kit_ready`) and assigns a random active worker free for the
 * whole slot (`worker_assigned`) at the fixed price of 100.00. The database's
 * exclusion constraint has the last word: on a clash it tries the next
 * worker; with nobody free the order stays in `matching`.
 *
 * The real modules will drive the same two events through orders' door;
 * this file is then deleted.
 */
export const PLACEHOLDER_PRICE = Money.parse('100.00');

export async function placeholderSuppliesAndMatching(kernel: Pick<Kernel, 'db' | 'clock'>, orderId: string): Promise<OrderRow> {
  await transaction(kernel.db, async (tx) => {
    const order = await findOrder(kernel.db, orderId, tx, true);
    if (order?.status === 'created') await applyTransition(kernel, tx, order, 'kit_ready', 'system');
  });
  const order = (await findOrder(kernel.db, orderId))!;
  if (order.status !== 'matching') return order;
  const candidates = await sql<{ id: string }>(
    kernel.db,
    `SELECT u.id FROM users u
     WHERE 'worker' = ANY(u.roles) AND NOT u.disabled AND u.erased_at IS NULL AND u.id <> $1
       AND NOT EXISTS (
         SELECT 1 FROM orders o WHERE o.worker_id = u.id
           AND o.status IN ('scheduled', 'in_progress', 'reported', 'completed')
           AND tstzrange(o.starts_at, o.ends_at) && tstzrange($2::timestamptz, $3::timestamptz))
     ORDER BY random()`,
    [order.client_id, order.starts_at, order.ends_at],
  );
  for (const { id: workerId } of candidates) {
    try {
      return await transaction(kernel.db, async (tx) => {
        const locked = (await findOrder(kernel.db, orderId, tx, true))!;
        if (locked.status !== 'matching') return locked;
        return applyTransition(kernel, tx, locked, 'worker_assigned', 'system', {
          changes: { worker_id: workerId, price_cents: PLACEHOLDER_PRICE.cents },
        });
      });
    } catch (error) {
      if (!isWorkerOverlap(error)) throw error;
    }
  }
  return (await findOrder(kernel.db, orderId))!;
}
