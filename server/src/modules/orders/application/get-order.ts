import type { Principal } from '../../../platform/http/auth.ts';
import type { OrderView } from '../domain/order-view.ts';
import type { OrdersKernel } from './transition.ts';
import { viewWithPhotos } from './order-record.ts';

export async function getOrder(kernel: OrdersKernel, principal: Principal, id: string): Promise<OrderView> {
  return viewWithPhotos(kernel, principal, id);
}
