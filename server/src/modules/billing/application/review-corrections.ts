import type { Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money, formatCents } from '../../../platform/money.ts';
import { FAILED_ORDER_FINE } from '../domain/earnings.ts';
import { post } from '../infra/ledger.repository.ts';
import {
  billedOrder,
  correctionOfOrder,
  insertCorrection,
  outcomeOfOrder,
  outcomeTotals,
  recentOutcomes,
} from '../infra/review-corrections.repository.ts';
import type { BillingReviewCorrections } from '../index.ts';
import type { Billing } from './context.ts';
import { payWhatTheBalanceCovers } from './issue-weekly-invoices.ts';

/**
 * What billing does for a quality review (SPEC §10), provided to quality
 * through billing's door. Every amount is posted in the ledger with the
 * review as its reference, once: a retried review posts nothing twice, and
 * an order's fine is reversed (or its price refunded) at most once, whatever
 * review asks.
 */
export function reviewCorrections(billing: Billing): BillingReviewCorrections {
  const { kernel } = billing;
  return {
    async reverseFine(tx: Tx, input) {
      const outcome = await outcomeOfOrder(kernel.db, input.orderId, tx);
      // Only a failure the worker was fined for (billing records it from `order.no_check_in` / `order.reject`).
      if (!outcome || outcome.outcome !== 'failed' || outcome.worker_id !== input.workerId) return { reversed: false, amount: null };
      const now = kernel.clock.now();
      const correction = await insertCorrection(kernel.db, tx, {
        kind: 'fine_reversal',
        review_id: input.reviewId,
        order_id: input.orderId,
        worker_id: input.workerId,
        client_id: null,
        amount_cents: FAILED_ORDER_FINE.cents,
        description: input.reason,
        created_at: now,
      });
      if (!correction) {
        const earlier = await correctionOfOrder(kernel.db, 'fine_reversal', input.orderId, tx);
        // The same review again: what it did. Another review of the order: the fine is already reversed.
        return { reversed: earlier?.review_id === input.reviewId, amount: earlier ? formatCents(earlier.amount_cents) : null };
      }
      // The reverse of the fine's movement (worker → fines on its statement): fines → worker, now. The next statement shows it as a line.
      await post(
        kernel.db,
        tx,
        {
          kind: 'fine_reversal',
          reference: input.reviewId,
          description: input.reason,
          entries: [
            { account: { kind: 'fines', ownerId: null }, amount: Money.zero().minus(FAILED_ORDER_FINE) },
            { account: { kind: 'worker', ownerId: input.workerId }, amount: FAILED_ORDER_FINE },
          ],
        },
        now,
      );
      return { reversed: true, amount: FAILED_ORDER_FINE.toString() };
    },

    async refundOrder(tx: Tx, input) {
      const billed = await billedOrder(kernel.db, input.orderId, tx);
      if (!billed) {
        throw new AppError(
          'BILLING.NOT_INVOICED',
          `Order ${input.orderId} has no invoice line (only completed orders are billed): there is nothing to refund.`,
        );
      }
      const amount = Money.fromCents(BigInt(billed.price_cents));
      const correction = await insertCorrection(kernel.db, tx, {
        kind: 'refund',
        review_id: input.reviewId,
        order_id: input.orderId,
        worker_id: null,
        client_id: billed.client_id,
        amount_cents: amount.cents,
        description: input.reason,
        created_at: kernel.clock.now(),
      });
      if (!correction) {
        const earlier = await correctionOfOrder(kernel.db, 'refund', input.orderId, tx);
        if (earlier?.review_id === input.reviewId) return { clientId: billed.client_id, amount: formatCents(earlier.amount_cents) };
        throw new AppError('BILLING.ALREADY_REFUNDED', `Order ${input.orderId} was already refunded by review ${earlier?.review_id}.`);
      }
      // The reverse of the order's revenue: platform revenue → the client's balance.
      await post(
        kernel.db,
        tx,
        {
          kind: 'review_refund',
          reference: input.reviewId,
          description: input.reason,
          entries: [
            { account: { kind: 'platform_revenue', ownerId: null }, amount: Money.zero().minus(amount) },
            { account: { kind: 'client', ownerId: billed.client_id }, amount },
          ],
        },
        kernel.clock.now(),
      );
      return { clientId: billed.client_id, amount: amount.toString() };
    },

    async payWhatTheBalanceCovers(clientId) {
      return payWhatTheBalanceCovers(billing, clientId);
    },

    async invoiceLineOf(orderId) {
      const billed = await billedOrder(kernel.db, orderId);
      if (!billed) return null;
      const refund = await correctionOfOrder(kernel.db, 'refund', orderId);
      return {
        orderId: billed.order_id,
        clientId: billed.client_id,
        amount: formatCents(billed.price_cents),
        completedAt: new Date(billed.completed_at).toISOString(),
        periodEnd: new Date(billed.period_end).toISOString(),
        invoiceId: billed.invoice_id,
        invoiceStatus: billed.invoice_status,
        refunded: refund ? formatCents(refund.amount_cents) : null,
      };
    },

    async workerHistory(workerId, limit = 10) {
      const [recent, totals] = await Promise.all([recentOutcomes(kernel.db, workerId, limit), outcomeTotals(kernel.db, workerId)]);
      return {
        completedOrders: Number(totals.completed),
        failedOrders: Number(totals.failed),
        recentOutcomes: recent.map((r) => ({
          orderId: r.order_id,
          outcome: r.outcome,
          at: new Date(r.at).toISOString(),
          fineReversed: r.fine_reversed,
        })),
      };
    },
  };
}
