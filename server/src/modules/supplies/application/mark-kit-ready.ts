import { recordKitEvent } from './record-kit-event.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { markKitReady as startMatching } from '../../orders/index.ts';
import { readiness } from '../domain/kit-lifecycle.ts';
import { toKitView, type KitView } from '../domain/kit-view.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import { assertKitStep, kitNotFound, toKitRecord, type Supplies } from './context.ts';

/**
 * Staff mark the kit ready (SPEC §6.3): refused while the cookie has not
 * arrived or an item is unpacked. In the same transaction the order takes
 * `kit_ready` and enters matching, so a kit is never ready for an order that
 * did not move on (an order cancelled meanwhile refuses it with 409).
 */
export async function markKitReady(supplies: Supplies, input: { actor: Principal; kitId: string; requestId?: string }): Promise<KitView> {
  const { kernel } = supplies;
  return transaction(kernel.db, async (tx) => {
    const kit = await findKit(kernel.db, input.kitId, tx, true);
    if (!kit) throw kitNotFound();
    const actors = assertKitStep(kit, 'ready', input.actor);
    const ready = readiness({ items: kit.items, cookieStatus: kit.cookie_status });
    if (!ready.ok && ready.reason === 'cookie_not_arrived') {
      throw new AppError(
        'SUPPLIES.COOKIE_NOT_ARRIVED',
        `The supplier's cookie has not arrived yet (it is ${kit.cookie_status}); the kit can be marked ready once it is in.`,
      );
    }
    if (!ready.ok) {
      throw new AppError('SUPPLIES.KIT_INCOMPLETE', `Pack every item first: ${ready.unpacked.join(', ')} still missing.`);
    }
    const now = kernel.clock.now();
    const updated = await updateKit(kernel.db, tx, kit.id, { status: 'ready', ready_at: now, ready_by: input.actor.id }, now);
    await startMatching(kernel, kit.order_id, input.actor, tx);
    await recordKitEvent(kernel, tx, 'kit.ready', updated);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'kit.ready',
      targetType: 'kit',
      targetId: kit.id,
      before: { status: kit.status },
      after: { status: 'ready', orderId: kit.order_id },
      requestId: input.requestId,
    });
    return toKitView(toKitRecord(updated), actors);
  });
}
