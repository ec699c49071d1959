import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FilesService } from '../../files/index.ts';
import { checkInOpen, CHECK_IN_WINDOW_MS } from '../domain/order-lifecycle.ts';
import { actorsFor, canSee } from '../domain/order-view.ts';
import { findOrder } from '../infra/orders.repository.ts';
import { attachPhotos, ordersUsingFile, type PhotoPurpose } from '../infra/photos.repository.ts';
import { transitionOrder, notFound, type OrdersKernel } from './transition.ts';
import { createOrder, toRecord, viewWithPhotos } from './orders.ts';

/** Each photo must be an upload of the worker's own; returns their SHA-256 for the timeline. */
async function checkPhotos(files: FilesService, worker: Principal, ids: string[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const id of ids) {
    const info = await files.describe(id);
    if (!info || info.ownerId !== worker.id) {
      throw new AppError('ORDERS.PHOTO_INVALID', `Photo ${id} is not one you uploaded. Upload it with POST /v1/files first.`, {
        errors: [{ path: '/body', message: `unknown photo ${id}` }],
      });
    }
    hashes.push(info.sha256);
  }
  return hashes;
}

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

export async function report(
  kernel: OrdersKernel,
  files: FilesService,
  worker: Principal,
  orderId: string,
  input: { signedReportPhotoId: string; beforePhotoIds: string[]; afterPhotoIds: string[] },
) {
  const photos: { fileId: string; purpose: PhotoPurpose; position: number }[] = [
    ...input.beforePhotoIds.map((fileId, position) => ({ fileId, purpose: 'before' as const, position })),
    ...input.afterPhotoIds.map((fileId, position) => ({ fileId, purpose: 'after' as const, position })),
    { fileId: input.signedReportPhotoId, purpose: 'signed_report', position: 0 },
  ];
  const hashes = await checkPhotos(
    files,
    worker,
    photos.map((p) => p.fileId),
  );
  await transitionOrder(kernel, {
    orderId,
    event: 'report',
    caller: worker,
    fileHashes: hashes,
    changes: { reported_at: kernel.clock.now() },
    afterwards: (order, tx) => attachPhotos(kernel.db, tx, order.id, photos),
  });
  return viewWithPhotos(kernel, worker, orderId);
}

export async function accept(kernel: OrdersKernel, client: Principal, orderId: string, rating?: number) {
  await transitionOrder(kernel, { orderId, event: 'accept', caller: client, changes: rating ? { rating } : {} });
  return viewWithPhotos(kernel, client, orderId);
}

export async function reject(kernel: OrdersKernel, client: Principal, orderId: string, reason: string, rating?: number) {
  await transitionOrder(kernel, { orderId, event: 'reject', caller: client, reason, changes: rating ? { rating } : {} });
  return viewWithPhotos(kernel, client, orderId);
}

/** A failed order, booked again with the same parameters at a new start (a new order in every respect). */
export async function copyOrder(kernel: OrdersKernel, client: Principal, orderId: string, startsAt: string) {
  const original = await findOrder(kernel.db, orderId);
  if (!original || !canSee(actorsFor(toRecord(original), client))) throw notFound();
  if (original.client_id !== client.id) throw new AppError('AUTH.FORBIDDEN', "Only the order's client can copy it.");
  if (original.status !== 'failed') throw new AppError('ORDERS.NOT_COPYABLE', 'Only a failed order can be copied.');
  return createOrder(kernel, {
    client,
    order: { serviceTypeId: original.service_type_id, startsAt, address: original.address, description: original.description },
    copyOf: original.id,
  });
}

/** The files module's rule: the parties of an order that uses a photo may read it. */
export function orderPhotoAccess(kernel: Pick<Kernel, 'db'>) {
  return async (fileId: string, principal: Principal): Promise<boolean> => {
    for (const orderId of await ordersUsingFile(kernel.db, fileId)) {
      const order = await findOrder(kernel.db, orderId);
      if (order && canSee(actorsFor(toRecord(order), principal))) return true;
    }
    return false;
  };
}
