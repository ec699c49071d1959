import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { transaction } from '../../../platform/database.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import { kitNotFound, type Supplies } from './context.ts';
import { orderCookie } from './order-cookie.ts';
import { cancelCookie } from './cancel-cookie.ts';
import { getKit } from './kits.ts';

/** Staff do not wait for the backoff: the kit's pending supplier step (order or cancel) is tried now. */
export async function retryCookieNow(supplies: Supplies, input: { actor: Principal; kitId: string; requestId?: string }) {
  const { kernel } = supplies;
  const step = await transaction(kernel.db, async (tx) => {
    const kit = await findKit(kernel.db, input.kitId, tx, true);
    if (!kit) throw kitNotFound();
    if (kit.cookie_status !== 'pending' && kit.cookie_status !== 'cancelling') {
      throw new AppError('SUPPLIES.NOTHING_TO_RETRY', `The cookie is ${kit.cookie_status}: there is no supplier call to retry.`);
    }
    const now = kernel.clock.now();
    await updateKit(kernel.db, tx, kit.id, { cookie_next_attempt_at: now }, now);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'kit.cookie_retried',
      targetType: 'kit',
      targetId: kit.id,
      before: {
        cookieStatus: kit.cookie_status,
        attempts: kit.cookie_attempts,
        lastError: kit.cookie_last_error,
        nextAttemptAt: kit.cookie_next_attempt_at,
      },
      // What the retry changes here: the supplier is due now (the call itself follows the commit).
      after: { cookieStatus: kit.cookie_status, nextAttemptAt: now },
      requestId: input.requestId,
    });
    return kit.cookie_status;
  });
  if (step === 'pending') await orderCookie(supplies, input.kitId);
  else await cancelCookie(supplies, input.kitId);
  return getKit(supplies, input.actor, input.kitId);
}
