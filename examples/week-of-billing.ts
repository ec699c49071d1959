/**
 * A week of billing through the SDK: an order is scheduled (see
 * order-to-scheduled.ts), the sandbox clock moves to its start, the assigned
 * demo worker checks in and reports, the demo client accepts and tops up
 * with a sandbox test card, and a week later Sunday's run has issued the
 * invoice and paid it from the balance. Money is added as integer
 * hundredths (`toCents`/`formatCents`), never as floats.
 *
 *   npm start                       # in one terminal
 *   npm run example:week-of-billing # in another (moves the sandbox clock!)
 */
import { formatCents, login, toCents, uploadFile, type ChorecatClient } from '@chorecat/sdk';
import { orderToScheduled } from './order-to-scheduled.ts';

const DEMO_PASSWORD = 'chorecat-demo';
// A 1×1 PNG: the check-in and report photos.
const PHOTO = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** The demo worker matching assigned (the demo workers are worker1 … worker5). */
async function assignedWorker(baseUrl: string, orderId: string): Promise<ChorecatClient> {
  for (let n = 1; n <= 5; n++) {
    const { client } = await login({ baseUrl }, { email: `worker${n}@chorecat.test`, password: DEMO_PASSWORD });
    for await (const mine of client.orders.list({ status: 'scheduled', limit: 100 })) if (mine.id === orderId) return client;
  }
  throw new Error(`order ${orderId} is assigned to no demo worker`);
}

export async function weekOfBilling(baseUrl: string, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => undefined);
  const { client } = await login({ baseUrl }, { email: 'client@chorecat.test', password: DEMO_PASSWORD });
  const { client: manager } = await login({ baseUrl }, { email: 'manager@chorecat.test', password: DEMO_PASSWORD });
  // Two days ahead of the platform's time (the sandbox clock may be ahead of yours after an earlier run).
  const now = Date.parse((await manager.sandbox.getClock.orThrow()).now);
  const order = await orderToScheduled(baseUrl, {
    log,
    client,
    startsAt: new Date(Math.ceil((now + 2 * 86_400_000) / 3_600_000) * 3_600_000),
  });
  const worker = await assignedWorker(baseUrl, order.id);

  // To twenty minutes before the start: the worker may check in in the two hours before it.
  await manager.sandbox.advance.orThrow({ advanceTo: new Date(Date.parse(order.startsAt) - 20 * 60_000).toISOString() });
  const photo = async () => (await uploadFile(worker, new Blob([PHOTO], { type: 'image/png' }), 'photo.png')).id;
  await worker.orders.checkIn.orThrow(order.id, { photoId: await photo() });
  const shot = await photo();
  await worker.orders.report.orThrow(order.id, { beforePhotoIds: [shot], afterPhotoIds: [shot], signedReportPhotoId: shot });
  await client.orders.accept.orThrow(order.id, { rating: 5 });
  log(`order ${order.id} completed at ${order.price}`);

  // Billing learns of the completion from the order's event, delivered in the background: wait for it.
  let upcoming = await client.invoices.getUpcoming.orThrow();
  for (let tries = 0; !upcoming.lines.some((l) => l.orderId === order.id); tries++) {
    if (tries === 60) throw new Error('the completed order never reached the upcoming invoice');
    await new Promise((resolve) => setTimeout(resolve, 500));
    upcoming = await client.invoices.getUpcoming.orThrow();
  }
  const before = (await client.balance.get.orThrow()).balance;
  // Top up what the week will cost beyond the balance — after older unpaid invoices, which are paid first.
  let owed = 0n;
  for await (const invoice of client.invoices.list({ limit: 100 })) if (invoice.status === 'unpaid') owed += toCents(invoice.total);
  const shortfall = toCents(upcoming.total) + owed - toCents(before);
  if (shortfall > 0n) {
    const amount = formatCents(shortfall);
    await client.topUps.create.orThrow({ amount, paymentMethod: '4242424242424242' });
    log(`topped up ${amount} (balance ${before}, unpaid ${formatCents(owed)}, this week ${upcoming.total})`);
  }

  // A week on: the sandbox clock replays Sunday 23:00, when the invoice is issued and paid.
  await manager.sandbox.advance.orThrow({ advanceBy: 'P7D' });
  const invoice = (await client.invoices.list.orThrow()).data.find((i) => i.lines.some((l) => l.orderId === order.id));
  const { balance } = await client.balance.get.orThrow();
  return { invoice, balance };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await weekOfBilling(process.env.CHORECAT_URL ?? 'http://localhost:3000', { log: (line) => console.log(line) });
  console.log(JSON.stringify(result, null, 2));
}
