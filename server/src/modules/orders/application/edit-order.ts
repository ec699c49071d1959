import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { EDITABLE_STATUSES } from '../domain/order-lifecycle.ts';
import type { OrderView } from '../domain/order-view.ts';
import { appendTimeline, findOrder, updateOrder } from '../infra/orders.repository.ts';
import { isWorkerOverlap } from '../infra/errors.ts';
import { notFound, type OrdersKernel } from './transition.ts';
import { publishOrderEvent } from './publish.ts';
import { viewFor } from './order-record.ts';
import { assertStartInRange, activeServiceType, endOf } from './order-booking.ts';

export interface OrderEdit {
  serviceTypeId?: string;
  startsAt?: string;
  address?: string;
  description?: string;
}

/** A manager edits an order that has not started; the timeline and the audit log record each change. */
export async function editOrder(
  kernel: OrdersKernel,
  manager: Principal,
  id: string,
  edit: OrderEdit,
  requestId?: string,
): Promise<OrderView> {
  const type = edit.serviceTypeId ? await activeServiceType(kernel, edit.serviceTypeId) : undefined;
  try {
    const row = await transaction(kernel.db, async (tx) => {
      const order = await findOrder(kernel.db, id, tx, true);
      if (!order) throw notFound();
      if (!EDITABLE_STATUSES.includes(order.status)) {
        throw new AppError('ORDERS.NOT_EDITABLE', `An order that is ${order.status.replace('_', ' ')} can no longer be edited.`);
      }
      const now = kernel.clock.now();
      const startsAt = edit.startsAt ? new Date(edit.startsAt) : new Date(order.starts_at);
      if (edit.startsAt) assertStartInRange(startsAt, now);
      // An edit changes what it names and nothing else. The order keeps the
      // duration it was booked with (the catalog's may have changed since);
      // only another service type, a different chore, brings its own.
      const retyped = type !== undefined && type.id !== order.service_type_id;
      const ownDurationMs = new Date(order.ends_at).getTime() - new Date(order.starts_at).getTime();
      const next = {
        service_type_id: retyped ? type.id : order.service_type_id,
        starts_at: startsAt,
        ends_at: retyped ? endOf(startsAt, type) : new Date(startsAt.getTime() + ownDurationMs),
        address: edit.address?.trim() ?? order.address,
        description: edit.description?.trim() ?? order.description,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const before = {
        serviceTypeId: order.service_type_id,
        startsAt: new Date(order.starts_at).toISOString(),
        endsAt: new Date(order.ends_at).toISOString(),
        address: order.address,
        description: order.description,
      };
      const after = {
        serviceTypeId: next.service_type_id,
        startsAt: next.starts_at.toISOString(),
        endsAt: next.ends_at.toISOString(),
        address: next.address,
        description: next.description,
      };
      for (const key of Object.keys(before) as (keyof typeof before)[])
        if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
      if (Object.keys(changes).length === 0) return order;
      const updated = await updateOrder(kernel.db, tx, order.id, next, now);
      await appendTimeline(kernel.db, tx, {
        orderId: order.id,
        at: now,
        actorId: manager.id,
        actorRole: manager.roles.includes('admin') ? 'admin' : 'manager',
        event: 'edited',
        from: order.status,
        to: order.status,
        changes,
      });
      await publishOrderEvent(kernel, tx, 'order.edited', updated);
      await recordAudit(kernel.db, tx, kernel.clock, {
        actorId: manager.id,
        actorRoles: manager.roles,
        action: 'order.edited',
        targetType: 'order',
        targetId: order.id,
        before,
        after,
        requestId,
      });
      return updated;
    });
    return viewFor(kernel, row, manager);
  } catch (error) {
    if (isWorkerOverlap(error)) {
      throw new AppError(
        'ORDERS.WORKER_BUSY',
        'The assigned worker has another order at that time; choose another time or cancel and re-order.',
      );
    }
    throw error;
  }
}
