/**
 * Bids through the SDK, as a manager's app would use them: the demo client
 * posts an order starting in an hour; the demo manager stakes 3.00 and 6.00
 * on it failing and 1.00 on it completing. Nobody assembles the kit, so at
 * the start (the sandbox clock moves two hours) the order fails with
 * `no_worker`; the pot of 10.00 is split between the two failed-bids by
 * stake (largest remainder: 3.33 and 6.67); the manager pays them and marks
 * each share paid.
 *
 *   npm start                         # in one terminal
 *   npm run example:bids-on-an-order  # in another
 */
import { formatCents, login, money, toCents, unwrap, type ChorecatClient, type Schemas } from '@chorecat/sdk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function bidsOnAnOrder(
  baseUrl: string,
  options: {
    manager?: { email: string; password: string };
    client?: ChorecatClient;
    /** How the settlement gets computed: a running server's jobs deliver the order's event by themselves. */
    deliver?: () => Promise<void>;
    timeoutMs?: number;
    log?: (line: string) => void;
  } = {},
) {
  const log = options.log ?? (() => undefined);
  const client = options.client ?? (await login({ baseUrl }, { email: 'client@chorecat.test', password: 'chorecat-demo' })).client;
  const { client: manager } = await login({ baseUrl }, options.manager ?? { email: 'manager@chorecat.test', password: 'chorecat-demo' });

  const now = Date.parse((await manager.sandbox.getClock.orThrow()).now);
  const [type] = (await client.serviceTypes.list.orThrow()).data;
  const order = await client.orders.create.orThrow({
    serviceTypeId: type!.id,
    startsAt: new Date(now + 60 * 60_000).toISOString(),
    address: '2 Wager Way',
  });
  log(`order ${order.id} posted, starting ${order.startsAt}`);

  const stakes = [
    { amount: money('3.00'), condition: 'failed' as const },
    { amount: money('6.00'), condition: 'failed' as const },
    { amount: money('1.00'), condition: 'completed' as const },
  ];
  for (const stake of stakes) {
    const bid = await manager.orders.placeBid.orThrow(order.id, stake);
    log(`bid ${bid.id}: ${bid.amount} on ${bid.condition}`);
  }
  const pot = stakes.reduce((sum, s) => sum + toCents(s.amount), 0n);
  log(`pot ${formatCents(pot)}`);

  // Two hours on: the start passes without a worker, and the order fails by itself.
  await manager.sandbox.advance.orThrow({ advanceBy: 'PT2H' });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let settlement: Schemas['Settlement'];
  for (;;) {
    await options.deliver?.();
    // Not settled yet is an answer, not an exception: `error.code` is typed with what getSettlement documents.
    const result = await manager.orders.getSettlement(order.id);
    if (result.data) {
      settlement = result.data;
      break;
    }
    if (result.error.code !== 'BIDS.NOT_SETTLED' || Date.now() > deadline) unwrap(result); // throws its ChorecatApiError
    await sleep(500);
  }
  log(`settled ${settlement.outcome}: ${settlement.shares.map((s) => `${s.stake} → ${s.amount}`).join(', ')}`);

  // The manager pays each winner outside the platform, then says so.
  for (const share of settlement.shares) {
    await manager.settlementShares.markPaid.orThrow(share.id);
  }
  return manager.orders.getSettlement.orThrow(order.id);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const settlement = await bidsOnAnOrder(process.env.CHORECAT_URL ?? 'http://localhost:3000', { log: (line) => console.log(line) });
  console.log(JSON.stringify(settlement, null, 2));
}
