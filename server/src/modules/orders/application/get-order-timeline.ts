import type { Principal } from '../../../platform/http/auth.ts';
import { timelineOf, type TimelineRow } from '../infra/orders.repository.ts';
import type { OrdersKernel } from './transition.ts';
import { visibleOrder } from './order-record.ts';

export async function getTimeline(kernel: OrdersKernel, principal: Principal, id: string) {
  // Who may read the order may read its timeline; its photos are not part of the answer, so not read.
  await visibleOrder(kernel, principal, id);
  const rows = await timelineOf(kernel.db, id);
  return { data: rows.map((r) => ({ ...toTimelineEntry(r), ...(r.changes ? { changes: r.changes } : {}) })) };
}

/** A timeline entry on the wire (SPEC §14), as the API and quality's review view show it. */
export function toTimelineEntry(r: TimelineRow) {
  return {
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    event: r.event,
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    fileHashes: r.file_hashes,
  };
}
