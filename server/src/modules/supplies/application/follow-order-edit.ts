import { transaction } from '../../../platform/database.ts';
import type { OrderEventPayload } from '../../orders/index.ts';
import { findKitByOrder, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';

/** On `order.edited`: the queue follows the order's new start (a cookie already ordered is not re-ordered). */
export async function followOrderEdit(s: Supplies, order: OrderEventPayload): Promise<void> {
  const { kernel } = s;
  await transaction(kernel.db, async (tx) => {
    const kit = await findKitByOrder(kernel.db, order.orderId, tx, true);
    if (!kit) throw new Error(`the kit of order ${order.orderId} is not open yet`);
    if (new Date(kit.order_starts_at).getTime() === Date.parse(order.startsAt)) return;
    await updateKit(kernel.db, tx, kit.id, { order_starts_at: new Date(order.startsAt) }, kernel.clock.now());
  });
}
