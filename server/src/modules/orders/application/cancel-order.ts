import type { Principal } from '../../../platform/http/auth.ts';
import type { OrderView } from '../domain/order-view.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import { viewWithPhotos } from './order-record.ts';

export async function cancelOrder(kernel: OrdersKernel, caller: Principal, id: string, reason?: string): Promise<OrderView> {
  await transitionOrder(kernel, { orderId: id, event: 'cancel', caller, reason: reason ?? null });
  return viewWithPhotos(kernel, caller, id);
}
