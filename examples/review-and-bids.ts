/**
 * Bids and a quality review through the SDK, as a back-office app would
 * drive them: two managers (the demo manager and the demo admin) stake on
 * an order's outcome; the worker never checks in, so at the scheduled start
 * the order fails; the settlement splits the pot among those who staked on
 * `failed`, and one share is marked paid; the failure is then reviewed and
 * overturned, and at month end the worker's statement shows the fine and
 * its reversal. Money is compared as integer hundredths (`toCents`).
 *
 *   npm start                            # in one terminal
 *   npm run example:review-and-bids      # in another (moves the sandbox clock!)
 */
import { login, unwrap, type ChorecatClient, type Schemas } from '@chorecat/sdk';
import { orderToScheduled } from './order-to-scheduled.ts';
import { exampleAnswers } from './review-queue.ts';

const DEMO_PASSWORD = 'chorecat-demo';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Credentials {
  email: string;
  password: string;
}

const demo = (email: string): Credentials => ({ email, password: DEMO_PASSWORD });

export interface ReviewAndBidsOptions {
  log?: (line: string) => void;
  /** Who plays each part (default: the demo accounts). */
  people?: { client: Credentials; managers: [Credentials, Credentials]; workers: Credentials[] };
  /** Brings a new order to `scheduled` (default: the order-to-scheduled example, as the demo client and supplies staffer). */
  scheduleOrder?: (client: ChorecatClient, startsAt: Date) => Promise<Schemas['Order']>;
  /** Called while waiting for background work (a test delivers its outbox here; a running server needs nothing). */
  deliver?: () => Promise<void>;
}

/** Polls `read` until it returns something (the work happens in the background, after the cause commits). */
async function eventually<T>(what: string, read: () => Promise<T | undefined>, deliver?: () => Promise<void>): Promise<T> {
  for (let tries = 0; tries < 120; tries++) {
    await deliver?.();
    const value = await read();
    if (value !== undefined) return value;
    await sleep(500);
  }
  throw new Error(`${what} did not happen in time`);
}

export async function reviewAndBids(baseUrl: string, options: ReviewAndBidsOptions = {}) {
  const log = options.log ?? (() => undefined);
  const people = options.people ?? {
    client: demo('client@chorecat.test'),
    managers: [demo('manager@chorecat.test'), demo('admin@chorecat.test')],
    workers: [1, 2, 3, 4, 5].map((n) => demo(`worker${n}@chorecat.test`)),
  };
  const { client } = await login({ baseUrl }, people.client);
  const { client: manager } = await login({ baseUrl }, people.managers[0]);
  const { client: admin } = await login({ baseUrl }, people.managers[1]);
  const now = Date.parse((await manager.sandbox.getClock.orThrow()).now);
  const startsAt = new Date(Math.ceil((now + 2 * 86_400_000) / 3_600_000) * 3_600_000);
  const order = options.scheduleOrder
    ? await options.scheduleOrder(client, startsAt)
    : await orderToScheduled(baseUrl, { log, client, startsAt });

  // 1. Two managers stake, before the order starts.
  await manager.orders.placeBid.orThrow(order.id, { amount: '30.00', condition: 'failed' });
  await manager.orders.placeBid.orThrow(order.id, { amount: '10.00', condition: 'completed' });
  await admin.orders.placeBid.orThrow(order.id, { amount: '20.00', condition: 'failed' });
  const bids = await manager.orders.listBids(order.id).toArray();
  log(`bids on ${order.id}: ${bids.map((b) => `${b.amount} on ${b.condition}`).join(', ')}`);

  // 2. Nobody checks in: at the scheduled start the order fails (a scheduled job, replayed by the sandbox clock).
  await manager.sandbox.advance.orThrow({ advanceTo: new Date(Date.parse(order.startsAt) + 60_000).toISOString() });
  const failed = await client.orders.get.orThrow(order.id);
  log(`order ${failed.id}: ${failed.status} (${failed.failureReason})`);

  // 3. The settlement, and one share marked paid.
  const settlement = await eventually(
    'the settlement',
    async () => {
      // Until the order's event is handled there is none: a refusal with a typed code, not an exception.
      const result = await manager.orders.getSettlement(order.id);
      return result.error?.code === 'BIDS.NOT_SETTLED' ? undefined : unwrap(result);
    },
    options.deliver,
  );
  log(`settlement: pot ${settlement.pot}, winners ${settlement.winnersPot}, developers ${settlement.developersShare}`);
  const share = settlement.shares[0]!;
  const paid = await manager.settlementShares.markPaid.orThrow(share.id);
  log(`share ${paid.id} (${paid.amount}) ${paid.status} at ${paid.paidAt}`);

  // 4. The failure entered the review queue by itself: review it and overturn it.
  const review = await eventually(
    'the review',
    async () => {
      for await (const review of manager.reviews.list({ status: 'open', reason: 'failed', limit: 100 })) {
        if (review.orderId === order.id) return review;
      }
      return undefined;
    },
    options.deliver,
  );
  const detail = await manager.reviews.get.orThrow(review.id);
  const done = await manager.reviews.recordResult.orThrow(review.id, {
    formId: detail.form!.id,
    answers: exampleAnswers(detail.form!),
    verdict: 'overturned',
    clientFeedback: 'The client saw the worker arrive.',
  });
  log(`review ${done.id}: ${done.verdict}, fine reversed: ${done.fineReversed}`);

  // 5. At month end the worker's statement shows the fine and its reversal.
  const worker = await workerOf(baseUrl, people.workers, order.id);
  const clock = new Date((await manager.sandbox.getClock.orThrow()).now);
  const monthEnd = new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth() + 1, 1, 0, 30));
  await manager.sandbox.advance.orThrow({ advanceTo: monthEnd.toISOString() });
  const statement = await eventually(
    'the statement',
    async () => {
      for await (const statement of worker.statements.list({ limit: 100 })) {
        if (statement.lines.some((l) => l.orderId === order.id)) return statement;
      }
      return undefined;
    },
    options.deliver,
  );
  for (const line of statement.lines.filter((l) => l.orderId === order.id || l.kind === 'adjustment'))
    log(`  ${line.kind} ${line.amount}${line.description ? ` (${line.description})` : ''}`);
  log(`statement ${statement.id}: fines ${statement.fines}, adjustments ${statement.adjustments}, net ${statement.net}`);
  return { order: failed, settlement, paidShare: paid, review: done, statement };
}

/** The worker the order was matched to: the one of `workers` who can see it. */
async function workerOf(baseUrl: string, workers: Credentials[], orderId: string): Promise<ChorecatClient> {
  for (const credentials of workers) {
    const { client } = await login({ baseUrl }, credentials);
    const { error } = await client.orders.get(orderId);
    if (!error) return client;
  }
  throw new Error(`order ${orderId} is assigned to none of the workers`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await reviewAndBids(process.env.CHORECAT_URL ?? 'http://localhost:3000', { log: (line) => console.log(line) });
  console.log(JSON.stringify(result, null, 2));
}
