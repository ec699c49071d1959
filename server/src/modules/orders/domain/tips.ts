import { Money } from '../../../platform/money.ts';

/** A client may tip when accepting an order or up to 7 days after (exactly 7 days is still in time). */
export const TIP_WINDOW_MS = 7 * 24 * 60 * 60_000;

export type TipRefusal =
  | { code: 'ORDERS.TIP_OUT_OF_RANGE'; detail: string }
  | { code: 'ORDERS.NOT_TIPPABLE'; detail: string }
  | { code: 'ORDERS.TIP_WINDOW_CLOSED'; detail: string };

/**
 * Whether a tip of `amount` may be added to an order: it is completed, it
 * was accepted at most 7 days ago, the amount is more than zero and all its
 * tips together stay at most its price (100 %). Several tips are allowed
 * (a client who tips at acceptance may add more later); the cap is on
 * their sum. Pure: the caller holds the order's row lock.
 */
export function tipRefusal(
  order: { status: string; priceCents: bigint | null; tipsCents: bigint; acceptedAt: Date | null },
  amount: Money,
  now: Date,
): TipRefusal | null {
  if (amount.cents <= 0n) return { code: 'ORDERS.TIP_OUT_OF_RANGE', detail: 'A tip is more than 0.00.' };
  if (order.status !== 'completed' || !order.acceptedAt || order.priceCents === null) {
    return { code: 'ORDERS.NOT_TIPPABLE', detail: 'Only an accepted (completed) order can be tipped.' };
  }
  if (now.getTime() - order.acceptedAt.getTime() > TIP_WINDOW_MS) {
    return { code: 'ORDERS.TIP_WINDOW_CLOSED', detail: 'An order can be tipped up to 7 days after it was accepted.' };
  }
  const room = order.priceCents - order.tipsCents;
  if (amount.cents > room) {
    return {
      code: 'ORDERS.TIP_OUT_OF_RANGE',
      detail: `Tips on an order are at most its price (${Money.fromCents(order.priceCents).toString()}) in total: at most ${Money.fromCents(room > 0n ? room : 0n).toString()} more.`,
    };
  }
  return null;
}
