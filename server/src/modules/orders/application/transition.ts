import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { decide, ORDER_TRANSITIONS, type OrderActor, type OrderEvent } from '../domain/order-lifecycle.ts';
import { actorsFor, canSee } from '../domain/order-view.ts';
import { appendTimeline, findOrder, updateOrder, type OrderChanges, type OrderRow } from '../infra/orders.repository.ts';
import { notifyTransition } from './notify.ts';
import { publishOrderEvent } from './publish.ts';

export type Caller = Principal | 'system';

/** What orders' use cases need of the kernel (events: other modules follow orders through them). */
export type OrdersKernel = Pick<Kernel, 'config' | 'db' | 'clock' | 'events'>;

export const ROLE_OF_ACTOR: Record<OrderActor, string> = {
  owner_client: 'client',
  assigned_worker: 'worker',
  manager: 'manager',
  admin: 'admin',
  supplies: 'supplies',
  system: 'system',
};

const STAFF_ACTORS: readonly OrderActor[] = ['manager', 'admin', 'supplies'];

export function actorsOf(order: OrderRow, caller: Caller): OrderActor[] {
  return caller === 'system' ? ['system'] : actorsFor({ clientId: order.client_id, workerId: order.worker_id }, caller);
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No such order.');
}

export interface TransitionOptions {
  reason?: string | null;
  fileHashes?: string[];
  /** Extra columns to set with the status (worker, price, rating …). */
  changes?: OrderChanges;
  /** Rules that need the clock or the request (check-in window …); throw an AppError to refuse. */
  guard?: (order: OrderRow, now: Date) => void;
  /** More writes that belong to the same step (photos …), in its transaction. */
  afterwards?: (order: OrderRow, tx: Tx) => Promise<void>;
}

/**
 * The one way an order changes status: on a locked row, consult the table,
 * check the caller's part in the order and any guard, write the new status,
 * one timeline entry and the emails, all in the caller's transaction. A
 * refusal throws before anything is written.
 */
export async function applyTransition(
  kernel: OrdersKernel,
  tx: Tx,
  order: OrderRow,
  event: OrderEvent,
  caller: Caller,
  options: TransitionOptions = {},
): Promise<OrderRow> {
  const actors = actorsOf(order, caller);
  const decision = decide(order.status, event, actors);
  if (!decision.ok) {
    if (decision.reason === 'illegal_transition') {
      throw new AppError('ORDERS.ILLEGAL_TRANSITION', `An order that is ${order.status.replace('_', ' ')} cannot take "${event}".`);
    }
    throw new AppError(
      'AUTH.FORBIDDEN',
      `Only ${ORDER_TRANSITIONS[event].actors.map((a) => ROLE_OF_ACTOR[a]).join(' or ')} may do "${event}" on this order.`,
    );
  }
  const now = kernel.clock.now();
  options.guard?.(order, now);
  const updated = await updateOrder(
    kernel.db,
    tx,
    order.id,
    { status: decision.to, ...(decision.failureReason ? { failure_reason: decision.failureReason } : {}), ...options.changes },
    now,
  );
  const actingAs = ORDER_TRANSITIONS[event].actors.find((a) => actors.includes(a))!;
  await appendTimeline(kernel.db, tx, {
    orderId: order.id,
    at: now,
    actorId: caller === 'system' ? null : caller.id,
    actorRole: ROLE_OF_ACTOR[actingAs],
    event,
    from: order.status,
    to: updated.status,
    reason: options.reason ?? null,
    fileHashes: options.fileHashes,
  });
  // Staff acting on an order (a manager's cancel, from the API or the panel alike) is in the audit log, in the change's transaction.
  if (caller !== 'system' && STAFF_ACTORS.includes(actingAs)) {
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: caller.id,
      actorRoles: caller.roles,
      action: `order.${event}`,
      targetType: 'order',
      targetId: order.id,
      before: { status: order.status },
      after: { status: updated.status, ...(options.reason ? { reason: options.reason } : {}) },
    });
  }
  await options.afterwards?.(updated, tx);
  await notifyTransition(kernel, tx, event, updated, options.reason ?? null);
  await publishOrderEvent(kernel, tx, `order.${event}`, updated);
  return updated;
}

/** Locks the order, hides it from callers who may not see it (404), and applies the transition. */
export async function transitionOrder(
  kernel: OrdersKernel,
  input: { orderId: string; event: OrderEvent; caller: Caller } & TransitionOptions,
  tx?: Tx,
): Promise<OrderRow> {
  const run = async (t: Tx) => {
    const order = await findOrder(kernel.db, input.orderId, t, true);
    if (!order || !canSee(actorsOf(order, input.caller))) throw notFound();
    return applyTransition(kernel, t, order, input.event, input.caller, input);
  };
  return tx ? run(tx) : transaction(kernel.db, run);
}
