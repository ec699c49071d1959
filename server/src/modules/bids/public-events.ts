import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { settlementView } from './application/views.ts';

/** The public events bids records (GET /v1/events, webhooks): each carries the settlement as GET /v1/orders/{id}/settlement returns it. */
export type SettlementPublicEventType = 'settlement.computed' | 'settlement.share_paid';

export const SETTLEMENT_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = (['settlement.computed', 'settlement.share_paid'] as const).map(
  (type) => ({ type, schema: 'Settlement', audience: 'staff only (managers and admins)' }),
);

declare module '../../platform/event-feed.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PublicEventMap extends Record<SettlementPublicEventType, ReturnType<typeof settlementView>> {}
}
