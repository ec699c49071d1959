import { Money } from '../../../platform/money.ts';
import type { OrderEventPayload, OrderTippedPayload } from '../../orders/index.ts';
import { recordBillableOrder, recordBillableTip } from '../infra/invoices.repository.ts';
import { recordOutcome } from '../infra/statements.repository.ts';
import type { Billing } from './context.ts';
import { periodOfCompletion } from './invoices.ts';

/** On `order.accept` / `order.auto_accept`: the order is billable from the moment it was completed. */
export async function recordCompletion(billing: Billing, order: OrderEventPayload, completedAt: string): Promise<void> {
  const priceCents = order.price ? Money.parse(order.price).cents : 0n;
  const completed = new Date(completedAt);
  await recordBillableOrder(
    billing.kernel.db,
    { orderId: order.orderId, clientId: order.clientId, workerId: order.workerId, priceCents, completedAt: completed },
    (lastClosed) => periodOfCompletion(billing.kernel.config.businessTimeZone, completed, lastClosed),
  );
  if (order.workerId) {
    await recordOutcome(billing.kernel.db, {
      orderId: order.orderId,
      workerId: order.workerId,
      outcome: 'completed',
      priceCents,
      at: completed,
    });
  }
}

/** On `order.no_check_in` / `order.reject`: the worker is fined (SPEC §8; an order failed for want of a worker fines nobody). */
export async function recordFailure(billing: Billing, order: OrderEventPayload, failedAt: string): Promise<void> {
  if (!order.workerId) return;
  await recordOutcome(billing.kernel.db, {
    orderId: order.orderId,
    workerId: order.workerId,
    outcome: 'failed',
    priceCents: order.price ? Money.parse(order.price).cents : 0n,
    at: new Date(failedAt),
  });
}

/** On `order.tipped`: the tip is billable in the open period of its time, and the worker's in full (its statement line). */
export async function recordTip(billing: Billing, tip: OrderTippedPayload): Promise<void> {
  if (!tip.workerId) return;
  const at = new Date(tip.createdAt);
  await recordBillableTip(
    billing.kernel.db,
    {
      tipId: tip.id,
      orderId: tip.orderId,
      clientId: tip.clientId,
      workerId: tip.workerId,
      amountCents: Money.parse(tip.amount).cents,
      tippedAt: at,
    },
    (lastClosed) => periodOfCompletion(billing.kernel.config.businessTimeZone, at, lastClosed),
  );
}
