import { Money } from '../../../platform/money.ts';
import { allowedActions, type OrderActor, type OrderStatus, type FailureReason, type OrderAction } from './order-lifecycle.ts';

/** What an order looks like on the wire (SPEC §14). */
export interface OrderView {
  id: string;
  clientId: string;
  workerId: string | null;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
  address: string;
  description: string;
  status: OrderStatus;
  failureReason: FailureReason | null;
  price: string | null;
  /** The sum of the client's tips on the order ("0.00" without any). */
  tips: string;
  rating: number | null;
  copyOf: string | null;
  allowedActions: (OrderAction | 'copy')[];
  photos?: { checkIn: string | null; before: string[]; after: string[]; signedReport: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface OrderRecord {
  id: string;
  clientId: string;
  workerId: string | null;
  serviceTypeId: string;
  startsAt: Date;
  endsAt: Date;
  address: string;
  description: string;
  status: OrderStatus;
  failureReason: FailureReason | null;
  priceCents: bigint | null;
  tipsCents: bigint;
  rating: number | null;
  copyOf: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toOrderView(order: OrderRecord, actors: readonly OrderActor[], now: Date): OrderView {
  return {
    id: order.id,
    clientId: order.clientId,
    workerId: order.workerId,
    serviceTypeId: order.serviceTypeId,
    startsAt: order.startsAt.toISOString(),
    endsAt: order.endsAt.toISOString(),
    address: order.address,
    description: order.description,
    status: order.status,
    failureReason: order.failureReason,
    price: order.priceCents === null ? null : Money.fromCents(order.priceCents).toString(),
    tips: Money.fromCents(order.tipsCents).toString(),
    rating: order.rating,
    copyOf: order.copyOf,
    // A failed order can be booked again by its client (not a lifecycle event: it makes a new order).
    allowedActions: [
      ...allowedActions(order, actors, now),
      ...(order.status === 'failed' && actors.includes('owner_client') ? (['copy'] as const) : []),
    ],
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** The roles a caller holds towards one order: ownership comes from the order, staff roles from the user. */
export function actorsFor(
  order: { clientId: string; workerId: string | null },
  principal: { id: string; roles: readonly string[] },
): OrderActor[] {
  const actors: OrderActor[] = [];
  if (principal.roles.includes('client') && order.clientId === principal.id) actors.push('owner_client');
  if (principal.roles.includes('worker') && order.workerId === principal.id) actors.push('assigned_worker');
  for (const role of ['manager', 'admin', 'supplies'] as const) if (principal.roles.includes(role)) actors.push(role);
  return actors;
}

/** A client sees its own orders, a worker its assignments, staff all. */
export function canSee(actors: readonly OrderActor[]): boolean {
  return actors.length > 0;
}
