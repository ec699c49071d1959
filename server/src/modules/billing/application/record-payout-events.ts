import type { Tx } from '../../../platform/database.ts';
import { payoutRowsOf } from '../infra/payouts.repository.ts';
import type { PayoutPublicEventType } from '../public-events.ts';
import type { Billing } from './context.ts';
import { toPayoutView } from './payout-views.ts';

/**
 * Records payouts' public events in the transaction of the change (created
 * with its statement, each failed try, paid), for staff and each payout's
 * worker: the payout as the transaction now sees it.
 */
export async function recordPayoutEvents(
  billing: Billing,
  tx: Tx,
  type: PayoutPublicEventType,
  by: { ids?: string[]; statementIds?: string[] },
): Promise<void> {
  if (!by.ids?.length && !by.statementIds?.length) return;
  const { kernel } = billing;
  for (const row of await payoutRowsOf(kernel.db, tx, by)) {
    await kernel.events.recordPublic(tx, { type, data: toPayoutView(row), audience: [row.worker_id] });
  }
}
