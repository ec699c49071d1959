/**
 * A manager's whole flow through the SDK, as a back-office app would drive
 * it: the demo manager hires an applicant, edits an order that lands on the
 * new worker, stakes on it (and the demo admin against), and when nobody
 * checks in and the order fails, marks its settlement share paid, reviews
 * the failure and overturns it (the fine is reversed), and rewards the
 * worker. The worker's earnings show the fine, the reversal and the reward.
 *
 *   npm start                        # in one terminal
 *   npm run example:manager-flow     # in another (moves the sandbox clock!)
 */
import { login, unwrap } from '@chorecat/sdk';
import {
  advanceTo,
  applyAndGetHired,
  cliSettings,
  DEMO_STAFF,
  eventually,
  hoursAhead,
  orderForWorker,
  platformNow,
  type FlowOptions,
} from './flows.ts';
import { exampleAnswers } from './review-queue.ts';

export async function managerFlow(baseUrl: string, options: FlowOptions = {}) {
  const log = options.log ?? (() => undefined);
  const staff = options.staff ?? DEMO_STAFF;
  const mailboxUrl = options.mailboxUrl ?? cliSettings().mailboxUrl;
  const { client: manager } = await login({ baseUrl }, staff.manager);
  const { client: admin } = await login({ baseUrl }, staff.admin);
  const { client } = await login({ baseUrl }, staff.client);
  const { client: supplies } = await login({ baseUrl }, staff.supplies);

  // 1. Hire: an applicant applies and passes the test; the manager hires it.
  const worker = await applyAndGetHired(baseUrl, manager, { ...options, mailboxUrl, name: 'Tigger' });

  // 2. The demo client's order lands on the new worker; the manager edits it before it starts.
  const now = await platformNow(manager);
  const order = await orderForWorker(
    baseUrl,
    { client, manager, supplies },
    { workerId: worker.workerId, startsAt: hoursAhead(now, 48), address: '3 Old Basket Road', log, deliver: options.deliver },
  );
  const edited = await manager.orders.update.orThrow(order.id, { address: '5 New Basket Road', description: 'Ring twice; the cat is shy' });
  const edit = (await manager.orders.getTimeline.orThrow(order.id)).data.find((e) => e.event === 'edited');
  log(`[manager] edits order ${order.id}: address now "${edited.address}" (timeline: ${edit?.event} ${JSON.stringify(edit?.changes)})`);

  // 3. Bids before the start: the manager stakes on `failed`, the admin on `completed`.
  await manager.orders.placeBid.orThrow(order.id, { amount: '30.00', condition: 'failed' });
  await admin.orders.placeBid.orThrow(order.id, { amount: '10.00', condition: 'completed' });
  log(`[manager] stakes 30.00 on failed; [admin] stakes 10.00 on completed`);

  // 4. Nobody checks in: at the start the order fails (the sandbox clock replays its timer).
  await advanceTo(manager, new Date(Date.parse(order.startsAt) + 60_000));
  const failed = await manager.orders.get.orThrow(order.id);
  log(`[manager] moves the sandbox clock past the start: order ${failed.status} (${failed.failureReason})`);

  // 5. The settlement, and the manager's share marked paid.
  const settlement = await eventually(
    'the settlement',
    async () => {
      // Until the order's event is handled there is none: a refusal with a typed code, not an exception.
      const result = await manager.orders.getSettlement(order.id);
      return result.error?.code === 'BIDS.NOT_SETTLED' ? undefined : unwrap(result);
    },
    options.deliver,
  );
  log(
    `[manager] settlement: ${settlement.outcome}, pot ${settlement.pot}, winners ${settlement.winnersPot}, developers ${settlement.developersShare}`,
  );
  const share = settlement.shares[0]!;
  const paidShare = await manager.settlementShares.markPaid.orThrow(share.id);
  log(`[manager] pays out its share of ${paidShare.amount} (stake ${paidShare.stake}) and marks it ${paidShare.status}`);

  // 6. The failure is in the review queue: review it and overturn it (the client saw the worker arrive).
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
  const reviewed = await manager.reviews.recordResult.orThrow(review.id, {
    formId: detail.form!.id,
    answers: exampleAnswers(detail.form!),
    verdict: 'overturned',
    clientFeedback: 'The client saw the worker arrive.',
  });
  log(`[manager] reviews the failure: ${reviewed.verdict}, fine reversed: ${reviewed.fineReversed}`);

  // 7. A reward for the trouble, paid with the next statement.
  const reward = await manager.workers.createReward.orThrow(worker.workerId, { amount: '15.00', reason: 'Good sport about the mix-up' });
  log(`[manager] rewards ${worker.workerCode} ${reward.amount}: "${reward.reason}"`);

  // What the worker sees this month: the fine, its reversal and the reward.
  const earnings = await eventually(
    'the reversal and the reward',
    async () => {
      const e = await worker.client.earnings.get.orThrow({ from: new Date(Date.parse(order.startsAt) - 86_400_000).toISOString() });
      return e.adjustments !== '0.00' && e.rewards !== '0.00' ? e : undefined;
    },
    options.deliver,
  );
  log(`[worker] earnings: fines ${earnings.fines}, adjustments ${earnings.adjustments}, rewards ${earnings.rewards}, net ${earnings.net}`);
  return { workerId: worker.workerId, order: failed, edited, settlement, paidShare, review: reviewed, reward, earnings };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { baseUrl, mailboxUrl } = cliSettings();
  const result = await managerFlow(baseUrl, { mailboxUrl, log: (line) => console.log(line) });
  console.log(
    JSON.stringify(
      {
        order: result.order.id,
        status: result.order.status,
        shares: result.settlement.shares.map((s) => [s.stake, s.amount]),
        net: result.earnings.net,
      },
      null,
      2,
    ),
  );
}
