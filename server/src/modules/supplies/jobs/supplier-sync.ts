import type { JobDefinition } from '../../../platform/scheduler.ts';
import type { Supplies } from '../application/context.ts';
import { syncWithSupplier } from '../application/sync-with-supplier.ts';
import { nextCookieStepAt } from '../infra/kits.repository.ts';

/**
 * Retries cookie orders and cancellations when their backoff is due, and
 * polls the supplier for deliveries whose callback never came. Due retries
 * are data-driven (`nextDueAt`), so the sandbox clock replays them in order;
 * polls run with every run.
 */
export function supplierJobs(supplies: Supplies): JobDefinition[] {
  return [
    {
      name: 'supplies.supplier-sync',
      description: "Retries the supplier's failed cookie orders and cancellations, and polls for missed deliveries",
      schedule: { everyMs: 15_000, nextDueAt: () => nextCookieStepAt(supplies.kernel.db) },
      // Each supplier call is timed out (SUPPLIER_TIMEOUT_MS); a crashed run holds cookies back a minute.
      lockLifetimeMs: 60_000,
      quiet: true,
      async run() {
        return syncWithSupplier(supplies);
      },
    },
  ];
}
