import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { Money } from '../../../platform/money.ts';
import { orderFactsForReview, orderHeadline } from '../../orders/index.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { answerErrors, MAX_CLIENT_FEEDBACK, type Answers } from '../domain/forms.ts';
import { decideReview, failureWasFined, type Verdict } from '../domain/review-lifecycle.ts';
import { reviewOutcomeClient, reviewOutcomeWorker } from '../domain/emails.ts';
import { completeReview, findReview } from '../infra/reviews.repository.ts';
import { reviewNotFound, type Quality } from './context.ts';
import { formForResult } from './review-forms.ts';
import { toReviewView } from './review-view.ts';

export interface ReviewResultInput {
  formId?: string;
  answers: Record<string, unknown>;
  verdict: Verdict;
  clientFeedback?: string;
  refundClient?: boolean;
}

/**
 * Records a review's result (SPEC §10) in one transaction, the review row
 * locked so racing results make exactly one: the answers checked against
 * the form's current version (which the review keeps), an overturned
 * failure's fine reversed and any refund credited (billing, with the
 * review as the ledger reference), the outcome emailed to the client and
 * the worker, `review.completed` published, the audit written.
 */
export async function recordReviewResult(
  quality: Quality,
  input: { actor: Principal; reviewId: string; result: ReviewResultInput; requestId?: string },
) {
  const { kernel } = quality;
  const { result } = input;
  if (result.refundClient && result.verdict !== 'overturned') {
    throw new AppError('QUALITY.REFUND_NEEDS_OVERTURN', 'Only an overturned review refunds the client.', {
      errors: [{ path: '/body/refundClient', message: 'needs verdict "overturned"' }],
    });
  }
  if (
    result.clientFeedback !== undefined &&
    (typeof result.clientFeedback !== 'string' || result.clientFeedback.length > MAX_CLIENT_FEEDBACK)
  ) {
    throw new AppError(
      'VALIDATION.FAILED',
      `The notes of the call with the client are text of at most ${MAX_CLIENT_FEEDBACK} characters.`,
      {
        errors: [{ path: '/body/clientFeedback', message: `must be at most ${MAX_CLIENT_FEEDBACK} characters` }],
      },
    );
  }
  const outcome = await transaction(kernel.db, async (tx) => {
    const review = await findReview(kernel.db, input.reviewId, tx, true);
    if (!review) throw reviewNotFound();
    if (!decideReview(review.status, 'record_result').ok) {
      throw new AppError(
        'QUALITY.REVIEW_DONE',
        `Review ${review.id} is done: its result was recorded at ${new Date(review.completed_at!).toISOString()}.`,
      );
    }
    const form = await formForResult(quality, result.formId, tx);
    if (!form) {
      throw result.formId
        ? new AppError('QUALITY.UNKNOWN_FORM', 'No such review form.', { errors: [{ path: '/body/formId', message: 'no such form' }] })
        : new AppError('QUALITY.NO_FORM', 'There is no review form yet: define one (GET /v1/review-forms).');
    }
    const errors = answerErrors(form, result.answers);
    if (errors.length) {
      throw new AppError(
        'QUALITY.ANSWERS_INVALID',
        `The answers do not fit the form "${form.name}" (version ${form.version}): see errors.`,
        { errors },
      );
    }
    // Everything in this transaction reads through `tx`: racing results each hold a connection while they wait for the row lock.
    const order = await orderFactsForReview(kernel, review.order_id, tx);
    if (!order) throw reviewNotFound();
    const overturned = result.verdict === 'overturned';
    let fineReversed = false;
    if (overturned && order.status === 'failed' && failureWasFined(order.failureReason) && order.workerId) {
      ({ reversed: fineReversed } = await quality.billing.reverseFine(tx, {
        orderId: order.id,
        workerId: order.workerId,
        reviewId: review.id,
        reason: `Fine reversed: review ${review.id} overturned the failure of order ${order.id}`,
      }));
    }
    const refund = result.refundClient
      ? await quality.billing.refundOrder(tx, {
          orderId: order.id,
          reviewId: review.id,
          reason: `Refund: review ${review.id} overturned the outcome of order ${order.id}`,
        })
      : null;
    const done = await completeReview(kernel.db, tx, review.id, {
      formId: form.form_id,
      formVersion: form.version,
      answers: result.answers as Answers,
      verdict: result.verdict,
      clientFeedback: result.clientFeedback?.trim() || null,
      reviewerId: input.actor.id,
      fineReversed,
      refundedCents: refund ? Money.parse(refund.amount).cents : null,
      now: kernel.clock.now(),
    });
    // The emails name the order by its service and start (orders' door), not by its id.
    const headline = await orderHeadline(kernel, order.id, tx);
    if (!headline) throw reviewNotFound();
    const facts = { ...headline, verdict: result.verdict };
    const client = await findContact(kernel, order.clientId, tx);
    if (client) {
      await sendEmail(kernel, tx, {
        template: reviewOutcomeClient,
        to: client.email,
        data: { ...facts, name: client.name, refund: refund?.amount ?? null },
        dedupeKey: `review:${review.id}:order:${order.id}:outcome:client`,
      });
    }
    const worker = order.workerId ? await findContact(kernel, order.workerId, tx) : undefined;
    if (worker) {
      await sendEmail(kernel, tx, {
        template: reviewOutcomeWorker,
        to: worker.email,
        data: { ...facts, name: worker.name, fineReversed },
        dedupeKey: `review:${review.id}:order:${order.id}:outcome:worker`,
      });
    }
    await kernel.events.publish(
      tx,
      'review.completed',
      {
        reviewId: review.id,
        orderId: order.id,
        reason: review.reason,
        verdict: result.verdict,
        reviewerId: input.actor.id,
        fineReversed,
        refund: refund?.amount ?? null,
      },
      `review:${review.id}:completed`,
    );
    const view = toReviewView(done, form);
    await kernel.events.recordPublic(tx, { type: 'review.completed', data: view, audience: [] });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'review.completed',
      targetType: 'review',
      targetId: review.id,
      before: toReviewView(review, undefined),
      after: view,
      requestId: input.requestId,
    });
    return { view, refundedClient: refund?.clientId };
  });
  // A refund is money on the balance: unpaid invoices it now covers are paid, as after a top-up (SPEC §8).
  if (outcome.refundedClient) await quality.billing.payWhatTheBalanceCovers(outcome.refundedClient);
  return outcome.view;
}
