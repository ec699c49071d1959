import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { InvoiceView } from './application/invoices.ts';
import type { StatementView } from './application/statements.ts';

/**
 * The public events billing records (GET /v1/events, webhooks): each
 * invoice event carries the invoice as GET /v1/invoices/{id} returns it.
 */
export type InvoicePublicEventType = 'invoice.issued' | 'invoice.paid' | 'invoice.unpaid';

/** Each statement event carries the statement as GET /v1/statements lists it; `statement.paid` is its payout paid by Golden Hat. */
export type StatementPublicEventType = 'statement.issued' | 'statement.paid';

export const BILLING_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = [
  ...(['invoice.issued', 'invoice.paid', 'invoice.unpaid'] as const).map((type) => ({ type, schema: 'Invoice', audience: 'the client' })),
  ...(['statement.issued', 'statement.paid'] as const).map((type) => ({ type, schema: 'Statement', audience: 'the worker' })),
];

declare module '../../platform/event-feed.ts' {
  interface PublicEventMap extends Record<InvoicePublicEventType, InvoiceView>, Record<StatementPublicEventType, StatementView> {}
}
