import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import { ENDPOINT_DISABLED_EVENT_TYPE, type EndpointView } from './domain/endpoint.ts';

/** The public event webhooks records (GET /v1/events, and the other endpoints): the endpoint as GET /v1/webhook-endpoints lists it. */
export const WEBHOOKS_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = [
  { type: ENDPOINT_DISABLED_EVENT_TYPE, schema: 'WebhookEndpoint', audience: 'nobody besides staff' },
];

declare module '../../platform/event-feed.ts' {
  interface PublicEventMap {
    'webhook.endpoint.disabled': EndpointView;
  }
}
