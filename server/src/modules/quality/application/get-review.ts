import { orderForReview } from '../../orders/index.ts';
import { kitOfOrder } from '../../supplies/index.ts';
import { matchingAttemptsOf } from '../../matching/index.ts';
import { emailsAboutOrder } from '../../notifications/index.ts';
import { workerProfileForReview } from '../../hiring/index.ts';
import { findReview } from '../infra/reviews.repository.ts';
import { reviewNotFound, type Quality } from './context.ts';
import { formForResult, formVersion } from './review-forms.ts';
import { toReviewView } from './review-view.ts';

const PHOTO_PURPOSES = [
  ['checkIn', 'check_in'],
  ['before', 'before'],
  ['after', 'after'],
  ['signedReport', 'signed_report'],
] as const;

/**
 * One review with everything needed to do it (SPEC §10), each part read
 * through the door of the module that owns it: the order and its timeline
 * (orders), the photos' hashes (files), the kit (supplies), the matching
 * attempts (matching), the emails about the order (notifications), the
 * invoice line and the worker's record (billing), the worker (hiring).
 */
export async function getReview(quality: Quality, id: string) {
  const { kernel } = quality;
  const review = await findReview(kernel.db, id);
  if (!review) throw reviewNotFound();
  const dossier = await orderForReview(kernel, review.order_id);
  if (!dossier) throw reviewNotFound();
  const { order, timeline } = dossier;
  const form =
    review.form_id && review.form_version
      ? await formVersion(quality, review.form_id, review.form_version)
      : await formForResult(quality, undefined);
  const photos = [];
  for (const [field, purpose] of PHOTO_PURPOSES) {
    const value = order.photos[field];
    for (const fileId of Array.isArray(value) ? value : value ? [value] : []) {
      const info = await quality.files.describe(fileId);
      photos.push({ fileId, purpose, sha256: info?.sha256 ?? null, contentType: info?.contentType ?? null });
    }
  }
  const [kit, matchingAttempts, emails, invoiceLine, profile, history] = await Promise.all([
    kitOfOrder(kernel, order.id),
    matchingAttemptsOf(kernel, order.id),
    emailsAboutOrder(kernel, order.id),
    quality.billing.invoiceLineOf(order.id),
    order.workerId ? workerProfileForReview(kernel, order.workerId) : null,
    order.workerId ? quality.billing.workerHistory(order.workerId) : null,
  ]);
  return {
    ...toReviewView(review, form),
    order,
    timeline,
    photos,
    kit,
    matchingAttempts,
    emails,
    invoiceLine,
    worker:
      order.workerId && history
        ? {
            id: order.workerId,
            workerCode: profile?.workerCode ?? null,
            name: profile?.name ?? null,
            hiredAt: profile?.hiredAt ?? null,
            ...history,
          }
        : null,
  };
}
