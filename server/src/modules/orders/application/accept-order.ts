import type { Principal } from '../../../platform/http/auth.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import { viewWithPhotos } from './order-record.ts';
import { addTip, parseTip } from './tip-order.ts';

/** The client accepts the work, optionally rating it and tipping the worker (the tip in the acceptance's transaction: both or neither). */
export async function accept(kernel: OrdersKernel, client: Principal, orderId: string, input: { rating?: number; tip?: string } = {}) {
  const tip = input.tip === undefined ? undefined : parseTip(input.tip);
  await transitionOrder(kernel, {
    orderId,
    event: 'accept',
    caller: client,
    changes: input.rating ? { rating: input.rating } : {},
    afterwards: tip
      ? (_order, tx) => addTip(kernel, client, { orderId, amount: tip, path: '/body/tip' }, tx).then(() => undefined)
      : undefined,
  });
  return viewWithPhotos(kernel, client, orderId);
}
