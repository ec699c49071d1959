import { transaction } from '../../../platform/database.ts';
import { findOrderSlot, type OrderEventPayload } from '../../orders/index.ts';
import { findKitByOrder, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { openKit } from './open-kit.ts';

/**
 * On `order.edited`: the queue follows the order's start (a cookie already
 * ordered is not re-ordered). The start is read from orders, not from the
 * event, so two edits delivered in either order leave the kit at the last.
 */
export async function followOrderEdit(supplies: Supplies, order: OrderEventPayload): Promise<void> {
  const { kernel } = supplies;
  await openKit(supplies, order);
  const slot = await findOrderSlot(kernel, order.orderId);
  const startsAt = slot?.startsAt ?? new Date(order.startsAt);
  await transaction(kernel.db, async (tx) => {
    const kit = (await findKitByOrder(kernel.db, order.orderId, tx, true))!;
    if (new Date(kit.order_starts_at).getTime() === startsAt.getTime()) return;
    await updateKit(kernel.db, tx, kit.id, { order_starts_at: startsAt }, kernel.clock.now());
  });
}
