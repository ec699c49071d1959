import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money } from '../../../platform/money.ts';
import { actorsFor, canSee } from '../domain/order-view.ts';
import { tipRefusal } from '../domain/tips.ts';
import { acceptedAtOf, addTipRow, appendTimeline, findOrder, type OrderRow } from '../infra/orders.repository.ts';
import { notifyTip } from './notify.ts';
import { publishTip, type TipView } from './publish.ts';
import { toRecord } from './order-record.ts';
import { notFound, type OrdersKernel } from './transition.ts';

/** Parses a tip's amount (the contract already holds its shape: a money string). */
export function parseTip(amount: string): Money {
  try {
    return Money.parse(amount);
  } catch {
    throw new AppError('VALIDATION.FAILED', 'A tip is cat-units with two decimals, e.g. 10.00.', {
      errors: [{ path: '/body/tip', message: 'must look like 10.00' }],
    });
  }
}

/**
 * Adds a tip to the client's own order, on its locked row (in `tx` when
 * accepting with a tip): checks it (`domain/tips.ts`), records it, adds it
 * to the order's sum (which the database caps at the price), writes the
 * timeline entry, emails the worker and publishes `order.tipped` (billing
 * invoices it and pays it to the worker). Another client's order is a 404,
 * as a missing one.
 */
export async function addTip(
  kernel: OrdersKernel,
  client: Principal,
  input: { orderId: string; amount: Money; path?: string },
  tx?: Tx,
): Promise<TipView> {
  const run = async (t: Tx) => {
    const order = await findOrder(kernel.db, input.orderId, t, true);
    if (!order || !canSee(actorsFor(toRecord(order), client))) throw notFound();
    if (!actorsFor(toRecord(order), client).includes('owner_client'))
      throw new AppError('AUTH.FORBIDDEN', 'Only the order’s client may tip it.');
    return tipLocked(kernel, t, order, client, input.amount, input.path ?? '/body/amount');
  };
  return tx ? run(tx) : transaction(kernel.db, run);
}

async function tipLocked(kernel: OrdersKernel, tx: Tx, order: OrderRow, client: Principal, amount: Money, path: string): Promise<TipView> {
  const now = kernel.clock.now();
  const acceptedAt = order.status === 'completed' ? await acceptedAtOf(kernel.db, tx, order.id) : null;
  const refusal = tipRefusal(
    {
      status: order.status,
      priceCents: order.price_cents === null ? null : BigInt(order.price_cents),
      tipsCents: BigInt(order.tips_cents),
      acceptedAt,
    },
    amount,
    now,
    kernel.config.businessTimeZone,
  );
  if (refusal) {
    throw new AppError(
      refusal.code,
      refusal.detail,
      refusal.code === 'ORDERS.TIP_OUT_OF_RANGE' ? { errors: [{ path, message: refusal.detail }] } : {},
    );
  }
  const { tip, order: updated } = await addTipRow(kernel.db, tx, {
    orderId: order.id,
    clientId: client.id,
    amountCents: amount.cents,
    now,
  });
  await appendTimeline(kernel.db, tx, {
    orderId: order.id,
    at: now,
    actorId: client.id,
    actorRole: 'client',
    event: 'tip',
    from: updated.status,
    to: updated.status,
    reason: `Tip ${amount.toString()}`,
    changes: { tipId: tip.id, amount: amount.toString(), tips: Money.fromCents(BigInt(updated.tips_cents)).toString() },
  });
  await notifyTip(kernel, tx, updated, { id: tip.id, amount: amount.toString() });
  return publishTip(kernel, tx, updated, tip);
}
