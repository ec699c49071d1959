import { isStaff, type Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { OrderStatus } from '../domain/order-lifecycle.ts';
import type { OrderView } from '../domain/order-view.ts';
import { listOrderRows } from '../infra/orders.repository.ts';
import type { OrdersKernel } from './transition.ts';
import { viewFor } from './order-record.ts';

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
