import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { billingModule, type BidLedger } from '../billing/index.ts';
import { bidsHandlers } from './http/handlers.ts';
import { bidsAdminActions, bidsAdminResources } from './admin/screens.ts';
import { ORDER_ENDING_EVENTS, settleEndedOrder } from './application/settle-ended-order.ts';
import { SETTLEMENT_PUBLIC_EVENTS } from './public-events.ts';
import { bidsTable, settlementsTable, settlementSharesTable } from './infra/bids.tables.ts';
import { BID_EVENT_NAMES } from './events.ts';
import type { Bids } from './application/context.ts';

export { splitPot, type Split, type StakedBid } from './domain/settlement.ts';
export {
  BID_CONDITIONS,
  BID_STATUSES,
  SETTLEMENT_OUTCOMES,
  type BidCondition,
  type BidStatus,
  type SettlementOutcome,
} from './domain/bid.ts';
export type { BidPlacedPayload, SettlementComputedPayload, SettlementSharePaidPayload } from './events.ts';

/**
 * Bids (SPEC §9): managers stake on an order's outcome until it starts;
 * when it ends the pot is settled once, split among the winners, and
 * managers mark each winner's share paid. The money moves in billing's
 * ledger (`peers.of(billingModule).bidLedger`), in bids' transactions.
 */
export function createBidsModule(kernel: Kernel, deps: { ledger: BidLedger }): ChorecatModule {
  const bids: Bids = { kernel, ledger: deps.ledger };
  for (const event of ORDER_ENDING_EVENTS) {
    kernel.events.subscribe(event, 'bids.settle', (e) => settleEndedOrder(bids, e.payload));
  }
  return {
    name: 'bids',
    handlers: bidsHandlers(bids),
    adminResources: bidsAdminResources(bids, kernel.db.sequelize),
    adminActions: bidsAdminActions(bids),
  };
}

export const bidsModule = defineModule({
  name: 'bids',
  publishes: BID_EVENT_NAMES,
  tables: [bidsTable, settlementsTable, settlementSharesTable],
  publicEvents: SETTLEMENT_PUBLIC_EVENTS,
  create: (kernel, peers) => createBidsModule(kernel, { ledger: peers.of(billingModule).bidLedger }),
});
