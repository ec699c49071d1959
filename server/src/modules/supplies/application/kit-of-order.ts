import type { Kernel } from '../../../platform/module.ts';
import { toKitView, type KitView } from '../domain/kit-view.ts';
import { findKitByOrder } from '../infra/kits.repository.ts';
import { toKitRecord } from './context.ts';

/** Read-only door for quality reviews: an order's kit as staff see it (no actions offered), or null when it has none. */
export async function kitOfOrder(kernel: Pick<Kernel, 'db'>, orderId: string): Promise<KitView | null> {
  const row = await findKitByOrder(kernel.db, orderId);
  return row ? toKitView(toKitRecord(row), []) : null;
}
