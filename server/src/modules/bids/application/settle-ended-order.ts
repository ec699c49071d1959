import { ORDER_TRANSITIONS, TERMINAL_STATUSES, type OrderEvent, type OrderEventPayload } from '../../orders/index.ts';
import { SETTLEMENT_OUTCOMES, type SettlementOutcome } from '../domain/bid.ts';
import { settleOrder } from './settle-order.ts';
import type { Bids } from './context.ts';

/**
 * The order events whose transition ends an order, read from orders'
 * lifecycle table (`order.no_worker`, `order.no_check_in`, `order.accept`,
 * `order.auto_accept`, `order.reject`, `order.cancel`): one subscription
 * each, so a new ending event is followed without a change here.
 */
export const ORDER_ENDING_EVENTS = (Object.keys(ORDER_TRANSITIONS) as OrderEvent[])
  .filter((event) => TERMINAL_STATUSES.includes(ORDER_TRANSITIONS[event].to))
  .map((event) => `order.${event}` as const);

/** The subscriber: the event's order (as it was after the change) is settled by its status. */
export async function settleEndedOrder(bids: Bids, payload: OrderEventPayload): Promise<void> {
  if (!SETTLEMENT_OUTCOMES.includes(payload.status as SettlementOutcome)) return;
  await settleOrder(bids, { orderId: payload.orderId, outcome: payload.status as SettlementOutcome });
}
