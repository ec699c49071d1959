import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { decideKit, KIT_TRANSITIONS, type KitEvent, type KitActor } from '../domain/kit-lifecycle.ts';
import { kitActorsOf, type KitRecord } from '../domain/kit-view.ts';
import type { KitRow } from '../infra/kits.repository.ts';
import type { SupplierClient } from '../infra/supplier-client.ts';

/** What supplies' use cases work with: the kernel and the supplier's adapter. */
export interface Supplies {
  kernel: Kernel;
  supplier: SupplierClient;
}

export function toKitRecord(row: KitRow): KitRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    orderStartsAt: new Date(row.order_starts_at),
    recipientName: row.recipient_name,
    deliveryAddress: row.delivery_address,
    status: row.status,
    items: row.items,
    readyAt: row.ready_at ? new Date(row.ready_at) : null,
    readyBy: row.ready_by,
    cookie: {
      status: row.cookie_status,
      supplierOrderId: row.cookie_supplier_order_id,
      attempts: row.cookie_attempts,
      lastError: row.cookie_last_error,
      nextAttemptAt: row.cookie_next_attempt_at ? new Date(row.cookie_next_attempt_at) : null,
      deliveredAt: row.cookie_delivered_at ? new Date(row.cookie_delivered_at) : null,
    },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export const kitNotFound = () => new AppError('NOT_FOUND', 'No such kit.');

/** Consults the kit table for a staff step; throws the refusal (409 or 403) before anything is written. */
export function assertKitStep(kit: KitRow, event: KitEvent, caller: Principal | 'system'): KitActor[] {
  const actors: KitActor[] = caller === 'system' ? ['system'] : kitActorsOf(caller.roles);
  const decision = decideKit(kit.status, event, actors);
  if (decision.ok) return actors;
  if (decision.reason === 'illegal_transition') {
    throw new AppError('SUPPLIES.ILLEGAL_TRANSITION', `A kit that is ${kit.status} cannot take "${event}".`);
  }
  throw new AppError('AUTH.FORBIDDEN', `Only ${KIT_TRANSITIONS[event].actors.join(' or ')} may do "${event}" on a kit.`);
}
