import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorsFor, canSee } from '../domain/order-view.ts';
import { findOrder } from '../infra/orders.repository.ts';
import { notFound, type OrdersKernel } from './transition.ts';
import { toRecord } from './order-record.ts';
import { createOrder } from './create-order.ts';

/** A failed order, booked again with the same parameters at a new start (a new order in every respect). */
export async function copyOrder(kernel: OrdersKernel, client: Principal, orderId: string, startsAt: string) {
  const original = await findOrder(kernel.db, orderId);
  if (!original || !canSee(actorsFor(toRecord(original), client))) throw notFound();
  if (original.client_id !== client.id) throw new AppError('AUTH.FORBIDDEN', "Only the order's client can copy it.");
  if (original.status !== 'failed') throw new AppError('ORDERS.NOT_COPYABLE', 'Only a failed order can be copied.');
  return createOrder(kernel, {
    client,
    order: { serviceTypeId: original.service_type_id, startsAt, address: original.address, description: original.description },
    copyOf: original.id,
  });
}
