import { transaction } from '../../../platform/database.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { recordSupplierFailure, type SupplierFailure } from './cookie-attempts.ts';
import { recordCookieDelivery } from './record-cookie-delivery.ts';

/** Cancels an ordered cookie at the supplier once its order is gone; a cookie already delivered stays delivered. */
export async function cancelCookie(supplies: Supplies, kitId: string): Promise<SupplierFailure | undefined> {
  const { kernel, supplier } = supplies;
  const kit = await findKit(kernel.db, kitId);
  if (!kit || kit.cookie_status !== 'cancelling' || !kit.cookie_supplier_order_id) return undefined;
  let answer;
  try {
    answer = await supplier.cancelCookieOrder(kit.cookie_supplier_order_id);
  } catch (error) {
    return recordSupplierFailure(supplies, kit.id, 'cancelling', error);
  }
  await transaction(kernel.db, async (tx) => {
    const current = (await findKit(kernel.db, kit.id, tx, true))!;
    if (current.cookie_status !== 'cancelling') return;
    const now = kernel.clock.now();
    if (answer.status === 'delivered') return recordCookieDelivery(supplies, tx, kit.id, answer.deliveredAt);
    await updateKit(kernel.db, tx, kit.id, { cookie_status: 'cancelled', cookie_last_error: null, cookie_next_attempt_at: null }, now);
  });
}
