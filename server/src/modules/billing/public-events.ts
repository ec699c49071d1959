import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { InvoiceView } from './application/invoices.ts';
import type { StatementView } from './application/statements.ts';
import type { PayoutView } from './application/payout-views.ts';

/**
 * The public events billing records (GET /v1/events, webhooks): each
 * invoice event carries the invoice as GET /v1/invoices/{id} returns it.
 */
export type InvoicePublicEventType = 'invoice.issued' | 'invoice.paid' | 'invoice.unpaid';

/** Each statement event carries the statement as GET /v1/statements lists it; `statement.paid` is its payout paid by Golden Hat. */
export type StatementPublicEventType = 'statement.issued' | 'statement.paid';

/**
 * Each payout event carries the payout as GET /v1/payouts/{id} returns it:
 * created with its payable statement, each failed try (back to pending,
 * with the failure count and the next try), paid.
 */
export type PayoutPublicEventType = 'payout.created' | 'payout.failed' | 'payout.paid';

export const BILLING_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = [
  ...(['invoice.issued', 'invoice.paid', 'invoice.unpaid'] as const).map((type) => ({ type, schema: 'Invoice', audience: 'the client' })),
  ...(['statement.issued', 'statement.paid'] as const).map((type) => ({ type, schema: 'Statement', audience: 'the worker' })),
  ...(['payout.created', 'payout.failed', 'payout.paid'] as const).map((type) => ({ type, schema: 'Payout', audience: 'the worker' })),
];

declare module '../../platform/event-feed.ts' {
  interface PublicEventMap
    extends
      Record<InvoicePublicEventType, InvoiceView>,
      Record<StatementPublicEventType, StatementView>,
      Record<PayoutPublicEventType, PayoutView> {}
}
