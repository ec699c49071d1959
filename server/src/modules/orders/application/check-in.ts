import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import type { FilesService } from '../../files/index.ts';
import { checkInOpen, CHECK_IN_WINDOW_MS } from '../domain/order-lifecycle.ts';
import { attachPhotos } from '../infra/photos.repository.ts';
import { viewWithPhotos } from './order-record.ts';
import { checkPhotos } from './order-photos.ts';

export async function checkIn(kernel: OrdersKernel, files: FilesService, worker: Principal, orderId: string, photoId: string) {
  const hashes = await checkPhotos(files, worker, [photoId]);
  await transitionOrder(kernel, {
    orderId,
    event: 'check_in',
    caller: worker,
    fileHashes: hashes,
    guard: (order, now) => {
      const startsAt = new Date(order.starts_at);
      if (!checkInOpen(startsAt, now)) {
        throw new AppError(
          'ORDERS.CHECK_IN_CLOSED',
          `Check-in is open from ${new Date(startsAt.getTime() - CHECK_IN_WINDOW_MS).toISOString()} until the start at ${startsAt.toISOString()}.`,
        );
      }
    },
    afterwards: (order, tx) => attachPhotos(kernel.db, tx, order.id, [{ fileId: photoId, purpose: 'check_in', position: 0 }]),
  });
  return viewWithPhotos(kernel, worker, orderId);
}
