import type { Tx } from '../../../platform/database.ts';
import { cookieArrived } from '../domain/emails.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { emailSuppliesStaff } from './email-staff.ts';

/**
 * The cookie has arrived (by callback, by polling, or in the answer to an
 * order or a cancellation). Idempotent; staff are emailed once so they can
 * finish the kit (not for a kit whose order is gone). `supplierOrderId` is
 * the supplier's id of the cookie order when the news carries it: a
 * callback can arrive before the order's own answer was recorded (or
 * instead of it, when the process that ordered died waiting), and the kit
 * keeps which cookie it got either way.
 */
export async function recordCookieDelivery(
  supplies: Supplies,
  tx: Tx,
  kitId: string,
  deliveredAt: string | null,
  supplierOrderId?: string,
): Promise<boolean> {
  const { kernel } = supplies;
  const kit = await findKit(kernel.db, kitId, tx, true);
  if (!kit || kit.cookie_status === 'cancelled') return false;
  if (kit.cookie_status === 'delivered') {
    if (!kit.cookie_supplier_order_id && supplierOrderId)
      await updateKit(kernel.db, tx, kit.id, { cookie_supplier_order_id: supplierOrderId }, kernel.clock.now());
    return false;
  }
  const now = kernel.clock.now();
  const at = deliveredAt && !Number.isNaN(Date.parse(deliveredAt)) ? new Date(deliveredAt) : now;
  const updated = await updateKit(
    kernel.db,
    tx,
    kit.id,
    {
      cookie_status: 'delivered',
      cookie_delivered_at: at,
      ...(!kit.cookie_supplier_order_id && supplierOrderId ? { cookie_supplier_order_id: supplierOrderId } : {}),
      cookie_last_error: null,
      cookie_next_attempt_at: null,
      cookie_next_poll_at: null,
    },
    now,
  );
  if (updated.status === 'cancelled') return true;
  await emailSuppliesStaff(supplies, tx, kit, 'cookie-arrived', cookieArrived, {});
  return true;
}
