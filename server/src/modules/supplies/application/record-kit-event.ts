import type { Tx } from '../../../platform/database.ts';
import type { Kernel } from '../../../platform/module.ts';
import { toKitView } from '../domain/kit-view.ts';
import type { KitRow } from '../infra/kits.repository.ts';
import type { KitPublicEventType } from '../public-events.ts';
import { toKitRecord } from './context.ts';

/**
 * Records the kit's public event in the transaction that changed it. The
 * payload is the kit as GET /v1/kits/{id} returns it, with `allowedActions`
 * empty (what a reader may do is its own question); only staff read kits.
 */
export function recordKitEvent(kernel: Pick<Kernel, 'events'>, tx: Tx, type: KitPublicEventType, kit: KitRow) {
  return kernel.events.recordPublic(tx, { type, data: { ...toKitView(toKitRecord(kit), []), allowedActions: [] }, audience: [] });
}
