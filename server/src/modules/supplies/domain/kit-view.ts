import { kitActions, type CookieStatus, type KitActor, type KitLine, type KitStatus } from './kit-lifecycle.ts';

export interface KitRecord {
  id: string;
  orderId: string;
  orderStartsAt: Date;
  recipientName: string;
  deliveryAddress: string;
  status: KitStatus;
  items: KitLine[];
  readyAt: Date | null;
  readyBy: string | null;
  cookie: {
    status: CookieStatus;
    supplierOrderId: string | null;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: Date | null;
    deliveredAt: Date | null;
  };
  createdAt: Date;
  updatedAt: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The wire shape of a kit (SPEC: `{ id, orderId, status, items, cookie: { status } }`, and more). */
export function toKitView(kit: KitRecord, actors: readonly KitActor[]) {
  return {
    id: kit.id,
    orderId: kit.orderId,
    status: kit.status,
    items: kit.items.map((i) => ({ name: i.name, quantity: i.quantity, packed: i.packed })),
    cookie: {
      status: kit.cookie.status,
      supplierOrderId: kit.cookie.supplierOrderId,
      attempts: kit.cookie.attempts,
      lastError: kit.cookie.lastError,
      // Only a pending step has a next try worth showing.
      nextAttemptAt: kit.cookie.status === 'pending' || kit.cookie.status === 'cancelling' ? iso(kit.cookie.nextAttemptAt) : null,
      deliveredAt: iso(kit.cookie.deliveredAt),
    },
    orderStartsAt: kit.orderStartsAt.toISOString(),
    recipientName: kit.recipientName,
    deliveryAddress: kit.deliveryAddress,
    readyAt: iso(kit.readyAt),
    readyBy: kit.readyBy,
    allowedActions: kitActions({ status: kit.status, items: kit.items, cookieStatus: kit.cookie.status }, actors),
    createdAt: kit.createdAt.toISOString(),
    updatedAt: kit.updatedAt.toISOString(),
  };
}

export type KitView = ReturnType<typeof toKitView>;

const STAFF_ROLES: readonly string[] = ['supplies', 'manager', 'admin'];

export function kitActorsOf(roles: readonly string[]): KitActor[] {
  return roles.filter((r): r is KitActor => STAFF_ROLES.includes(r));
}
