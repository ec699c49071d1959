import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { orderForReview, type OrderEventPayload } from '../../orders/index.ts';
import { REASON_OF_ORDER_EVENT, sampledIn, type ReviewReason } from '../domain/review-lifecycle.ts';
import { findOpenManualReview, insertReview, recordSamplingDraw } from '../infra/reviews.repository.ts';
import type { ReviewRow } from '../infra/tables.ts';
import type { Quality } from './context.ts';
import { formForResult } from './review-forms.ts';
import { toReviewView } from './review-view.ts';

/**
 * Opens a review in `tx` and publishes `review.opened` with it. An order has
 * one review per automatic reason, and one open manual review: a repeat
 * opens nothing and returns undefined.
 */
export async function openReviewIn(
  quality: Quality,
  tx: Tx,
  input: { orderId: string; reason: ReviewReason; openedBy: string | null },
): Promise<ReviewRow | undefined> {
  const { kernel } = quality;
  const review = await insertReview(kernel.db, tx, { ...input, now: kernel.clock.now() });
  if (review) {
    await kernel.events.publish(
      tx,
      'review.opened',
      { reviewId: review.id, orderId: review.order_id, reason: review.reason },
      `review:${review.id}:opened`,
    );
    await kernel.events.recordPublic(tx, {
      type: 'review.opened',
      data: toReviewView(review, await formForResult(quality, undefined, tx)),
      audience: [],
    });
  }
  return review;
}

/** On `order.no_check_in`, `order.no_worker`, `order.reject`, `order.cancel`: the order enters the queue by itself (SPEC §4, §10). */
export async function onOrderEnded(quality: Quality, event: keyof typeof REASON_OF_ORDER_EVENT, order: OrderEventPayload): Promise<void> {
  await transaction(quality.kernel.db, (tx) =>
    openReviewIn(quality, tx, { orderId: order.orderId, reason: REASON_OF_ORDER_EVENT[event], openedBy: null }),
  );
}

/** On `order.accept` / `order.auto_accept`: the configured share of completed orders is sampled in, each order drawn once. */
export async function onOrderCompleted(quality: Quality, order: OrderEventPayload): Promise<boolean> {
  const { kernel } = quality;
  const sampled = sampledIn(quality.random, kernel.config.reviewSamplePercent);
  return transaction(kernel.db, async (tx) => {
    if (!(await recordSamplingDraw(kernel.db, tx, order.orderId, sampled, kernel.clock.now()))) return false;
    if (sampled) await openReviewIn(quality, tx, { orderId: order.orderId, reason: 'sampled', openedBy: null });
    return sampled;
  });
}

/**
 * A manager opens a review of any order (`manual`); audited. While its
 * manual review is open, asking again returns that one (`created: false`).
 */
export async function openManualReview(quality: Quality, input: { actor: Principal; orderId: string; requestId?: string }) {
  const { kernel } = quality;
  if (!(await orderForReview(kernel, input.orderId))) {
    throw new AppError('NOT_FOUND', 'No such order.', { errors: [{ path: '/body/orderId', message: 'no such order' }] });
  }
  const result = await transaction(kernel.db, async (tx) => {
    const opened = await openReviewIn(quality, tx, { orderId: input.orderId, reason: 'manual', openedBy: input.actor.id });
    if (!opened) return { review: (await findOpenManualReview(kernel.db, input.orderId, tx))!, created: false };
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'review.opened',
      targetType: 'review',
      targetId: opened.id,
      after: { orderId: input.orderId, reason: 'manual' },
      requestId: input.requestId,
    });
    return { review: opened, created: true };
  });
  return { review: toReviewView(result.review, await formForResult(quality, undefined)), created: result.created };
}
