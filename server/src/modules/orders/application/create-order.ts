import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import type { OrderView } from '../domain/order-view.ts';
import { appendTimeline, insertOrder } from '../infra/orders.repository.ts';
import type { OrdersKernel } from './transition.ts';
import { notifyTransition } from './notify.ts';
import { publishOrderEvent } from './publish.ts';
import { viewFor } from './order-record.ts';
import { assertStartInRange, activeServiceType, endOf } from './order-booking.ts';

export interface NewOrder {
  serviceTypeId: string;
  startsAt: string;
  address: string;
  description?: string;
}

/**
 * Posts an order. Its kit and worker follow through `order.created`:
 * supplies opens the kit and orders the cookie; once the kit is ready,
 * matching finds the worker.
 */
export async function createOrder(
  kernel: OrdersKernel,
  input: { client: Principal; order: NewOrder; copyOf?: string },
): Promise<OrderView> {
  const type = await activeServiceType(kernel, input.order.serviceTypeId);
  const startsAt = new Date(input.order.startsAt);
  const created = await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    assertStartInRange(startsAt, now);
    const row = await insertOrder(kernel.db, tx, {
      clientId: input.client.id,
      serviceTypeId: type.id,
      startsAt,
      endsAt: endOf(startsAt, type),
      address: input.order.address.trim(),
      description: input.order.description?.trim() ?? '',
      copyOf: input.copyOf ?? null,
      now,
    });
    await appendTimeline(kernel.db, tx, {
      orderId: row.id,
      at: now,
      actorId: input.client.id,
      actorRole: 'client',
      event: 'created',
      from: null,
      to: 'created',
      reason: input.copyOf ? `copy of ${input.copyOf}` : null,
    });
    await notifyTransition(kernel, tx, 'created', row, null, { type });
    await publishOrderEvent(kernel, tx, 'order.created', row);
    return row;
  });
  return viewFor(kernel, created, input.client);
}
