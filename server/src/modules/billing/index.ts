import { BILLING_PUBLIC_EVENTS } from './public-events.ts';
import { billingConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { reconcileLedger } from './application/reconcile.ts';
import { billingHandlers } from './http/handlers.ts';
import { PAYMENT_PROVIDERS } from './infra/providers/index.ts';
import { billingAdminActions, billingAdminResources } from './admin/screens.ts';
import { BILLING_TABLES } from './infra/tables.ts';
import { recordCompletion, recordFailure, recordTip } from './application/record-completion.ts';
import { STATEMENT_CRON, STATEMENT_EMAIL_TOPIC, issueMonthlyStatements } from './application/statements.ts';
import { sendStatementEmail } from './application/send-statement-email.ts';
import { nextPayoutDueAt, runPayouts, type Payouts } from './application/payouts.ts';
import { createGoldenHatClient } from './infra/golden-hat-client.ts';
import { INVOICE_EMAIL_TOPIC, PERIOD_EMAILS_TOPIC, issueWeeklyInvoices, queuePeriodEmails } from './application/issue-weekly-invoices.ts';
import { sendInvoiceEmail } from './application/send-invoice-email.ts';
import { INVOICE_CRON } from './application/invoices.ts';
import { createBidLedger, type BidLedger } from './application/bid-ledger.ts';
import { reviewCorrections } from './application/review-corrections.ts';
import type { Tx } from '../../platform/database.ts';
import { billingDashboardFigures } from './infra/dashboard.figures.ts';

export { discountRate, discountOn } from './domain/discount.ts';
export type { BidLedger } from './application/bid-ledger.ts';

/** What later modules reach with `peers.of(billingModule)`: ledger operations done in their own transaction. */
export interface BillingService {
  /** Bids' stakes, settlements and paid shares (application/bid-ledger.ts). */
  bidLedger: BidLedger;
  /** Quality reviews' corrections and the billing facts a review shows (application/review-corrections.ts). */
  reviewCorrections: BillingReviewCorrections;
}

/**
 * Billing (SPEC §8): the double-entry ledger and its reconciliation, client
 * balances and top-ups through a payment provider, weekly invoices with the
 * cumulative-spend discount, worker statements with fines, rewards and
 * carried debt, and payouts through Golden Hat.
 */
/**
 * What billing provides to quality reviews (`peers.of(billingModule)`):
 * corrections a review makes, each posted in the ledger with the review as
 * its reference and made at most once per order, and the billing facts a
 * review shows.
 */
export interface BillingReviewCorrections {
  /**
   * Reverses the worker's fine for a failed order (no check-in, rejected),
   * in the caller's transaction: posted now (fines → worker), shown as an
   * `adjustment` line (with `reason`) on the worker's next statement.
   * `reversed` is false when billing fined nobody for the order, or
   * another review already reversed it; the same review again changes nothing.
   */
  reverseFine(
    tx: Tx,
    input: { orderId: string; workerId: string; reviewId: string; reason: string },
  ): Promise<{ reversed: boolean; amount: string | null }>;
  /**
   * Refunds the client the order's invoiced price, credited to its balance
   * (platform revenue → client). 409 `BILLING.NOT_INVOICED` when the order
   * has no invoice line (only accepted orders are billed),
   * `BILLING.ALREADY_REFUNDED` when another review refunded it.
   */
  refundOrder(tx: Tx, input: { orderId: string; reviewId: string; reason: string }): Promise<{ clientId: string; amount: string }>;
  /** After a refund has committed: pays the client's unpaid invoices its balance now covers (as after a top-up). */
  payWhatTheBalanceCovers(clientId: string): Promise<number>;
  /** The order's invoice line: its price, its week, its invoice once issued (null when it is not billed). */
  invoiceLineOf(orderId: string): Promise<{
    orderId: string;
    clientId: string;
    amount: string;
    completedAt: string;
    periodEnd: string;
    invoiceId: string | null;
    invoiceStatus: 'paid' | 'unpaid' | null;
    refunded: string | null;
  } | null>;
  /** The worker's record: completed and failed orders, and the latest outcomes. */
  workerHistory(
    workerId: string,
    limit?: number,
  ): Promise<{
    completedOrders: number;
    failedOrders: number;
    recentOutcomes: { orderId: string; outcome: 'completed' | 'failed'; at: string; fineReversed: boolean }[];
  }>;
}

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
  kernel.events.subscribe('order.tipped', 'billing.record-tip', (e) => recordTip(billing, e.payload));
  kernel.outbox.handle(STATEMENT_EMAIL_TOPIC, (message) => sendStatementEmail(billing, message.payload as { statementId: string }));
  kernel.outbox.handle(PERIOD_EMAILS_TOPIC, async (message) => {
    await queuePeriodEmails(billing, message.payload as { periodEnd: string });
  });
  kernel.outbox.handle(INVOICE_EMAIL_TOPIC, (message) =>
    sendInvoiceEmail(billing, message.payload as { invoiceId: string; kind: 'issued' | 'paid' }),
  );
  return {
    name: 'billing',
    provides: { bidLedger: createBidLedger(kernel), reviewCorrections: reviewCorrections(billing) },
    handlers: billingHandlers(billing),
    jobs: [
      {
        name: 'billing.weekly-invoices',
        description: "Issues each client's invoice for the week's completed orders (Sundays 23:00) and pays what balances cover",
        schedule: { cron: INVOICE_CRON },
        // A week of 60,000 orders issues in well under a minute; the lock is renewed while a run lives.
        lockLifetimeMs: 5 * 60_000,
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
        lockLifetimeMs: 5 * 60_000,
        async run(context) {
          const result = await issueMonthlyStatements(billing, context.asOf);
          context.logger.info(result, 'monthly statements issued');
        },
      },
      {
        name: 'billing.payouts',
        description: 'Sends payable statements to Golden Hat (retrying failures with backoff) and polls for missed callbacks',
        schedule: { everyMs: 15_000, nextDueAt: () => nextPayoutDueAt(billing) },
        // Each Golden Hat call is timed out; a crashed run holds payouts back a minute.
        lockLifetimeMs: 60_000,
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
        lockLifetimeMs: 5 * 60_000,
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
    dashboardFigures: billingDashboardFigures(kernel.db),
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
