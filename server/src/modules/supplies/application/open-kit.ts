import { transaction } from '../../../platform/database.ts';
import { getServiceType } from '../../catalog/index.ts';
import { findContact, contactsWithRole } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { findOrderSlot, type OrderEventPayload } from '../../orders/index.ts';
import { kitOpened } from '../domain/emails.ts';
import { insertKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { orderCookie } from './order-cookie.ts';

/**
 * On `order.created` (SPEC §6.1–2): opens the order's kit from its service
 * type's template, emails every supplies staffer, and orders the cookie at
 * once (a failure is retried by `supplies.supplier-sync`). Idempotent: a
 * second delivery of the event finds the kit and does nothing.
 */
export async function openKit(s: Supplies, order: OrderEventPayload): Promise<void> {
  const { kernel } = s;
  const [type, client, slot] = await Promise.all([
    getServiceType(kernel, order.serviceTypeId),
    findContact(kernel, order.clientId),
    findOrderSlot(kernel, order.orderId),
  ]);
  // Cancelled before this event reached us: nothing to assemble and no cookie to order.
  const gone = !slot || slot.status === 'cancelled' || slot.status === 'failed';
  const kit = await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const row = await insertKit(kernel.db, tx, {
      orderId: order.orderId,
      orderStartsAt: new Date(order.startsAt),
      recipientName: client?.name ?? 'Chorecat client',
      deliveryAddress: order.address,
      items: (type?.kitItems ?? []).map((i) => ({ name: i.name, quantity: i.quantity, packed: false })),
      now,
      ...(gone ? { cancelled: true } : {}),
    });
    if (!row || gone) return undefined;
    const items = row.items.map((i) => `${i.name} × ${i.quantity}`).join(', ');
    for (const staff of await contactsWithRole(kernel, 'supplies', tx)) {
      await sendEmail(kernel, tx, {
        template: kitOpened,
        to: staff.email,
        data: { name: staff.name, kitId: row.id, orderId: row.order_id, startsAt: new Date(row.order_starts_at).toUTCString(), items },
        dedupeKey: `kit:${row.id}:opened:${staff.id}`,
      });
    }
    return row;
  });
  if (kit) await orderCookie(s, kit.id);
}
