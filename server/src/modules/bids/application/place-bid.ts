import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money } from '../../../platform/money.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { lockOrderForStake } from '../../orders/index.ts';
import { BID_CONDITIONS, MAX_STAKE_CENTS, MIN_STAKE_CENTS, stakesOpen, type BidCondition } from '../domain/bid.ts';
import { insertBid } from '../infra/bids.repository.ts';
import { bidView } from './views.ts';
import type { Bids } from './context.ts';

const invalid = (path: string, message: string, detail: string) =>
  new AppError('VALIDATION.FAILED', detail, { errors: [{ path: `/body/${path}`, message }] });

/** The stake as the API and the panel take it: a money string above zero, at most 1,000,000.00. */
export function parseStake(amount: unknown): Money {
  const max = Money.fromCents(MAX_STAKE_CENTS).toString();
  if (typeof amount !== 'string' || !/^\d{1,15}\.\d{2}$/.test(amount)) {
    throw invalid('amount', 'must look like 25.00', 'The amount is cat-units with two decimals, e.g. 25.00.');
  }
  const stake = Money.parse(amount);
  if (stake.cents < MIN_STAKE_CENTS || stake.cents > MAX_STAKE_CENTS) {
    throw invalid('amount', `must be 0.01 to ${max}`, `A stake is more than 0.00 and at most ${max}.`);
  }
  return stake;
}

/**
 * A manager stakes on an order's outcome (SPEC §9), until the order starts.
 * The order is locked FOR SHARE while the bid is written: a check-in or a
 * cancel (which lock it FOR UPDATE) waits for the bid to commit, or the bid
 * waits for them and then sees the order started (409). The bid, its stake
 * in the ledger, the audit entry and the `bid.placed` event commit together.
 */
export async function placeBid(
  bids: Bids,
  input: { actor: Principal; orderId: string; amount: unknown; condition: unknown; requestId?: string },
) {
  const { kernel } = bids;
  if (!isManager(input.actor)) throw new AppError('AUTH.FORBIDDEN', 'Only managers and admins place bids.');
  const amount = parseStake(input.amount);
  if (!BID_CONDITIONS.includes(input.condition as BidCondition)) {
    throw invalid('condition', 'must be completed or failed', 'A bid stakes on the order ending completed or failed.');
  }
  const condition = input.condition as BidCondition;
  return transaction(kernel.db, async (tx) => {
    const order = await lockOrderForStake(kernel.db, tx, input.orderId);
    if (!order) throw new AppError('NOT_FOUND', 'No such order.');
    if (!stakesOpen(order.status)) {
      throw new AppError('BIDS.ORDER_STARTED', `Bids close when the order starts; this one is ${order.status.replace('_', ' ')}.`);
    }
    const row = await insertBid(kernel.db, tx, {
      orderId: input.orderId,
      managerId: input.actor.id,
      amountCents: amount.cents,
      condition,
      now: kernel.clock.now(),
    });
    await bids.ledger.postStake(tx, { bidId: row.id, orderId: row.order_id, managerId: row.manager_id, amount });
    const bid = bidView(row);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'bid.placed',
      targetType: 'order',
      targetId: input.orderId,
      after: { bidId: bid.id, amount: bid.amount, condition: bid.condition },
      requestId: input.requestId,
    });
    await kernel.events.publish(
      tx,
      'bid.placed',
      { bidId: bid.id, orderId: bid.orderId, managerId: bid.managerId, amount: bid.amount, condition, createdAt: bid.createdAt },
      `bid:${bid.id}`,
    );
    return bid;
  });
}
