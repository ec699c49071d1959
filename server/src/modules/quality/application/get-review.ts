import { findReview } from '../infra/reviews.repository.ts';
import { reviewNotFound, type Quality } from './context.ts';
import { formForResult, formVersion } from './review-forms.ts';
import { orderCase } from './order-case.ts';
import { toReviewView } from './review-view.ts';

/** One review with everything needed to do it (SPEC §10): the review and its order's whole case (`orderCase`). */
export async function getReview(quality: Quality, id: string) {
  const review = await findReview(quality.kernel.db, id);
  if (!review) throw reviewNotFound();
  const dossier = await orderCase(quality, review.order_id);
  if (!dossier) throw reviewNotFound();
  const form =
    review.form_id && review.form_version
      ? await formVersion(quality, review.form_id, review.form_version)
      : await formForResult(quality, undefined);
  return { ...toReviewView(review, form), ...dossier };
}
