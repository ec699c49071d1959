import type { ChorecatModule, Kernel } from '../../platform/module.ts';
import type { Billing } from './application/context.ts';
import { reconcileLedger } from './application/reconcile.ts';
import { billingHandlers } from './http/handlers.ts';
import { PAYMENT_PROVIDERS } from './infra/providers/index.ts';
import { billingAdminResources } from './infra/admin.ts';

export { discountRate, discountOn } from './domain/discount.ts';

/**
 * Billing (SPEC §8), in progress: the double-entry ledger, client balances
 * and top-ups through a payment provider, and the ledger's reconciliation.
 * Weekly invoices, worker statements, payouts and rewards follow.
 */
export function createBillingModule(kernel: Kernel): ChorecatModule {
  const b: Billing = { kernel, provider: PAYMENT_PROVIDERS[kernel.config.paymentProvider]! };
  return {
    name: 'billing',
    handlers: billingHandlers(b),
    jobs: [
      {
        name: 'billing.reconcile',
        description: 'Checks that the ledger balances (every transaction and all accounts sum to zero); alerts operators if not',
        // A check with no business time: a poller (the sandbox clock runs it once per advance, not once per day).
        schedule: { everyMs: 6 * 60 * 60_000 },
        async run(context) {
          const result = await reconcileLedger(b);
          if (!result.ok) context.logger.error(result, 'ledger does not reconcile');
        },
      },
    ],
    adminResources: billingAdminResources(kernel.db.sequelize),
  };
}
