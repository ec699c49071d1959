import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import { formatCents } from '../../../platform/money.ts';
import { sendEmail, type EmailTemplate } from '../../notifications/index.ts';
import { findContact } from '../../identity/index.ts';
import { getServiceType } from '../../catalog/index.ts';
import type { OrderEvent } from '../domain/order-lifecycle.ts';
import type { OrderRow } from '../infra/orders.repository.ts';
import {
  orderCancelled,
  orderCompleted,
  orderFailedClient,
  orderMissedWorker,
  orderReceived,
  orderRejectedWorker,
  orderReported,
  orderScheduledClient,
  orderScheduledWorker,
  orderStarted,
  orderTippedWorker,
} from '../domain/emails.ts';

type Facts = { name: string; service: string; startsAt: Date; address: string };

/**
 * The emails an event owes the order's client and worker (SPEC §2–3),
 * written in the transaction of the change. One email per order, event and
 * recipient (the dedupe key), so a retried use case never sends twice.
 */
export async function notifyTransition(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock'>,
  tx: Tx,
  event: OrderEvent | 'created',
  order: OrderRow,
  reason: string | null,
  /** The order's service type when the caller has just read it (creating an order): not read again. */
  known?: { type: { name: string } },
): Promise<void> {
  const type = known?.type ?? (await getServiceType(kernel, order.service_type_id, tx));
  const facts = async (userId: string | null) => {
    if (!userId) return undefined;
    const contact = await findContact(kernel, userId, tx);
    if (!contact) return undefined;
    const data: Facts = {
      name: contact.name,
      service: type?.name ?? 'Your chore',
      startsAt: new Date(order.starts_at),
      address: order.address,
    };
    return { to: contact.email, data };
  };
  const send = async <D extends Facts>(recipient: 'client' | 'worker', template: EmailTemplate<D>, extra: Omit<D, keyof Facts>) => {
    const target = await facts(recipient === 'client' ? order.client_id : order.worker_id);
    if (!target) return;
    await sendEmail(kernel, tx, {
      template,
      to: target.to,
      data: { ...target.data, ...extra } as D,
      dedupeKey: `order:${order.id}:${event}:${recipient}`,
    });
  };
  switch (event) {
    case 'created':
      return send('client', orderReceived, {});
    case 'worker_assigned':
      await send('client', orderScheduledClient, { price: formatCents(order.price_cents ?? '0') });
      return send('worker', orderScheduledWorker, {});
    case 'cancel':
      await send('client', orderCancelled, { reason });
      return send('worker', orderCancelled, { reason });
    case 'no_worker':
      return send('client', orderFailedClient, { why: 'no worker was free in time' });
    case 'no_check_in':
      await send('client', orderFailedClient, { why: 'the worker did not check in' });
      return send('worker', orderMissedWorker, {});
    case 'check_in':
      return send('client', orderStarted, {});
    case 'report':
      return send('client', orderReported, {});
    case 'accept':
    case 'auto_accept':
      await send('client', orderCompleted, { automatically: event === 'auto_accept' });
      return send('worker', orderCompleted, { automatically: event === 'auto_accept' });
    case 'reject':
      await send('client', orderFailedClient, { why: 'you rejected the work' });
      return send('worker', orderRejectedWorker, { reason: reason ?? '' });
    default:
      return;
  }
}

/** The worker hears of each tip (one email per tip), in the tip's transaction. */
export async function notifyTip(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock'>,
  tx: Tx,
  order: OrderRow,
  tip: { id: string; amount: string },
) {
  if (!order.worker_id) return;
  const type = await getServiceType(kernel, order.service_type_id, tx);
  const contact = await findContact(kernel, order.worker_id, tx);
  if (!contact) return;
  await sendEmail(kernel, tx, {
    template: orderTippedWorker,
    to: contact.email,
    data: {
      name: contact.name,
      service: type?.name ?? 'Your chore',
      startsAt: new Date(order.starts_at),
      address: order.address,
      amount: tip.amount,
    },
    dedupeKey: `order:${order.id}:tip:${tip.id}:worker`,
  });
}
