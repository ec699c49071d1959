import type { Principal } from '../../../platform/http/auth.ts';
import { transitionOrder, type OrdersKernel } from './transition.ts';
import type { FilesService } from '../../files/index.ts';
import { attachPhotos, type PhotoPurpose } from '../infra/photos.repository.ts';
import { viewWithPhotos } from './order-record.ts';
import { checkPhotos } from './order-photos.ts';

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
