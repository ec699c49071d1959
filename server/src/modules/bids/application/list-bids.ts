import { AppError } from '../../../platform/errors.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { findOrderForStake } from '../../orders/index.ts';
import { listBidRows } from '../infra/bids.repository.ts';
import { bidView } from './views.ts';
import type { Bids } from './context.ts';

/** Every bid on the order, oldest first (managers and admins: the contract's roles). */
export async function listBids(bids: Bids, input: { orderId: string; limit: number; cursor?: string }) {
  const { kernel } = bids;
  const after = decodeCursor(input.cursor);
  if (!(await findOrderForStake(kernel.db, input.orderId))) throw new AppError('NOT_FOUND', 'No such order.');
  const rows = await listBidRows(kernel.db, { orderId: input.orderId, after, limit: input.limit + 1 });
  return page(rows.map(bidView), input.limit, (bid) => ({ at: bid.createdAt, id: bid.id }));
}
