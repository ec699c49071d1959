import type { Kernel } from '../../../platform/module.ts';
import { isStaff, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { getServiceType, type ServiceType } from '../../catalog/index.ts';
import { EDITABLE_STATUSES, type OrderStatus } from '../domain/order-lifecycle.ts';
import { actorsFor, canSee, toOrderView, type OrderRecord, type OrderView } from '../domain/order-view.ts';
import {
  appendTimeline,
  findOrder,
  insertOrder,
  listOrderRows,
  timelineOf,
  updateOrder,
  type OrderRow,
} from '../infra/orders.repository.ts';
import { isWorkerOverlap } from '../infra/errors.ts';
import { photosOf } from '../infra/photos.repository.ts';
import { notFound, transitionOrder, type Caller, type OrdersKernel } from './transition.ts';
import { notifyTransition } from './notify.ts';
import { publishOrderEvent } from './publish.ts';

export const MAX_DAYS_AHEAD = 90;

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

/** Start in the future and at most 90 days ahead (SPEC: tested at both ends). */
export function assertStartInRange(startsAt: Date, now: Date): void {
  const latest = now.getTime() + MAX_DAYS_AHEAD * 24 * 60 * 60_000;
  if (startsAt.getTime() <= now.getTime() || startsAt.getTime() > latest) {
    throw new AppError('ORDERS.START_OUT_OF_RANGE', `The start must be in the future and at most ${MAX_DAYS_AHEAD} days ahead.`, {
      errors: [{ path: '/body/startsAt', message: `must be after now and within ${MAX_DAYS_AHEAD} days` }],
    });
  }
}

async function activeServiceType(kernel: Pick<Kernel, 'db'>, id: string): Promise<ServiceType> {
  const type = await getServiceType(kernel, id);
  if (!type || !type.active) {
    throw new AppError('ORDERS.SERVICE_TYPE_UNAVAILABLE', 'That service type does not exist or cannot be ordered now.', {
      errors: [{ path: '/body/serviceTypeId', message: 'must be an active service type' }],
    });
  }
  return type;
}

const endOf = (startsAt: Date, type: ServiceType) => new Date(startsAt.getTime() + type.durationMinutes * 60_000);

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
    await notifyTransition(kernel, tx, 'created', row, null);
    await publishOrderEvent(kernel, tx, 'order.created', row);
    return row;
  });
  return viewFor(kernel, created, input.client);
}

export async function getOrder(kernel: OrdersKernel, principal: Principal, id: string): Promise<OrderView> {
  return viewWithPhotos(kernel, principal, id);
}

/** One order as the caller sees it, with its check-in and report photos. */
export async function viewWithPhotos(kernel: OrdersKernel, principal: Principal, id: string): Promise<OrderView> {
  const row = await findOrder(kernel.db, id);
  if (!row || !canSee(actorsFor(toRecord(row), principal))) throw notFound();
  return { ...viewFor(kernel, row, principal), photos: await photosOf(kernel.db, id) };
}

export async function getTimeline(kernel: OrdersKernel, principal: Principal, id: string) {
  await getOrder(kernel, principal, id);
  const rows = await timelineOf(kernel.db, id);
  return {
    data: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorRole: r.actor_role,
      event: r.event,
      from: r.from_status,
      to: r.to_status,
      reason: r.reason,
      fileHashes: r.file_hashes,
      ...(r.changes ? { changes: r.changes } : {}),
    })),
  };
}

/** Lists orders the caller may see: a client its own, a worker its assignments, staff all. */
export async function listOrders(
  kernel: OrdersKernel,
  principal: Principal,
  query: { status?: OrderStatus; from?: string; to?: string; clientId?: string; workerId?: string; limit: number; cursor?: string },
): Promise<{ data: OrderView[]; nextCursor: string | null }> {
  const scope = isStaff(principal)
    ? { clientId: query.clientId, workerId: query.workerId }
    : principal.roles.includes('client')
      ? { clientId: principal.id, workerId: query.workerId }
      : { workerId: principal.id, clientId: query.clientId };
  const rows = await listOrderRows(kernel.db, {
    ...scope,
    status: query.status,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const views = rows.map((row) => viewFor(kernel, row, principal));
  return page(views, query.limit, (o) => ({ at: o.startsAt, id: o.id }));
}

export async function cancelOrder(kernel: OrdersKernel, caller: Principal, id: string, reason?: string): Promise<OrderView> {
  await transitionOrder(kernel, { orderId: id, event: 'cancel', caller, reason: reason ?? null });
  return viewWithPhotos(kernel, caller, id);
}

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

export type { Caller };
