/**
 * An order from creation to `scheduled`, through the SDK, as a client app
 * and a supplies-team app would drive it: the demo client posts an order;
 * the supplies staffer finds its kit in the queue, waits for the supplier's
 * cookie (the development stand-in delivers it after 20 s), packs the kit
 * and marks it ready; matching then assigns a worker and fixes the price
 * (`waitFor` follows the order to `scheduled`).
 *
 *   npm start                           # in one terminal
 *   npm run example:order-to-scheduled  # in another
 */
import { login, waitFor, type ChorecatClient, type Schemas } from '@chorecat/sdk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function orderToScheduled(
  baseUrl: string,
  options: { timeoutMs?: number; log?: (line: string) => void; startsAt?: Date; client?: ChorecatClient } = {},
) {
  const log = options.log ?? (() => undefined);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const client = options.client ?? (await login({ baseUrl }, { email: 'client@chorecat.test', password: 'chorecat-demo' })).client;
  const { client: supplies } = await login({ baseUrl }, { email: 'supplies@chorecat.test', password: 'chorecat-demo' });

  const [type] = (await client.serviceTypes.list.orThrow()).data;
  const startsAt = options.startsAt ?? new Date(Date.now() + (2 + Math.random() * 20) * 24 * 60 * 60_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const order = await client.orders.create.orThrow({
    serviceTypeId: type!.id,
    startsAt: startsAt.toISOString(),
    address: '1 Example Lane',
    description: 'From the example',
  });
  log(`order ${order.id} posted: ${order.status}`);

  // The kit opens and the cookie is ordered in the background (domain events); wait for the delivery.
  for (;;) {
    if (Date.now() > deadline) throw new Error('the cookie did not arrive in time');
    let kit: Schemas['Kit'] | undefined;
    for await (const open of supplies.kits.list({ status: 'open', limit: 100 })) {
      if (open.orderId !== order.id) continue;
      kit = open;
      break;
    }
    if (kit?.cookie.status === 'delivered') {
      await supplies.kits.pack.orThrow(kit.id, {});
      await supplies.kits.markReady.orThrow(kit.id);
      log(`kit ${kit.id} packed and ready`);
      break;
    }
    log(kit ? `kit ${kit.id}: cookie ${kit.cookie.status}${kit.cookie.lastError ? ` (${kit.cookie.lastError})` : ''}` : 'kit not open yet');
    await sleep(2_000);
  }

  // Matching runs in the background too; waitFor follows the order's events (or reads the order) until it is scheduled.
  return waitFor(client, order, 'scheduled', { timeoutMs: Math.max(deadline - Date.now(), 1), pollIntervalMs: 1_000 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const order = await orderToScheduled(process.env.CHORECAT_URL ?? 'http://localhost:3000', { log: (line) => console.log(line) });
  console.log(JSON.stringify(order, null, 2));
}
