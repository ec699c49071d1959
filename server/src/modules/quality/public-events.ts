import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { ReviewView } from './application/review-view.ts';

/** The public events quality records (GET /v1/events, webhooks): each carries the review as GET /v1/reviews lists it. */
export type ReviewPublicEventType = 'review.opened' | 'review.completed';

export const REVIEW_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = (['review.opened', 'review.completed'] as const).map((type) => ({
  type,
  schema: 'Review',
  audience: 'staff only (managers and admins)',
}));

declare module '../../platform/event-feed.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PublicEventMap extends Record<ReviewPublicEventType, ReviewView> {}
}
