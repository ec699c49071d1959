/**
 * A client's whole flow through the SDK: a cat registers, verifies its
 * address with the code from the dev mailbox, posts an order and follows it
 * (kit, match, check-in, report — the work done by a worker the demo manager
 * hires for it), accepts it with a rating, tops up with a sandbox test card,
 * and sees Sunday's invoice issued and paid from its balance.
 *
 *   npm start                        # in one terminal
 *   npm run example:client-flow      # in another (moves the sandbox clock!)
 */
import { formatCents, login, toCents, unwrap, createChorecat } from '@chorecat/sdk';
import {
  advanceTo,
  applyAndGetHired,
  cliSettings,
  codeFromMailbox,
  DEMO_STAFF,
  eventually,
  hoursAhead,
  orderForWorker,
  platformNow,
  uniqueEmail,
  uploadPhoto,
  type FlowOptions,
} from './flows.ts';

export async function clientFlow(baseUrl: string, options: FlowOptions = {}) {
  const log = options.log ?? (() => undefined);
  const staff = options.staff ?? DEMO_STAFF;
  const mailboxUrl = options.mailboxUrl ?? cliSettings().mailboxUrl;
  const { client: manager } = await login({ baseUrl }, staff.manager);
  const { client: supplies } = await login({ baseUrl }, staff.supplies);

  // 1. Register and verify with the code from the mailbox.
  const anonymous = createChorecat({ baseUrl });
  const credentials = { email: uniqueEmail('mittens'), password: 'mittens-password-1' };
  unwrap(await anonymous.POST('/v1/auth/register', { body: { ...credentials, name: 'Mittens' } }));
  log(`[client] registered ${credentials.email}`);
  const code = await codeFromMailbox(mailboxUrl, credentials.email, /verif|confirm|code/i, options.deliver);
  unwrap(await anonymous.POST('/v1/auth/verify-email', { body: { email: credentials.email, code } }));
  const { client } = await login({ baseUrl }, credentials);
  const me = unwrap(await client.GET('/v1/me'));
  log(`[client] verified with the code ${code} from the mailbox; signed in as ${me.name} (${me.roles.join(', ')})`);

  // 2. A worker for the job: the demo manager hires a fresh one, so the example knows who does it.
  const worker = await applyAndGetHired(baseUrl, manager, { ...options, mailboxUrl, name: 'Socks' });

  // 3. Order, and follow it: kit, match, schedule.
  const now = await platformNow(manager);
  const order = await orderForWorker(
    baseUrl,
    { client, manager, supplies },
    { workerId: worker.workerId, startsAt: hoursAhead(now, 48), address: '12 Yarn Street', log, deliver: options.deliver },
  );
  const onOrder = { params: { path: { id: order.id } } };

  // 4. The day of the job: the worker checks in and reports; the client follows the status.
  await advanceTo(manager, new Date(Date.parse(order.startsAt) - 20 * 60_000));
  log(`[manager] moves the sandbox clock to twenty minutes before the start`);
  unwrap(await worker.client.POST('/v1/orders/{id}/check-in', { ...onOrder, body: { photoId: await uploadPhoto(worker.client) } }));
  log(`[client] order is ${unwrap(await client.GET('/v1/orders/{id}', onOrder)).status} (the worker checked in)`);
  const shot = await uploadPhoto(worker.client);
  unwrap(
    await worker.client.POST('/v1/orders/{id}/report', {
      ...onOrder,
      body: { beforePhotoIds: [shot], afterPhotoIds: [shot], signedReportPhotoId: shot },
    }),
  );
  const reported = unwrap(await client.GET('/v1/orders/{id}', onOrder));
  log(`[client] order is ${reported.status}; I may now: ${reported.allowedActions.join(', ')}`);

  // 5. Accept with a rating; the timeline shows the whole life.
  const accepted = unwrap(await client.POST('/v1/orders/{id}/accept', { ...onOrder, body: { rating: 4 } }));
  const timeline = unwrap(await client.GET('/v1/orders/{id}/timeline', onOrder)).data;
  log(`[client] accepted with 4 stars: ${accepted.status}; timeline ${timeline.map((e) => e.to).join(' → ')}`);

  // 6. Top up what the coming invoice will cost (billing learns of the completion in the background).
  const upcoming = await eventually(
    'the upcoming invoice line',
    async () => {
      const u = unwrap(await client.GET('/v1/invoices/upcoming'));
      return u.lines.some((l) => l.orderId === order.id) ? u : undefined;
    },
    options.deliver,
  );
  const balanceBefore = unwrap(await client.GET('/v1/balance')).balance;
  const amount = formatCents(toCents(upcoming.total) - toCents(balanceBefore));
  const topUp = unwrap(await client.POST('/v1/top-ups', { body: { amount, paymentMethod: '4242424242424242' } }));
  log(`[client] upcoming invoice ${upcoming.total}; topped up ${topUp.amount} with a test card`);

  // 7. Sunday 23:00 (at most a week on): the invoice is issued and paid from the balance.
  await advanceTo(manager, new Date((await platformNow(manager)).getTime() + 7 * 86_400_000));
  log(`[manager] moves the sandbox clock a week on, past Sunday 23:00`);
  const invoice = await eventually(
    'the invoice',
    async () => unwrap(await client.GET('/v1/invoices')).data.find((i) => i.lines.some((l) => l.orderId === order.id)),
    options.deliver,
  );
  const balance = unwrap(await client.GET('/v1/balance')).balance;
  log(
    `[client] invoice ${invoice.id}: subtotal ${invoice.subtotal}, discount ${invoice.discount}, total ${invoice.total}, ${invoice.status}`,
  );
  log(`[client] balance now ${balance}`);
  return { email: credentials.email, order: accepted, topUp, invoice, balance };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { baseUrl, mailboxUrl } = cliSettings();
  const result = await clientFlow(baseUrl, { mailboxUrl, log: (line) => console.log(line) });
  console.log(
    JSON.stringify(
      { order: result.order.id, invoiceTotal: result.invoice.total, status: result.invoice.status, balance: result.balance },
      null,
      2,
    ),
  );
}
