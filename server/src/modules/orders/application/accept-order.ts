import type { Principal } from '../../../platform/http/auth.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import { viewWithPhotos } from './order-record.ts';

export async function accept(kernel: OrdersKernel, client: Principal, orderId: string, rating?: number) {
  await transitionOrder(kernel, { orderId, event: 'accept', caller: client, changes: rating ? { rating } : {} });
  return viewWithPhotos(kernel, client, orderId);
}
