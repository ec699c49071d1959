import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorsFor, canSee } from '../domain/order-view.ts';
import { findOrder } from '../infra/orders.repository.ts';
import type { FilesService } from '../../files/index.ts';
import { ordersUsingFile } from '../infra/photos.repository.ts';
import { toRecord } from './order-record.ts';

/** Each photo must be an upload of the worker's own; returns their SHA-256 for the timeline. */
export async function checkPhotos(files: FilesService, worker: Principal, ids: string[]): Promise<string[]> {
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
