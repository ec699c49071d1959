import { recordKitEvent } from './record-kit-event.ts';
import { transaction } from '../../../platform/database.ts';
import type { OrderEventPayload } from '../../orders/index.ts';
import { kitCancelled } from '../domain/emails.ts';
import { findKitByOrder, updateKit, type KitChanges } from '../infra/kits.repository.ts';
import { assertKitStep, type Supplies } from './context.ts';
import { cancelCookie } from './cancel-cookie.ts';
import { emailSuppliesStaff } from './email-staff.ts';
import { openKit } from './open-kit.ts';

/** Why a kit is cancelled: the order event that ends it before it is used. */
export type KitCancelCause = 'cancel' | 'no_worker' | 'no_check_in';

const WHY: Record<KitCancelCause, string> = {
  cancel: 'the order was cancelled',
  no_worker: 'no worker was free for the order in time',
  no_check_in: 'the worker did not check in, so the order failed',
};

/**
 * On `order.cancel`, `order.no_worker` and `order.no_check_in`: the order
 * will never happen, so its kit is cancelled, whatever state it is in. Its
 * cookie follows: not yet ordered, it is simply never ordered; ordered, it
 * is cancelled at the supplier (retried like any supplier call); delivered,
 * it stays in the kit (the supplier cannot take it back). A kit that was
 * ready gives up its readiness (the schema ties `ready_at` to `ready`; the
 * audit log keeps who marked it). Staff, who were told the kit opened, are
 * told it is cancelled, so nobody finishes or hands out a kit for nothing.
 */
export async function cancelKit(supplies: Supplies, order: OrderEventPayload, cause: KitCancelCause): Promise<void> {
  const { kernel } = supplies;
  // This event may overtake `order.created`: the kit is then opened, already cancelled.
  await openKit(supplies, order);
  const cancelling = await transaction(kernel.db, async (tx) => {
    const kit = (await findKitByOrder(kernel.db, order.orderId, tx, true))!;
    if (kit.status === 'cancelled') return undefined;
    assertKitStep(kit, 'cancel', 'system');
    const now = kernel.clock.now();
    const changes: KitChanges = { status: 'cancelled', cancelled_at: now, ready_at: null, ready_by: null };
    if (kit.cookie_status === 'pending') Object.assign(changes, { cookie_status: 'cancelled', cookie_next_attempt_at: null });
    if (kit.cookie_status === 'ordered') {
      Object.assign(changes, { cookie_status: 'cancelling', cookie_attempts: 0, cookie_next_attempt_at: now, cookie_next_poll_at: null });
    }
    const updated = await updateKit(kernel.db, tx, kit.id, changes, now);
    await recordKitEvent(kernel, tx, 'kit.cancelled', updated);
    await emailSuppliesStaff(supplies, tx, kit, 'cancelled', kitCancelled, {
      why: WHY[cause],
      was: kit.status,
      cookie:
        kit.cookie_status === 'delivered' ? 'The cookie had arrived: it stays with us.' : 'The cookie is cancelled with the supplier.',
    });
    return updated.cookie_status === 'cancelling' ? updated : undefined;
  });
  if (cancelling) await cancelCookie(supplies, cancelling.id);
}
