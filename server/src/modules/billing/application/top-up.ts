import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money } from '../../../platform/money.ts';
import { balance, post } from '../infra/ledger.repository.ts';
import { insertTopUp } from '../infra/top-ups.repository.ts';
import type { Billing } from './context.ts';
import { payWhatTheBalanceCovers } from './issue-weekly-invoices.ts';

export const MAX_TOP_UP = Money.parse('10000.00');

/**
 * A client tops up its balance through the payment provider (SPEC §8). The
 * charge happens first, outside any transaction; then, in one transaction,
 * the top-up is recorded and, when it succeeded, posted to the ledger
 * (external money in → the client's account). A declined charge is
 * recorded and answered 402. Retries are one top-up through the
 * Idempotency-Key; the top-up id is the provider's idempotency reference.
 */
export async function topUp(billing: Billing, input: { client: Principal; amount: string; paymentMethod: string }) {
  const { kernel, provider } = billing;
  const amount = Money.parse(input.amount);
  if (amount.cents <= 0n || amount.cents > MAX_TOP_UP.cents) {
    throw new AppError('BILLING.AMOUNT_OUT_OF_RANGE', `A top-up is more than 0.00 and at most ${MAX_TOP_UP.toString()}.`, {
      errors: [{ path: '/body/amount', message: `must be 0.01 to ${MAX_TOP_UP.toString()}` }],
    });
  }
  if (provider.sandbox && kernel.config.env === 'production') {
    throw new AppError('SERVICE.UNAVAILABLE', 'No real payment provider is configured: top-ups are off.');
  }
  const id = randomUUID();
  const charge = await provider.charge({ amount, paymentMethod: input.paymentMethod, reference: id });
  const result = await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    await insertTopUp(kernel.db, tx, {
      id,
      clientId: input.client.id,
      amountCents: amount.cents,
      provider: provider.name,
      status: charge.status,
      providerReference: charge.providerReference ?? null,
      failureReason: charge.status === 'declined' ? charge.reason : null,
      createdAt: now,
    });
    if (charge.status === 'succeeded') {
      await post(
        kernel.db,
        tx,
        {
          kind: 'top_up',
          reference: id,
          description: `Top-up by ${provider.name} (${charge.providerReference})`,
          entries: [
            { account: { kind: 'external_in', ownerId: null }, amount: Money.zero().minus(amount) },
            { account: { kind: 'client', ownerId: input.client.id }, amount },
          ],
        },
        now,
      );
    }
    return { balance: await balance(kernel.db, 'client', input.client.id, tx), createdAt: now };
  });
  if (charge.status === 'declined') {
    throw new AppError('BILLING.PAYMENT_DECLINED', `The payment was declined: ${charge.reason}. Nothing was charged (top-up ${id}).`);
  }
  // Unpaid invoices are charged again after a top-up (SPEC §8).
  const paidInvoices = await payWhatTheBalanceCovers(billing, input.client.id);
  return {
    id,
    amount: amount.toString(),
    status: charge.status,
    provider: provider.name,
    balance: paidInvoices ? (await balance(kernel.db, 'client', input.client.id)).toString() : result.balance.toString(),
    invoicesPaid: paidInvoices,
    createdAt: result.createdAt.toISOString(),
  };
}
