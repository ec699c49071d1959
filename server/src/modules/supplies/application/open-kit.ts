import { recordKitEvent } from './record-kit-event.ts';
import { transaction } from '../../../platform/database.ts';
import { getServiceType } from '../../catalog/index.ts';
import { findContact } from '../../identity/index.ts';
import { findOrderSlot, type OrderEventPayload } from '../../orders/index.ts';
import { kitOpened } from '../domain/emails.ts';
import { findKitByOrder, insertKit } from '../infra/kits.repository.ts';
import { emailSuppliesStaff } from './email-staff.ts';
import type { Supplies } from './context.ts';
import { orderCookie } from './order-cookie.ts';

/**
 * On `order.created` (SPEC §6.1–2): opens the order's kit from its service
 * type's template, emails every supplies staffer, and orders the cookie at
 * once (a failure is retried by `supplies.supplier-sync`). Idempotent: a
 * second delivery of the event finds the kit and does nothing.
 *
 * Every other handler of supplies calls it first with its own event's
 * payload: events are delivered independently (two dispatchers may run
 * them side by side), so a cancellation or an edit can arrive before the
 * order's `order.created`. Whichever arrives first opens the kit from the
 * freshest facts; the unique order id makes the later open a no-op.
 */
export async function openKit(supplies: Supplies, order: OrderEventPayload): Promise<void> {
  const { kernel } = supplies;
  if (await findKitByOrder(kernel.db, order.orderId)) return;
  const [type, client, slot] = await Promise.all([
    getServiceType(kernel, order.serviceTypeId),
    findContact(kernel, order.clientId),
    findOrderSlot(kernel, order.orderId),
  ]);
  // Cancelled (or failed) before this event reached us: nothing to assemble and no cookie to order.
  const gone = !slot || slot.status === 'cancelled' || slot.status === 'failed';
  const kit = await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const row = await insertKit(kernel.db, tx, {
      orderId: order.orderId,
      // The order's current start: an edit may have overtaken this event.
      orderStartsAt: slot?.startsAt ?? new Date(order.startsAt),
      recipientName: client?.name ?? 'Chorecat client',
      deliveryAddress: order.address,
      items: (type?.kitItems ?? []).map((i) => ({ name: i.name, quantity: i.quantity, packed: false })),
      now,
      ...(gone ? { cancelled: true } : {}),
    });
    if (!row) return undefined;
    // Opened already cancelled (its order went before this event arrived): partners see it cancelled.
    await recordKitEvent(kernel, tx, gone ? 'kit.cancelled' : 'kit.opened', row);
    if (gone) return undefined;
    await emailSuppliesStaff(supplies, tx, row, 'opened', kitOpened, {});
    return row;
  });
  if (kit) await orderCookie(supplies, kit.id);
}
