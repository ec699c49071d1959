import { alertOperators } from '../../notifications/index.ts';
import { reconciliationFindings } from '../infra/ledger.repository.ts';
import type { Billing } from './context.ts';

/**
 * Checks the ledger's invariants (every transaction sums to zero, so all
 * accounts together do too) and alerts operators on a mismatch. The
 * database already refuses an unbalanced transaction; this catches what
 * could only come from outside the application (a manual fix gone wrong).
 */
export async function reconcileLedger(billing: Billing): Promise<{ ok: boolean; unbalanced: number; grandTotal: string }> {
  const { unbalanced, grandTotal } = await reconciliationFindings(billing.kernel.db);
  const ok = unbalanced.length === 0 && grandTotal === 0n;
  if (!ok) {
    await alertOperators(billing.kernel, {
      summary: 'The ledger does not reconcile',
      detail: `All accounts sum to ${grandTotal} hundredths (expected 0); unbalanced transactions: ${unbalanced.map((u) => `${u.id} (${u.total})`).join(', ') || 'none'}.`,
      fingerprint: `ledger:${grandTotal}:${unbalanced.map((u) => u.id).join(',')}`,
    });
  }
  return { ok, unbalanced: unbalanced.length, grandTotal: grandTotal.toString() };
}
