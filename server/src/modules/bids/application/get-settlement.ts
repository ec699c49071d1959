import { AppError } from '../../../platform/errors.ts';
import { findOrderForStake } from '../../orders/index.ts';
import { findSettlementOfOrder, sharesOfSettlement } from '../infra/bids.repository.ts';
import { settlementView } from './views.ts';
import type { Bids } from './context.ts';

/** An order's settlement: 404 NOT_FOUND without such an order, 404 BIDS.NOT_SETTLED until it has ended and been settled. */
export async function getSettlement(bids: Bids, orderId: string) {
  const { db } = bids.kernel;
  const settlement = await findSettlementOfOrder(db, orderId);
  if (!settlement) {
    if (!(await findOrderForStake(db, orderId))) throw new AppError('NOT_FOUND', 'No such order.');
    throw new AppError('BIDS.NOT_SETTLED', 'The order has not ended and been settled yet.');
  }
  return settlementView(settlement, await sharesOfSettlement(db, settlement.id));
}
