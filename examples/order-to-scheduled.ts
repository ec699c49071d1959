/**
 * An order from creation to `scheduled`, through the SDK, as a client app
 * and a supplies-team app would drive it: the demo client posts an order;
 * the supplies staffer finds its kit in the queue, waits for the supplier's
 * cookie (the development stand-in delivers it after 20 s), packs the kit
 * and marks it ready; matching then assigns a worker and fixes the price.
 *
 *   npm start                           # in one terminal
 *   npm run example:order-to-scheduled  # in another
 */
import { login, unwrap, type ChorecatClient } from '@chorecat/sdk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function orderToScheduled(
  baseUrl: string,
  options: { timeoutMs?: number; log?: (line: string) => void; startsAt?: Date; client?: ChorecatClient } = {},
) {
  const log = options.log ?? (() => undefined);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const client = options.client ?? (await login({ baseUrl }, { email: 'client@chorecat.test', password: 'chorecat-demo' })).client;
  const { client: supplies } = await login({ baseUrl }, { email: 'supplies@chorecat.test', password: 'chorecat-demo' });

  const [type] = unwrap(await client.GET('/v1/service-types')).data;
  const startsAt = options.startsAt ?? new Date(Date.now() + (2 + Math.random() * 20) * 24 * 60 * 60_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const order = unwrap(
    await client.POST('/v1/orders', {
      body: { serviceTypeId: type!.id, startsAt: startsAt.toISOString(), address: '1 Example Lane', description: 'From the example' },
    }),
  );
  log(`order ${order.id} posted: ${order.status}`);

  // The kit opens and the cookie is ordered in the background (domain events); wait for the delivery.
  for (;;) {
    if (Date.now() > deadline) throw new Error('the cookie did not arrive in time');
    const kit = unwrap(await supplies.GET('/v1/kits', { params: { query: { status: 'open', limit: 100 } } })).data.find(
      (k) => k.orderId === order.id,
    );
    if (kit?.cookie.status === 'delivered') {
      unwrap(await supplies.POST('/v1/kits/{id}/pack', { params: { path: { id: kit.id } }, body: {} }));
      unwrap(await supplies.POST('/v1/kits/{id}/ready', { params: { path: { id: kit.id } } }));
      log(`kit ${kit.id} packed and ready`);
      break;
    }
    log(kit ? `kit ${kit.id}: cookie ${kit.cookie.status}${kit.cookie.lastError ? ` (${kit.cookie.lastError})` : ''}` : 'kit not open yet');
    await sleep(2_000);
  }

  for (;;) {
    if (Date.now() > deadline) throw new Error('no worker was matched in time');
    const current = unwrap(await client.GET('/v1/orders/{id}', { params: { path: { id: order.id } } }));
    if (current.status !== 'matching' && current.status !== 'created') return current;
    await sleep(1_000);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const order = await orderToScheduled(process.env.CHORECAT_URL ?? 'http://localhost:3000', { log: (line) => console.log(line) });
  console.log(JSON.stringify(order, null, 2));
}
