import { Money } from '../../../platform/money.ts';
import type { OrderEventPayload } from '../../orders/index.ts';
import { recordBillableOrder } from '../infra/invoices.repository.ts';
import type { Billing } from './context.ts';

/** On `order.accept` / `order.auto_accept`: the order is billable from the moment it was completed. */
export async function recordCompletion(b: Billing, order: OrderEventPayload, completedAt: string): Promise<void> {
  await recordBillableOrder(b.kernel.db, {
    orderId: order.orderId,
    clientId: order.clientId,
    workerId: order.workerId,
    priceCents: order.price ? Money.parse(order.price).cents : 0n,
    completedAt: new Date(completedAt),
  });
}
