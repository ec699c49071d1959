/**
 * The review lifecycle as data (ARCHITECTURE: lifecycles are data): a
 * review opens in the queue and is done once its result is recorded; a done
 * review takes no second result.
 */
export const REVIEW_STATUSES = ['open', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_REASONS = ['failed', 'cancelled', 'rejected', 'sampled', 'manual'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const VERDICTS = ['confirmed', 'overturned'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const REVIEW_EVENTS = ['record_result'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

export const REVIEW_TRANSITIONS: Record<ReviewEvent, { from: readonly ReviewStatus[]; to: ReviewStatus }> = {
  record_result: { from: ['open'], to: 'done' },
};

export function decideReview(status: ReviewStatus, event: ReviewEvent): { ok: true; to: ReviewStatus } | { ok: false } {
  const transition = REVIEW_TRANSITIONS[event];
  return transition.from.includes(status) ? { ok: true, to: transition.to } : { ok: false };
}

/**
 * Why an order event opens a review by itself (SPEC §4, §10): a failure
 * for want of a check-in or a worker is `failed`, a rejection `rejected`,
 * a cancellation `cancelled`. Completions are sampled instead.
 */
export const REASON_OF_ORDER_EVENT = {
  no_check_in: 'failed',
  no_worker: 'failed',
  reject: 'rejected',
  cancel: 'cancelled',
} as const satisfies Record<string, ReviewReason>;

/** Whether an overturned review of an order failed this way reverses a fine: only failures the worker was fined for. */
export function failureWasFined(failureReason: string | null): boolean {
  return failureReason === 'no_check_in' || failureReason === 'rejected';
}

/**
 * Whether a completed order is sampled into the queue: `random()` in [0, 1)
 * below the share, so 0 % never samples and 100 % always does.
 */
export function sampledIn(random: () => number, percent: number): boolean {
  return random() * 100 < percent;
}
