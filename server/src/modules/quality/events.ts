import type { ReviewReason, Verdict } from './domain/review-lifecycle.ts';

/** A review entered the queue. */
export interface ReviewOpenedPayload {
  reviewId: string;
  orderId: string;
  reason: ReviewReason;
}

/** A review's result was recorded (with what it corrected in billing). */
export interface ReviewCompletedPayload {
  reviewId: string;
  orderId: string;
  reason: ReviewReason;
  verdict: Verdict;
  reviewerId: string;
  fineReversed: boolean;
  /** The refund credited to the client (`"100.00"`), or null. */
  refund: string | null;
}

export const QUALITY_EVENT_NAMES = ['review.opened', 'review.completed'] as const;

declare module '../../platform/events.ts' {
  interface DomainEventMap {
    'review.opened': ReviewOpenedPayload;
    'review.completed': ReviewCompletedPayload;
  }
}
