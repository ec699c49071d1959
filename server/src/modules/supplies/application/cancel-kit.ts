import { transaction } from '../../../platform/database.ts';
import type { OrderEventPayload } from '../../orders/index.ts';
import { findKitByOrder, updateKit, type KitChanges } from '../infra/kits.repository.ts';
import { assertKitStep, type Supplies } from './context.ts';
import { cancelCookie } from './cancel-cookie.ts';

/**
 * On `order.cancel` and `order.no_worker`: the kit is cancelled and its
 * cookie too (not yet ordered: simply never ordered; ordered: cancelled at
 * the supplier, retried like any supplier call; delivered: it stays).
 */
export async function cancelKit(s: Supplies, order: OrderEventPayload): Promise<void> {
  const { kernel } = s;
  const cancelling = await transaction(kernel.db, async (tx) => {
    const kit = await findKitByOrder(kernel.db, order.orderId, tx, true);
    // Events are delivered independently: the kit's `order.created` may still be on its way. Retry later.
    if (!kit) throw new Error(`the kit of order ${order.orderId} is not open yet`);
    if (kit.status === 'cancelled') return undefined;
    assertKitStep(kit, 'cancel', 'system');
    const now = kernel.clock.now();
    const changes: KitChanges = { status: 'cancelled', cancelled_at: now };
    if (kit.cookie_status === 'pending') Object.assign(changes, { cookie_status: 'cancelled', cookie_next_attempt_at: null });
    if (kit.cookie_status === 'ordered') {
      Object.assign(changes, { cookie_status: 'cancelling', cookie_attempts: 0, cookie_next_attempt_at: now, cookie_next_poll_at: null });
    }
    const updated = await updateKit(kernel.db, tx, kit.id, changes, now);
    return updated.cookie_status === 'cancelling' ? updated : undefined;
  });
  if (cancelling) await cancelCookie(s, cancelling.id);
}
