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
  const onOrder = { params: { path: { id: order.id } } };
  const edited = unwrap(
    await manager.PATCH('/v1/orders/{id}', {
      ...onOrder,
      body: { address: '5 New Basket Road', description: 'Ring twice; the cat is shy' },
    }),
  );
  const edit = unwrap(await manager.GET('/v1/orders/{id}/timeline', onOrder)).data.find((e) => e.event === 'edited');
  log(`[manager] edits order ${order.id}: address now "${edited.address}" (timeline: ${edit?.event} ${JSON.stringify(edit?.changes)})`);

  // 3. Bids before the start: the manager stakes on `failed`, the admin on `completed`.
  unwrap(await manager.POST('/v1/orders/{id}/bids', { ...onOrder, body: { amount: '30.00', condition: 'failed' } }));
  unwrap(await admin.POST('/v1/orders/{id}/bids', { ...onOrder, body: { amount: '10.00', condition: 'completed' } }));
  log(`[manager] stakes 30.00 on failed; [admin] stakes 10.00 on completed`);

  // 4. Nobody checks in: at the start the order fails (the sandbox clock replays its timer).
  await advanceTo(manager, new Date(Date.parse(order.startsAt) + 60_000));
  const failed = unwrap(await manager.GET('/v1/orders/{id}', onOrder));
  log(`[manager] moves the sandbox clock past the start: order ${failed.status} (${failed.failureReason})`);

  // 5. The settlement, and the manager's share marked paid.
  const settlement = await eventually(
    'the settlement',
    async () => {
      const result = await manager.GET('/v1/orders/{id}/settlement', onOrder);
      return result.response.status === 404 ? undefined : unwrap(result);
    },
    options.deliver,
  );
  log(
    `[manager] settlement: ${settlement.outcome}, pot ${settlement.pot}, winners ${settlement.winnersPot}, developers ${settlement.developersShare}`,
  );
  const share = settlement.shares[0]!;
  const paidShare = unwrap(await manager.POST('/v1/settlement-shares/{id}/paid', { params: { path: { id: share.id } } }));
  log(`[manager] pays out its share of ${paidShare.amount} (stake ${paidShare.stake}) and marks it ${paidShare.status}`);

  // 6. The failure is in the review queue: review it and overturn it (the client saw the worker arrive).
  const review = await eventually(
    'the review',
    async () => {
      for (let cursor: string | undefined; ;) {
        const page = unwrap(
          await manager.GET('/v1/reviews', { params: { query: { status: 'open', reason: 'failed', limit: 100, cursor } } }),
        );
        const found = page.data.find((r) => r.orderId === order.id);
        if (found || !page.nextCursor) return found;
        cursor = page.nextCursor;
      }
    },
    options.deliver,
  );
  const detail = unwrap(await manager.GET('/v1/reviews/{id}', { params: { path: { id: review.id } } }));
  const reviewed = unwrap(
    await manager.POST('/v1/reviews/{id}/result', {
      params: { path: { id: review.id } },
      body: {
        formId: detail.form!.id,
        answers: exampleAnswers(detail.form!),
        verdict: 'overturned',
        clientFeedback: 'The client saw the worker arrive.',
      },
    }),
  );
  log(`[manager] reviews the failure: ${reviewed.verdict}, fine reversed: ${reviewed.fineReversed}`);

  // 7. A reward for the trouble, paid with the next statement.
  const reward = unwrap(
    await manager.POST('/v1/workers/{id}/rewards', {
      params: { path: { id: worker.workerId } },
      body: { amount: '15.00', reason: 'Good sport about the mix-up' },
    }),
  );
  log(`[manager] rewards ${worker.workerCode} ${reward.amount}: "${reward.reason}"`);

  // What the worker sees this month: the fine, its reversal and the reward.
  const earnings = await eventually(
    'the reversal and the reward',
    async () => {
      const e = unwrap(
        await worker.client.GET('/v1/earnings', {
          params: { query: { from: new Date(Date.parse(order.startsAt) - 86_400_000).toISOString() } },
        }),
      );
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
