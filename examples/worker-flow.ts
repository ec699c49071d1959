/**
 * A worker's whole flow through the SDK: a cat applies (the SDK solves the
 * proof-of-work), sets its password with the code from the dev mailbox,
 * takes the tests and is hired by the demo manager; the demo client's order
 * lands on it (see `orderForWorker`), it checks in and reports with photos,
 * the client accepts, and at month end it reads its statement and sees the
 * payout arrive through Golden Hat (the development stand-in settles it).
 *
 *   npm start                        # in one terminal
 *   npm run example:worker-flow      # in another (moves the sandbox clock!)
 */
import { login } from '@chorecat/sdk';
import {
  advanceTo,
  applyAndGetHired,
  cliSettings,
  DEMO_STAFF,
  eventually,
  hoursAhead,
  orderForWorker,
  platformNow,
  statementWith,
  uploadPhoto,
  type FlowOptions,
} from './flows.ts';

export async function workerFlow(baseUrl: string, options: FlowOptions = {}) {
  const log = options.log ?? (() => undefined);
  const staff = options.staff ?? DEMO_STAFF;
  const mailboxUrl = options.mailboxUrl ?? cliSettings().mailboxUrl;
  const { client: manager } = await login({ baseUrl }, staff.manager);
  const { client } = await login({ baseUrl }, staff.client);
  const { client: supplies } = await login({ baseUrl }, staff.supplies);

  // 1. Apply, take the tests, get hired.
  const hired = await applyAndGetHired(baseUrl, manager, { ...options, mailboxUrl, name: 'Whiskers' });
  const me = await hired.client.workers.get.orThrow(hired.workerId);
  log(`[worker] I am ${me.name}, worker code ${me.workerCode}`);

  // 2. An order for the day after tomorrow lands on the new worker.
  const now = await platformNow(manager);
  const order = await orderForWorker(
    baseUrl,
    { client, manager, supplies },
    { workerId: hired.workerId, startsAt: hoursAhead(now, 48), address: '7 Scratching Post Way', log, deliver: options.deliver },
  );
  const upcoming = await hired.client.orders.list({ status: 'scheduled', limit: 100 }).toArray();
  log(`[worker] my scheduled orders include ${order.id}: ${upcoming.some((o) => o.id === order.id)}`);

  // 3. Twenty minutes before the start (check-in opens two hours before): check in, do the job, report.
  await advanceTo(manager, new Date(Date.parse(order.startsAt) - 20 * 60_000));
  log(`[manager] moves the sandbox clock to ${new Date(Date.parse(order.startsAt) - 20 * 60_000).toISOString()}`);
  const started = await hired.client.orders.checkIn.orThrow(order.id, { photoId: await uploadPhoto(hired.client) });
  log(`[worker] checked in with a photo: ${started.status}`);
  const reported = await hired.client.orders.report.orThrow(order.id, {
    beforePhotoIds: [await uploadPhoto(hired.client)],
    afterPhotoIds: [await uploadPhoto(hired.client), await uploadPhoto(hired.client)],
    signedReportPhotoId: await uploadPhoto(hired.client),
  });
  log(`[worker] reported with before, after and signed-report photos: ${reported.status}`);
  const accepted = await client.orders.accept.orThrow(order.id, { rating: 5 });
  log(`[client] accepts with 5 stars: ${accepted.status}`);

  // 4. What the month has earned so far, then the statement at month end.
  const earnings = await eventually(
    'the earning',
    async () => {
      const e = await hired.client.earnings.get.orThrow();
      return e.completedOrders > 0 ? e : undefined;
    },
    options.deliver,
  );
  log(`[worker] earnings this month: ${earnings.completedOrders} order(s), earned ${earnings.earned}, net ${earnings.net}`);
  const statement = await statementWith(manager, hired.client, order.id, options.deliver);
  log(`[manager] moves the sandbox clock past month end: statement ${statement.id} issued`);
  for (const line of statement.lines) log(`  ${line.kind} ${line.amount}${line.orderId ? ` (order ${line.orderId})` : ''}`);
  log(`[worker] statement: earned ${statement.earned}, fines ${statement.fines}, net ${statement.net}, ${statement.status}`);

  // 5. The payout: billing sends payable statements to Golden Hat, whose callback marks them paid.
  const paid = await eventually(
    'the payout',
    async () => {
      for await (const s of hired.client.statements.list({ limit: 100 })) if (s.id === statement.id && s.status === 'paid') return s;
      return undefined;
    },
    options.deliver,
    180,
  );
  log(`[worker] payout of ${paid.net} arrived: ${paid.status} at ${paid.paidAt}`);
  return {
    workerId: hired.workerId,
    workerCode: hired.workerCode,
    testScores: hired.testScores,
    order: accepted,
    earnings,
    statement: paid,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { baseUrl, mailboxUrl } = cliSettings();
  const result = await workerFlow(baseUrl, { mailboxUrl, log: (line) => console.log(line) });
  console.log(
    JSON.stringify(
      { workerCode: result.workerCode, order: result.order.id, net: result.statement.net, payout: result.statement.status },
      null,
      2,
    ),
  );
}
