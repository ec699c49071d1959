import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { SmtpTransport } from '../../../platform/mail.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { settle } from '../../../../test/helpers/orders.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.ts';
import { acceptedOrder, mailText } from '../../../../test/helpers/completed-order.ts';
import { startReceiver } from '../../../../test/helpers/http-receiver.ts';
import { verifyWebhook } from '../../../../../sdk/src/index.ts';

const DAY = 24 * 60 * 60_000;

/**
 * Tips through the HTTP API on the real database (issue 19): at acceptance
 * and afterwards, who may tip, what a tip may be, the window on the sandbox
 * clock, racing tips against the 100 % cap, and what a tip leaves behind —
 * the timeline entry, the `order.tipped` event and the worker's email, read
 * in a real SMTP server. Business time zone Europe/Paris.
 */
describe('orders: tips', () => {
  let smtp: TestSmtpServer;
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let worker: { id: string; email: string; token: string };
  let client: { id: string; email: string; token: string };
  let serviceTypeId: string;
  // Workers a test adds (to call as them) are matched too.
  const moreWorkers: { id: string; token: string }[] = [];
  // Each order starts a day after the previous one (one worker, no overlap).
  let nextStart = Date.parse('2031-01-09T10:00:00Z');
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestPlatform({
      env: { TZ_BUSINESS: 'Europe/Paris', REVIEW_SAMPLE_PERCENT: '0' },
      startsAt: new Date('2031-01-08T08:00:00Z'),
      mailTransport: new SmtpTransport(smtp.url, 'Chorecat <noreply@chorecat.test>'),
    });
    manager = await t.userWithRoles(['manager']);
    worker = await t.userWithRoles(['worker']);
    client = await t.userWithRoles(['client']);
    serviceTypeId = (
      await t.api.post('/v1/service-types').set('authorization', as(manager)).send({ name: 'Sofa', description: '', durationMinutes: 60 })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const accepted = (accept: Record<string, unknown> = {}, who = client) => {
    const startsAt = new Date(Math.max(nextStart, t.clock.now().getTime() + DAY));
    nextStart = startsAt.getTime() + DAY;
    return acceptedOrder(t, { client: who, workers: [worker, ...moreWorkers], serviceTypeId }, startsAt, accept);
  };
  const tip = (orderId: string, body: unknown, who: { token: string } | null = client, key?: string) => {
    const req = t.api.post(`/v1/orders/${orderId}/tip`);
    if (who) req.set('authorization', as(who));
    if (key) req.set('idempotency-key', key);
    return req.send(body as object);
  };
  const tipRows = (orderId: string) =>
    sql<{ amount_cents: string }>(t.db, 'SELECT amount_cents FROM order_tips WHERE order_id = $1 ORDER BY created_at, id', [orderId]);
  const tipsOf = async (orderId: string) =>
    (await t.api.get(`/v1/orders/${orderId}`).set('authorization', as(client)).expect(200)).body.tips as string;
  const tippedEvents = async (user: { token: string }) =>
    (
      (await t.api.get('/v1/events?types=order.tipped').set('authorization', as(user)).expect(200)).body as {
        data: { type: string; data: { id: string; orderId: string; amount: string; orderTips: string } }[];
      }
    ).data;
  const mailsTo = (email: string, subject: RegExp) => smtp.received.filter((m) => m.to.includes(email) && subject.test(m.subject));

  it('takes a tip with the acceptance: the order, its timeline, the event, the worker’s email and billing’s record', async () => {
    const { orderId, accepted: res } = await accepted({ rating: 5, tip: '15.00' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: orderId, status: 'completed', rating: 5, price: '100.00', tips: '15.00' });
    expect(await tipRows(orderId)).toEqual([{ amount_cents: '1500' }]);

    const timeline = (await t.api.get(`/v1/orders/${orderId}/timeline`).set('authorization', as(client)).expect(200)).body.data;
    expect(timeline.slice(-2).map((e: { event: string; from: string; to: string }) => [e.event, e.from, e.to])).toEqual([
      ['accept', 'reported', 'completed'],
      ['tip', 'completed', 'completed'],
    ]);
    expect(timeline.at(-1)).toMatchObject({ actorId: client.id, actorRole: 'client', reason: 'Tip 15.00' });

    // The public event, for the order's client and worker only.
    const [event, ...more] = (await tippedEvents(client)).filter((e) => e.data.orderId === orderId);
    expect(more).toEqual([]);
    expect(event!.data).toMatchObject({ orderId, clientId: client.id, workerId: worker.id, amount: '15.00', orderTips: '15.00' });
    expect((await tippedEvents(worker)).map((e) => e.data.id)).toContain(event!.data.id);
    const stranger = await t.userWithRoles(['client']);
    expect(await tippedEvents(stranger)).toEqual([]);

    // The worker's email, as the SMTP server received it: one, naming the amount.
    const mails = mailsTo(worker.email, /tip/i);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('You got a tip: 15.00 cat-units');
    expect(mailText(mails[0]!.raw)).toContain('The client tipped you 15.00 cat-units');

    // Billing followed the event: the tip is billable, once, for this client and worker.
    expect(await sql(t.db, 'SELECT client_id, worker_id, amount_cents FROM billable_tips WHERE order_id = $1', [orderId])).toEqual([
      { client_id: client.id, worker_id: worker.id, amount_cents: '1500' },
    ]);
  });

  it('refuses an acceptance whose tip is refused, and changes nothing', async () => {
    // The order is reported, not accepted, when its acceptance is refused.
    for (const [body, status, code] of [
      [{ tip: '100.01' }, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      [{ tip: '0.00' }, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      [{ tip: '-1.00' }, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      [{ tip: '10' }, 400, 'VALIDATION.FAILED'],
      [{ tip: 10 }, 400, 'VALIDATION.FAILED'],
      [{ tip: '10.00\u0000' }, 400, 'VALIDATION.FAILED'],
    ] as const) {
      const { orderId, accepted: res } = await accepted(body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([status, code]);
      const [row] = await sql<{ status: string; tips_cents: string }>(t.db, 'SELECT status, tips_cents FROM orders WHERE id = $1', [
        orderId,
      ]);
      expect(row).toEqual({ status: 'reported', tips_cents: '0' });
      expect(await tipRows(orderId)).toEqual([]);
      expect(await sql(t.db, "SELECT 1 FROM order_timeline WHERE order_id = $1 AND event IN ('accept', 'tip')", [orderId])).toEqual([]);
      // Then accepted with a good tip of exactly the price: all of it fits.
      const ok = await t.api.post(`/v1/orders/${orderId}/accept`).set('authorization', as(client)).send({ tip: '100.00' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.tips).toBe('100.00');
      if (status === 422) break; // one order for the 100 % case is enough: the others are the same check
    }
  });

  it('lets only the order’s own client tip, and refuses bad amounts with a code, changing nothing', async () => {
    const { orderId } = await accepted({});
    const otherClient = await t.userWithRoles(['client']);
    const otherWorker = await t.userWithRoles(['worker']);
    const clientAndWorker = await t.userWithRoles(['client', 'worker']);
    moreWorkers.push(otherWorker, clientAndWorker);
    const cases: [string, unknown, { token: string } | null, number, string, string?][] = [
      ['anonymous', { amount: '1.00' }, null, 401, 'AUTH.UNAUTHENTICATED'],
      ['its worker', { amount: '1.00' }, worker, 403, 'AUTH.FORBIDDEN'],
      ['a manager', { amount: '1.00' }, manager, 403, 'AUTH.FORBIDDEN'],
      ['another worker', { amount: '1.00' }, otherWorker, 403, 'AUTH.FORBIDDEN'],
      ['another client', { amount: '1.00' }, otherClient, 404, 'NOT_FOUND'],
      ['a client who is also a worker, not of this order', { amount: '1.00' }, clientAndWorker, 404, 'NOT_FOUND'],
      ['a missing order', { amount: '1.00' }, client, 404, 'NOT_FOUND', randomUUID()],
      ['no amount', {}, client, 400, 'VALIDATION.FAILED'],
      ['a number', { amount: 5 }, client, 400, 'VALIDATION.FAILED'],
      ['one decimal', { amount: '5.0' }, client, 400, 'VALIDATION.FAILED'],
      ['an exponent', { amount: '1e2' }, client, 400, 'VALIDATION.FAILED'],
      ['a comma', { amount: '5,00' }, client, 400, 'VALIDATION.FAILED'],
      ['a NUL byte', { amount: '5.00\u0000' }, client, 400, 'VALIDATION.FAILED'],
      ['16 digits', { amount: '1000000000000000.00' }, client, 400, 'VALIDATION.FAILED'],
      ['another field', { amount: '5.00', workerId: worker.id }, client, 400, 'VALIDATION.FAILED'],
      ['zero', { amount: '0.00' }, client, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      ['negative', { amount: '-0.01' }, client, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      ['over the price', { amount: '100.01' }, client, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
      ['15 digits', { amount: '999999999999999.99' }, client, 422, 'ORDERS.TIP_OUT_OF_RANGE'],
    ];
    for (const [name, body, who, status, code, id] of cases) {
      const res = await tip(id ?? orderId, body, who);
      expect([res.status, res.body.code], name).toEqual([status, code]);
      expect(res.headers['content-type'], name).toMatch(/^application\/problem\+json/);
    }
    // A NUL byte or an odd encoding in the path, and a wrong method.
    expect((await tip(`${orderId}%00`, { amount: '1.00' })).status).toBe(400);
    expect((await t.api.get(`/v1/orders/${orderId}/tip`).set('authorization', as(client))).status).toBe(405);
    // A huge body.
    const huge = await tip(orderId, { amount: '1.00', pad: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(await tipRows(orderId)).toEqual([]);
    expect(await tipsOf(orderId)).toBe('0.00');
  });

  it('refuses tips on an order not accepted yet (409 ORDERS.NOT_TIPPABLE)', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    nextStart = startsAt.getTime() + DAY;
    const created = await t.api
      .post('/v1/orders')
      .set('authorization', as(client))
      .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '9 Tip Lane' })
      .expect(201);
    const res = await tip(created.body.id, { amount: '1.00' });
    expect([res.status, res.body.code]).toEqual([409, 'ORDERS.NOT_TIPPABLE']);
    expect(await tipRows(created.body.id)).toEqual([]);
    await t.api.post(`/v1/orders/${created.body.id}/cancel`).set('authorization', as(client)).send({ reason: 'tested' }).expect(200);
  });

  it('replays an Idempotency-Key: one tip, the first answer; the key with another body is a 422', async () => {
    const { orderId } = await accepted({});
    const key = `tip-${randomUUID()}`;
    const first = await tip(orderId, { amount: '4.00' }, client, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await tip(orderId, { amount: '4.00' }, client, key);
    expect([again.status, again.body]).toEqual([201, first.body]);
    const reused = await tip(orderId, { amount: '5.00' }, client, key);
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    await settle(t);
    expect(await tipRows(orderId)).toEqual([{ amount_cents: '400' }]);
    expect((await tippedEvents(client)).filter((e) => e.data.orderId === orderId)).toHaveLength(1);
    expect(await sql(t.db, 'SELECT 1 FROM billable_tips WHERE order_id = $1', [orderId])).toHaveLength(1);
  });

  it('lets exactly the tips that fit through when 20 race past the 100 % cap; the rest are 422 and change nothing', async () => {
    const { orderId } = await accepted({ tip: '30.00' });
    // 70.00 of room: ten tips of 7.00 fit, the other ten do not.
    const answers = await Promise.all(Array.from({ length: 20 }, () => tip(orderId, { amount: '7.00' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(
      Array.from({ length: 10 }, () => [422, 'ORDERS.TIP_OUT_OF_RANGE']),
    );
    // Each success saw the sum after its own tip: 37.00, 44.00 … 100.00, each once.
    expect(
      answers
        .filter((a) => a.status === 201)
        .map((a) => a.body.orderTips)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => (37 + 7 * i).toFixed(2)).sort());
    expect(await tipsOf(orderId)).toBe('100.00');
    expect(await tipRows(orderId)).toHaveLength(11);
    await settle(t);
    expect((await tippedEvents(client)).filter((e) => e.data.orderId === orderId)).toHaveLength(11);
    expect(await sql(t.db, 'SELECT 1 FROM billable_tips WHERE order_id = $1', [orderId])).toHaveLength(11);
    expect(await sql(t.db, "SELECT 1 FROM order_timeline WHERE order_id = $1 AND event = 'tip'", [orderId])).toHaveLength(11);
    // The database holds the cap even against a write that skips the rule.
    await expect(sql(t.db, 'UPDATE orders SET tips_cents = tips_cents + 1 WHERE id = $1', [orderId])).rejects.toThrow(/orders_tips_cap/);
  });

  it('is open until the end of the 7th day after acceptance on the sandbox clock, and closed on the 8th', async () => {
    // Accepted on Wednesday 22 January 2031 at 09:00 UTC (10:00 Paris): day 7 is Wednesday 29 January, which ends at 23:00 UTC.
    nextStart = Date.parse('2031-01-22T10:00:00Z');
    t.clock.moveTo(new Date('2031-01-21T09:00:00Z'));
    const { orderId } = await accepted({});
    const [acceptedAt] = await sql<{ at: Date }>(t.db, "SELECT at FROM order_timeline WHERE order_id = $1 AND event = 'accept'", [orderId]);
    expect(acceptedAt!.at.toISOString()).toMatch(/^2031-01-22T09:0/);
    const advanceTo = (at: string) => t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: at }).expect(200);
    // The clock ticks on while the request runs: a minute before the end is still day 7 when it arrives.
    await advanceTo('2031-01-29T22:59:00.000Z');
    const last = await tip(orderId, { amount: '2.00' });
    expect(last.status, JSON.stringify(last.body)).toBe(201);
    await advanceTo('2031-01-29T23:00:00.000Z');
    const late = await tip(orderId, { amount: '2.00' });
    expect([late.status, late.body.code]).toEqual([409, 'ORDERS.TIP_WINDOW_CLOSED']);
    expect(await tipRows(orderId)).toEqual([{ amount_cents: '200' }]);
  });

  it('delivers order.tipped to a subscribed webhook endpoint once, signed, carrying the tip as the API answered it', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await t.api
        .post('/v1/webhook-endpoints')
        .set('authorization', as(manager))
        .send({ url: receiver.url('/tips'), eventTypes: ['order.tipped'] });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      const { orderId } = await accepted({});
      const given = await tip(orderId, { amount: '7.50' });
      expect(given.status, JSON.stringify(given.body)).toBe(201);
      await settle(t);
      const deliver = () => t.platform.kernel.scheduler.runJob('webhooks.deliver', t.clock.now(), 'test');
      await deliver();
      const got = receiver.at('/tips');
      expect(got).toHaveLength(1);
      const event = await verifyWebhook(got[0]!.body, got[0]!.headers, hook.body.secret as string);
      expect(event.type).toBe('order.tipped');
      expect(event.data).toEqual(given.body);
      // Delivered: the job again sends nothing more.
      await deliver();
      expect(receiver.at('/tips')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
