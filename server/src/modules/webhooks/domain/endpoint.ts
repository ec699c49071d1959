/** Webhook endpoints' vocabulary (SPEC §13–14): what an endpoint is, which events it takes, its wire shape. */
export const ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const SEGMENT = /^[a-z][a-z0-9_]*$/;

/** `*` or a dotted lower-case type of two parts or more (`order.created`), as the contract's pattern says. */
export function isEventTypeFilter(type: string): boolean {
  if (type === '*') return true;
  const segments = type.split('.');
  return type.length <= 100 && segments.length >= 2 && segments.every((s) => SEGMENT.test(s));
}

/** The event an endpoint is sent from "Send test event" in the panel: never in the feed, only to that endpoint. */
export const TEST_EVENT_TYPE = 'webhook.test';
export const ENDPOINT_DISABLED_EVENT_TYPE = 'webhook.endpoint.disabled' as const;

/** Whether an endpoint filtering on `eventTypes` takes an event of `type`. */
export function acceptsEventType(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes('*') || eventTypes.includes(type);
}

export interface EndpointView {
  id: string;
  url: string;
  eventTypes: string[];
  status: EndpointStatus;
  createdAt: string;
  /** Disabled endpoints only. */
  disabledAt?: string;
  disabledReason?: string;
}

/** The body every delivery carries: the event envelope as GET /v1/events lists it (SPEC: `{ id, type, createdAt, data }`, plus its `apiVersion`). */
export interface EventEnvelope {
  id: string;
  type: string;
  apiVersion: string;
  createdAt: string;
  data: unknown;
}

export function envelopeBody(event: EventEnvelope): string {
  return JSON.stringify({ id: event.id, type: event.type, apiVersion: event.apiVersion, createdAt: event.createdAt, data: event.data });
}
