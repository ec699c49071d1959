import { BILLING_PUBLIC_EVENTS } from './public-events.ts';
import { billingConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { reconcileLedger } from './application/reconcile.ts';
import { billingHandlers } from './http/handlers.ts';
import { PAYMENT_PROVIDERS } from './infra/providers/index.ts';
import { billingAdminActions, billingAdminResources } from './admin/screens.ts';
import { BILLING_TABLES } from './infra/tables.ts';
import { recordCompletion, recordFailure } from './application/record-completion.ts';
import { STATEMENT_CRON, STATEMENT_EMAIL_TOPIC, issueMonthlyStatements } from './application/statements.ts';
import { sendStatementEmail } from './application/send-statement-email.ts';
import { nextPayoutDueAt, runPayouts, type Payouts } from './application/payouts.ts';
import { createGoldenHatClient } from './infra/golden-hat-client.ts';
import { INVOICE_EMAIL_TOPIC, PERIOD_EMAILS_TOPIC, issueWeeklyInvoices, queuePeriodEmails } from './application/issue-weekly-invoices.ts';
import { sendInvoiceEmail } from './application/send-invoice-email.ts';
import { INVOICE_CRON } from './application/invoices.ts';
import { createBidLedger, type BidLedger } from './application/bid-ledger.ts';

export { discountRate, discountOn } from './domain/discount.ts';
export type { BidLedger } from './application/bid-ledger.ts';

/** What later modules reach with `peers.of(billingModule)`: ledger operations done in their own transaction. */
export interface BillingService {
  /** Bids' stakes, settlements and paid shares (application/bid-ledger.ts). */
  bidLedger: BidLedger;
}

/**
 * Billing (SPEC §8): the double-entry ledger and its reconciliation, client
 * balances and top-ups through a payment provider, weekly invoices with the
 * cumulative-spend discount, worker statements with fines, rewards and
 * carried debt, and payouts through Golden Hat.
 */
export function createBillingModule(kernel: Kernel): ChorecatModule<BillingService> {
  const billing: Payouts = {
    kernel,
    provider: PAYMENT_PROVIDERS[kernel.config.paymentProvider]!,
    goldenHat: createGoldenHatClient({
      baseUrl: kernel.config.goldenHat.url,
      apiKey: kernel.secrets.goldenHatApiKey,
      timeoutMs: kernel.config.goldenHat.timeoutMs,
    }),
  };
  for (const event of ['order.accept', 'order.auto_accept'] as const) {
    kernel.events.subscribe(event, 'billing.record-completion', (e) => recordCompletion(billing, e.payload, e.occurredAt));
  }
  for (const event of ['order.no_check_in', 'order.reject'] as const) {
    kernel.events.subscribe(event, 'billing.record-failure', (e) => recordFailure(billing, e.payload, e.occurredAt));
  }
  kernel.outbox.handle(STATEMENT_EMAIL_TOPIC, (message) => sendStatementEmail(billing, message.payload as { statementId: string }));
  kernel.outbox.handle(PERIOD_EMAILS_TOPIC, async (message) => {
    await queuePeriodEmails(billing, message.payload as { periodEnd: string });
  });
  kernel.outbox.handle(INVOICE_EMAIL_TOPIC, (message) =>
    sendInvoiceEmail(billing, message.payload as { invoiceId: string; kind: 'issued' | 'paid' }),
  );
  return {
    name: 'billing',
    provides: { bidLedger: createBidLedger(kernel) },
    handlers: billingHandlers(billing),
    jobs: [
      {
        name: 'billing.weekly-invoices',
        description: "Issues each client's invoice for the week's completed orders (Sundays 23:00) and pays what balances cover",
        schedule: { cron: INVOICE_CRON },
        async run(context) {
          const result = await issueWeeklyInvoices(billing, context.asOf);
          context.logger.info(result, 'weekly invoices issued');
        },
      },
      {
        name: 'billing.monthly-statements',
        description:
          "Issues each worker's statement for the month (last day, 23:00): 60 % of completed orders, fines, rewards, debt carried",
        schedule: { cron: STATEMENT_CRON },
        async run(context) {
          const result = await issueMonthlyStatements(billing, context.asOf);
          context.logger.info(result, 'monthly statements issued');
        },
      },
      {
        name: 'billing.payouts',
        description: 'Sends payable statements to Golden Hat (retrying failures with backoff) and polls for missed callbacks',
        schedule: { everyMs: 15_000, nextDueAt: () => nextPayoutDueAt(billing) },
        quiet: true,
        async run() {
          return runPayouts(billing);
        },
      },
      {
        name: 'billing.reconcile',
        description: 'Checks that the ledger balances (every transaction and all accounts sum to zero); alerts operators if not',
        // A check with no business time: a poller (the sandbox clock runs it once per advance, not once per day).
        schedule: { everyMs: 6 * 60 * 60_000 },
        async run(context) {
          const result = await reconcileLedger(billing);
          if (result.ok) return undefined;
          context.logger.error(result, 'ledger does not reconcile');
          // A check that found a fault is a failed run, not a success beside an alert.
          return { failed: 1, error: `the ledger does not reconcile: ${result.unbalanced} unbalanced, total ${result.grandTotal}` };
        },
      },
    ],
    adminResources: billingAdminResources(billing, kernel.db.sequelize),
    adminActions: billingAdminActions(billing),
  };
}

export const billingModule = defineModule({
  name: 'billing',
  config: billingConfig,
  create: (kernel) => createBillingModule(kernel),
  tables: BILLING_TABLES,
  publicEvents: BILLING_PUBLIC_EVENTS,
});
