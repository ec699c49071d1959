import { transaction } from '../../../platform/database.ts';
import { claimDueCookieSteps, claimDuePolls, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { cancelCookie } from './cancel-cookie.ts';
import { orderCookie } from './order-cookie.ts';
import { recordCookieDelivery } from './record-cookie-delivery.ts';
import { recordSupplierFailure, type SupplierFailure } from './cookie-attempts.ts';

/** A claimed step is not retried by another run for this long (longer than any supplier call). */
const LEASE_MS = 60_000;

/**
 * The supplier job's one run: retries every due cookie order and
 * cancellation (with the backoff recorded on the kit), then asks the
 * supplier about ordered cookies whose callback has not come (polling).
 * Every failed call is recorded on its kit and counted: the run reports
 * them, so a supplier that keeps failing shows as failed runs.
 */
export async function syncWithSupplier(supplies: Supplies): Promise<{ attempted: number; polled: number; failed: number; error?: string }> {
  const { kernel, supplier } = supplies;
  const now = kernel.clock.now();
  const failures: SupplierFailure[] = [];
  const due = await claimDueCookieSteps(kernel.db, now, LEASE_MS);
  for (const kit of due) {
    const failure = kit.cookie_status === 'pending' ? await orderCookie(supplies, kit.id) : await cancelCookie(supplies, kit.id);
    if (failure) failures.push(failure);
  }
  const polls = await claimDuePolls(kernel.db, now, new Date(now.getTime() + kernel.config.supplier.pollIntervalMs));
  for (const kit of polls) {
    try {
      const order = await supplier.getCookieOrder(kit.cookie_supplier_order_id!);
      if (order.status === 'delivered') await transaction(kernel.db, (tx) => recordCookieDelivery(supplies, tx, kit.id, order.deliveredAt));
      else if (kit.cookie_last_error) await updateKit(kernel.db, undefined, kit.id, { cookie_last_error: null }, kernel.clock.now());
    } catch (error) {
      // A failed poll is retried at the next poll; staff see why.
      failures.push(await recordSupplierFailure(supplies, kit.id, 'ordered', error));
    }
  }
  return { attempted: due.length, polled: polls.length, failed: failures.length, error: failures.at(-1)?.failed };
}
