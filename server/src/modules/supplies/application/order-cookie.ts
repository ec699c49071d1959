import { transaction } from '../../../platform/database.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { recordSupplierFailure, type SupplierFailure } from './cookie-attempts.ts';
import { recordCookieDelivery } from './record-cookie-delivery.ts';

/**
 * Orders the kit's cookie from the supplier, with the client's name and
 * delivery address. The kit id is the supplier-side reference, so two
 * concurrent tries (the immediate one and the retry job) get one cookie.
 */
export async function orderCookie(supplies: Supplies, kitId: string): Promise<SupplierFailure | undefined> {
  const { kernel, supplier } = supplies;
  const kit = await findKit(kernel.db, kitId);
  if (!kit || kit.cookie_status !== 'pending') return undefined;
  let placed;
  try {
    placed = await supplier.orderCookie({ reference: kit.id, recipient: { name: kit.recipient_name, address: kit.delivery_address } });
  } catch (error) {
    return recordSupplierFailure(supplies, kit.id, 'pending', error);
  }
  await transaction(kernel.db, async (tx) => {
    const current = (await findKit(kernel.db, kit.id, tx, true))!;
    const now = kernel.clock.now();
    if (current.cookie_status === 'pending') {
      await updateKit(
        kernel.db,
        tx,
        kit.id,
        {
          cookie_status: 'ordered',
          cookie_supplier_order_id: placed.id,
          cookie_last_error: null,
          cookie_next_attempt_at: null,
          // A missed callback is caught by polling.
          cookie_next_poll_at: new Date(now.getTime() + kernel.config.supplier.pollIntervalMs),
        },
        now,
      );
      // The delivery raced ahead of our bookkeeping (or the supplier had the cookie in stock).
      if (placed.status === 'delivered') await recordCookieDelivery(supplies, tx, kit.id, placed.deliveredAt);
    } else if (current.cookie_status === 'delivered' && !current.cookie_supplier_order_id) {
      // The delivery's callback beat this answer (matched by our reference): the kit still learns which cookie it got.
      await updateKit(kernel.db, tx, kit.id, { cookie_supplier_order_id: placed.id }, now);
    } else if (current.cookie_status === 'cancelled' && !current.cookie_supplier_order_id) {
      // The order was cancelled while this call was in flight: cancel the cookie we just ordered.
      await updateKit(
        kernel.db,
        tx,
        kit.id,
        { cookie_status: 'cancelling', cookie_supplier_order_id: placed.id, cookie_next_attempt_at: now },
        now,
      );
    }
  });
}
