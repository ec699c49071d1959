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
import { formatCents, login, toCents, createChorecat } from '@chorecat/sdk';
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
  await anonymous.auth.register.orThrow({ ...credentials, name: 'Mittens' });
  log(`[client] registered ${credentials.email}`);
  const code = await codeFromMailbox(mailboxUrl, credentials.email, /verif|confirm|code/i, options.deliver);
  await anonymous.auth.verifyEmail.orThrow({ email: credentials.email, code });
  const { client } = await login({ baseUrl }, credentials);
  const me = await client.me.get.orThrow();
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

  // 4. The day of the job: the worker checks in and reports; the client follows the status.
  await advanceTo(manager, new Date(Date.parse(order.startsAt) - 20 * 60_000));
  log(`[manager] moves the sandbox clock to twenty minutes before the start`);
  await worker.client.orders.checkIn.orThrow(order.id, { photoId: await uploadPhoto(worker.client) });
  log(`[client] order is ${(await client.orders.get.orThrow(order.id)).status} (the worker checked in)`);
  const shot = await uploadPhoto(worker.client);
  await worker.client.orders.report.orThrow(order.id, { beforePhotoIds: [shot], afterPhotoIds: [shot], signedReportPhotoId: shot });
  const reported = await client.orders.get.orThrow(order.id);
  log(`[client] order is ${reported.status}; I may now: ${reported.allowedActions.join(', ')}`);

  // 5. Accept with a rating; the timeline shows the whole life.
  const accepted = await client.orders.accept.orThrow(order.id, { rating: 4 });
  const timeline = (await client.orders.getTimeline.orThrow(order.id)).data;
  log(`[client] accepted with 4 stars: ${accepted.status}; timeline ${timeline.map((e) => e.to).join(' → ')}`);

  // 6. Top up what the coming invoice will cost (billing learns of the completion in the background).
  const upcoming = await eventually(
    'the upcoming invoice line',
    async () => {
      const u = await client.invoices.getUpcoming.orThrow();
      return u.lines.some((l) => l.orderId === order.id) ? u : undefined;
    },
    options.deliver,
  );
  const balanceBefore = (await client.balance.get.orThrow()).balance;
  const amount = formatCents(toCents(upcoming.total) - toCents(balanceBefore));
  const topUp = await client.topUps.create.orThrow({ amount, paymentMethod: '4242424242424242' });
  log(`[client] upcoming invoice ${upcoming.total}; topped up ${topUp.amount} with a test card`);

  // 7. Sunday 23:00 (at most a week on): the invoice is issued and paid from the balance.
  await advanceTo(manager, new Date((await platformNow(manager)).getTime() + 7 * 86_400_000));
  log(`[manager] moves the sandbox clock a week on, past Sunday 23:00`);
  const invoice = await eventually(
    'the invoice',
    async () => {
      for await (const invoice of client.invoices.list()) if (invoice.lines.some((l) => l.orderId === order.id)) return invoice;
      return undefined;
    },
    options.deliver,
  );
  const { balance } = await client.balance.get.orThrow();
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
