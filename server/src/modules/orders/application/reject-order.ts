import type { Principal } from '../../../platform/http/auth.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import { viewWithPhotos } from './order-record.ts';

export async function reject(kernel: OrdersKernel, client: Principal, orderId: string, reason: string, rating?: number) {
  await transitionOrder(kernel, { orderId, event: 'reject', caller: client, reason, changes: rating ? { rating } : {} });
  return viewWithPhotos(kernel, client, orderId);
}
