import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { packLines } from '../domain/kit-lifecycle.ts';
import { toKitView, type KitView } from '../domain/kit-view.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import { assertKitStep, kitNotFound, toKitRecord, type Supplies } from './context.ts';

/** Staff pack some of the kit's items (by name), or all of them when no names are given. */
export async function packKit(
  supplies: Supplies,
  input: { actor: Principal; kitId: string; items?: string[]; requestId?: string },
): Promise<KitView> {
  const { kernel } = supplies;
  return transaction(kernel.db, async (tx) => {
    const kit = await findKit(kernel.db, input.kitId, tx, true);
    if (!kit) throw kitNotFound();
    const actors = assertKitStep(kit, 'pack', input.actor);
    const { items, unknown } = packLines(kit.items, input.items);
    if (unknown.length > 0) {
      throw new AppError('SUPPLIES.UNKNOWN_ITEM', `This kit has no item named ${unknown.map((n) => `"${n}"`).join(', ')}.`, {
        errors: unknown.map((name) => ({ path: '/body/items', message: `no item named "${name}" in this kit` })),
      });
    }
    const now = kernel.clock.now();
    const updated = await updateKit(kernel.db, tx, kit.id, { items, status: 'assembling' }, now);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'kit.packed',
      targetType: 'kit',
      targetId: kit.id,
      before: { status: kit.status, items: kit.items },
      after: { status: updated.status, items: updated.items },
      requestId: input.requestId,
    });
    return toKitView(toKitRecord(updated), actors);
  });
}
