import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Quality } from '../application/context.ts';
import { listReviews } from '../application/list-reviews.ts';
import { getReview } from '../application/get-review.ts';
import { openManualReview } from '../application/open-review.ts';
import { recordReviewResult } from '../application/record-result.ts';
import { createReviewForm, editReviewForm, listReviewForms } from '../application/review-forms.ts';

export function qualityHandlers(quality: Quality): OperationHandlers {
  return contractHandlers({
    async listReviews(req, res) {
      res.json(await listReviews(quality, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async openReview(req, res) {
      const { review, created } = await openManualReview(quality, {
        actor: req.principal!,
        orderId: req.body.orderId,
        requestId: req.requestId,
      });
      if (created) res.status(201).location(`/v1/reviews/${review.id}`).json(review);
      else res.status(200).json(review);
    },
    async getReview(req, res) {
      res.json(await getReview(quality, req.params.id));
    },
    async recordReviewResult(req, res) {
      res.json(
        await recordReviewResult(quality, { actor: req.principal!, reviewId: req.params.id, result: req.body, requestId: req.requestId }),
      );
    },
    async listReviewForms(req, res) {
      res.json(await listReviewForms(quality, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async createReviewForm(req, res) {
      const form = await createReviewForm(quality, { actor: req.principal!, form: req.body, requestId: req.requestId });
      res.status(201).json(form);
    },
    async createReviewFormVersion(req, res) {
      const form = await editReviewForm(quality, {
        actor: req.principal!,
        formId: req.params.id,
        form: req.body,
        requestId: req.requestId,
      });
      res.status(201).json(form);
    },
  });
}
