import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { ApplicationView } from './application/context.ts';

/** The public events hiring records (GET /v1/events, webhooks): each carries the application as GET /v1/applications/{id} returns it. */
export type ApplicationPublicEventType =
  'application.received' | 'application.test_assigned' | 'application.hired' | 'application.rejected';

export const APPLICATION_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = (
  ['application.received', 'application.test_assigned', 'application.hired', 'application.rejected'] as const
).map((type) => ({ type, schema: 'Application', audience: 'the applicant' }));

declare module '../../platform/event-feed.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PublicEventMap extends Record<ApplicationPublicEventType, ApplicationView> {}
}
