import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { actorsFor, canSee, toOrderView, type OrderRecord, type OrderView } from '../domain/order-view.ts';
import { findOrder, type OrderRow } from '../infra/orders.repository.ts';
import { photosOf } from '../infra/photos.repository.ts';
import { notFound, type OrdersKernel } from './transition.ts';

export function toRecord(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    workerId: row.worker_id,
    serviceTypeId: row.service_type_id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    address: row.address,
    description: row.description,
    status: row.status,
    failureReason: row.failure_reason,
    priceCents: row.price_cents === null ? null : BigInt(row.price_cents),
    tipsCents: BigInt(row.tips_cents ?? 0),
    rating: row.rating,
    copyOf: row.copy_of,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function viewFor(kernel: Pick<Kernel, 'clock'>, row: OrderRow, principal: Principal): OrderView {
  const record = toRecord(row);
  return toOrderView(record, actorsFor(record, principal), kernel.clock.now());
}

/** The order, if the caller may see it (else NOT_FOUND, as for one that does not exist). */
export async function visibleOrder(kernel: Pick<Kernel, 'db'>, principal: Principal, id: string): Promise<OrderRow> {
  const row = await findOrder(kernel.db, id);
  if (!row || !canSee(actorsFor(toRecord(row), principal))) throw notFound();
  return row;
}

/** One order as the caller sees it, with its check-in and report photos. */
export async function viewWithPhotos(kernel: OrdersKernel, principal: Principal, id: string): Promise<OrderView> {
  const row = await visibleOrder(kernel, principal, id);
  return { ...viewFor(kernel, row, principal), photos: await photosOf(kernel.db, id) };
}
