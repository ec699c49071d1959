import type { Tx } from '../../../platform/database.ts';
import { cookieArrived } from '../domain/emails.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';
import { emailSuppliesStaff } from './email-staff.ts';

/**
 * The cookie has arrived (by callback, by polling, or in the answer to an
 * order or a cancellation). Idempotent; staff are emailed once so they can
 * finish the kit (not for a kit whose order is gone).
 */
export async function recordCookieDelivery(supplies: Supplies, tx: Tx, kitId: string, deliveredAt: string | null): Promise<boolean> {
  const { kernel } = supplies;
  const kit = await findKit(kernel.db, kitId, tx, true);
  if (!kit || kit.cookie_status === 'delivered' || kit.cookie_status === 'cancelled') return false;
  const now = kernel.clock.now();
  const at = deliveredAt && !Number.isNaN(Date.parse(deliveredAt)) ? new Date(deliveredAt) : now;
  const updated = await updateKit(
    kernel.db,
    tx,
    kit.id,
    {
      cookie_status: 'delivered',
      cookie_delivered_at: at,
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
