import { transaction } from '../../../platform/database.ts';
import { alertOperators } from '../../notifications/index.ts';
import { SUPPLIER_ALERT_AFTER, supplierRetryDelayMs, type CookieStatus } from '../domain/kit-lifecycle.ts';
import { findKit, updateKit } from '../infra/kits.repository.ts';
import { SupplierError } from '../infra/supplier-client.ts';
import type { Supplies } from './context.ts';

const STEP_NAMES: Partial<Record<CookieStatus, string>> = {
  pending: 'Ordering the cookie',
  ordered: 'Asking about the cookie',
  cancelling: 'Cancelling the cookie',
};

/** A supplier call that failed and waits for its retry (the supplier job reports these as failed work). */
export interface SupplierFailure {
  failed: string;
}

/**
 * Records a failed call to the supplier on the kit, where staff see it
 * (attempts, last error, next try), and schedules the next try with
 * backoff. Operators are alerted once a step has failed five times in a row.
 * Anything that is not a SupplierError is a bug and is rethrown.
 */
export async function recordSupplierFailure(
  supplies: Supplies,
  kitId: string,
  step: CookieStatus,
  error: unknown,
): Promise<SupplierFailure> {
  if (!(error instanceof SupplierError)) throw error;
  const { kernel } = supplies;
  const attempts = await transaction(kernel.db, async (tx) => {
    const kit = await findKit(kernel.db, kitId, tx, true);
    // The step moved on meanwhile (e.g. the callback arrived): nothing to retry.
    if (!kit || kit.cookie_status !== step) return undefined;
    const now = kernel.clock.now();
    const attempts = kit.cookie_attempts + 1;
    await updateKit(
      kernel.db,
      tx,
      kit.id,
      {
        cookie_attempts: attempts,
        cookie_last_error: error.message.slice(0, 500),
        cookie_next_attempt_at: new Date(now.getTime() + supplierRetryDelayMs(attempts)),
      },
      now,
    );
    return attempts;
  });
  kernel.logger.warn({ kitId, step, attempts, err: error.message }, 'supplier call failed; will retry');
  if (attempts === SUPPLIER_ALERT_AFTER) {
    await alertOperators(kernel, {
      summary: `The cookie supplier has failed ${attempts} times for kit ${kitId}`,
      detail: `${STEP_NAMES[step] ?? step} keeps failing: ${error.message}. Retries continue with backoff; the kit shows the last error.`,
      fingerprint: `supplier:${kitId}:${step}`,
    });
  }
  return { failed: `kit ${kitId}: ${error.message}` };
}
