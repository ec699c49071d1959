import { describe, it, expect, afterEach } from 'vitest';
import { createChorecat } from '@chorecat/sdk';
import { sql } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { assignWorker } from '../../orders/index.ts';
import type { GeoPoint } from '../domain/geo.ts';
import { SmtpTransport } from '../../../platform/mail.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.ts';
import { bringKitsReady, settle } from '../../../../test/helpers/orders.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const ORDER_AT: GeoPoint = { lat: 52.52, lng: 13.405 };
const ADDRESS = `1 Offer Street @${ORDER_AT.lat},${ORDER_AT.lng}`;

interface OfferRowForTests {
  id: string;
  worker_id: string;
  position: number;
  status: string;
  offered_at: Date;
  expires_at: Date;
  answered_at: Date | null;
}

/**
 * Sequential offers (MATCHING_STRATEGY=offers, issue #19) against the real
 * database, on a platform clock that stands still between moves (so an
 * answer lands at an exact millisecond): the ranked candidates are asked
 * one at a time, nearest first here; a decline or a lapsed deadline asks
 * the next; an accept assigns through orders' door. Every response is
 * checked against the contract by the test-mode validator, and every
 * refusal's code against the operation's x-error-codes.
 */
describe('sequential offers', () => {
  let t: TestPlatform | undefined;
  let smtp: TestSmtpServer | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    t = undefined;
    smtp = undefined;
  });

  async function setUp(env: Record<string, string> = {}, options: { panel?: boolean; smtp?: boolean } = {}) {
    const frozen = Date.now();
    if (options.smtp) smtp = await startSmtpServer();
    t = await createTestPlatform({
      env: { MATCHING_STRATEGY: 'offers', MATCHING_RANKING: 'nearest', MATCHING_OFFER_SECONDS: '60', ...env },
      clockBase: () => frozen,
      ...(options.panel ? { mountBeforeApi: testPanel() } : {}),
      ...(smtp ? { mailTransport: new SmtpTransport(smtp.url, 'Chorecat <noreply@chorecat.test>') } : {}),
    });
    const manager = await t.userWithRoles(['manager']);
    const client = await t.userWithRoles(['client']);
    const serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Curtain climbing', description: '', durationMinutes: 120 })
    ).body.id as string;
    const platform = t;
    const order = async (startsAt: Date) => {
      const res = await platform.api
        .post('/v1/orders')
        .set('authorization', `Bearer ${client.token}`)
        .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: ADDRESS });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    /** A worker `km` kilometres north of the order's address: the ranking is by distance, so by `km`. */
    const worker = async (km: number) => {
      const w = await platform.userWithRoles(['worker']);
      const homeBase = { lat: ORDER_AT.lat + km / 111.2, lng: ORDER_AT.lng };
      const res = await platform.api.patch('/v1/me').set('authorization', `Bearer ${w.token}`).send({ homeBase });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return w;
    };
    const offersOf = (orderId: string) =>
      sql<OfferRowForTests>(
        platform.db,
        'SELECT id, worker_id, position, status, offered_at, expires_at, answered_at FROM matching_offers WHERE order_id = $1 ORDER BY offered_at, position',
        [orderId],
      );
    const pendingOf = async (orderId: string) => (await offersOf(orderId)).find((o) => o.status === 'pending');
    const orderRow = async (orderId: string) =>
      (
        await sql<{ status: string; worker_id: string | null; price_cents: string | null; failure_reason: string | null }>(
          platform.db,
          'SELECT status, worker_id, price_cents, failure_reason FROM orders WHERE id = $1',
          [orderId],
        )
      )[0]!;
    const rounds = (orderId: string) =>
      sql<{
        strategy: string;
        ranking: string;
        outcome: string;
        candidates: string[];
        offered: string[];
        refused: string[];
        chosen: string | null;
        price_cents: string | null;
        ended_at: Date | null;
      }>(
        platform.db,
        'SELECT strategy, ranking, outcome, candidates, offered, refused, chosen, price_cents, ended_at FROM matching_attempts WHERE order_id = $1 ORDER BY attempted_at, id',
        [orderId],
      );
    const answer = (token: string, offerId: string, what: 'accept' | 'decline', key?: string) => {
      const req = platform.api.post(`/v1/offers/${offerId}/${what}`).set('authorization', `Bearer ${token}`);
      return key ? req.set('idempotency-key', key) : req;
    };
    return { t, manager, client, order, worker, offersOf, pendingOf, orderRow, rounds, answer };
  }

  it('offers, moves on at a decline and at a lapsed deadline on the sandbox clock, and assigns the worker who accepts', async () => {
    const { t, manager, client, order, worker, offersOf, pendingOf, orderRow, rounds, answer } = await setUp({}, { smtp: true });
    const mailsTo = (email: string) => smtp!.received.filter((m) => m.to.includes(email));
    const [w1, w2, w3, w4] = [await worker(1), await worker(2), await worker(3), await worker(4)];
    const id = await order(new Date(t.clock.now().getTime() + 3 * DAY));
    // The kit is ready: the nearest worker is asked, the order stays in matching meanwhile.
    expect(await bringKitsReady(t, [id])).toEqual(['matching']);
    const first = (await pendingOf(id))!;
    expect(first).toMatchObject({ worker_id: w1.id, position: 0 });
    expect(new Date(first.expires_at).getTime() - new Date(first.offered_at).getTime()).toBe(60_000);
    expect(await rounds(id)).toEqual([
      expect.objectContaining({
        strategy: 'offers',
        ranking: 'nearest',
        outcome: 'offering',
        candidates: [w1.id, w2.id, w3.id, w4.id],
        offered: [w1.id],
        chosen: null,
        ended_at: null,
      }),
    ]);
    // The offered worker is emailed, through the outbox, over SMTP.
    await settle(t);
    const mail = mailsTo(w1.email);
    expect(mail.map((m) => m.subject)).toEqual(['An order is offered to you: Curtain climbing']);
    const body = mail[0]!.raw.replace(/=\r?\n/g, '');
    expect(body).toContain('You have 60 seconds to answer');
    expect(body).toContain('1 Offer Street');
    expect(mailsTo(w2.email)).toEqual([]);

    // The worker's own list; nobody else sees it.
    const listed = await t.api.get('/v1/offers?status=pending').set('authorization', `Bearer ${w1.token}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body).toMatchObject({
      data: [{ id: first.id, orderId: id, status: 'pending', answeredAt: null, price: '100.00', order: { service: 'Curtain climbing' } }],
      nextCursor: null,
    });
    expect((await t.api.get('/v1/offers').set('authorization', `Bearer ${w2.token}`)).body).toEqual({ data: [], nextCursor: null });

    // Another worker's offer is no such offer, and the client and staff may not answer offers at all: nothing changes.
    const before = await offersOf(id);
    const foreign = await answer(w2.token, first.id, 'accept');
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await answer(w2.token, first.id, 'decline')).status).toBe(404);
    for (const token of [client.token, manager.token]) {
      const res = await answer(token, first.id, 'accept');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await t.api.get('/v1/offers').set('authorization', `Bearer ${client.token}`)).status).toBe(403);
    expect(await offersOf(id)).toEqual(before);
    expect((await orderRow(id)).status).toBe('matching');

    // w1 declines: w2 is asked at once, from now.
    t.clock.moveTo(new Date(t.clock.now().getTime() + 10_000));
    const declined = await answer(w1.token, first.id, 'decline');
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', answeredAt: t.clock.now().toISOString() });
    const second = (await pendingOf(id))!;
    expect(second).toMatchObject({ worker_id: w2.id, position: 1 });
    expect(new Date(second.offered_at).toISOString()).toBe(t.clock.now().toISOString());

    // w2 lets it lapse: the sandbox clock stops at the deadline, expires it there and asks w3 from that instant.
    const deadline = new Date(second.expires_at);
    await t.platform.kernel.sandbox.advance(new Date(deadline.getTime() + 5_000));
    const third = (await pendingOf(id))!;
    expect(third).toMatchObject({ worker_id: w3.id, position: 2 });
    expect(new Date(third.offered_at).toISOString()).toBe(deadline.toISOString());
    expect((await offersOf(id)).find((o) => o.id === second.id)).toMatchObject({ status: 'expired', answered_at: deadline });
    const late = await answer(w2.token, second.id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MATCHING.OFFER_EXPIRED');

    // w3 accepts (with an Idempotency-Key: the retry replays the answer; a fresh accept is refused as answered).
    const accepted = await answer(w3.token, third.id, 'accept', 'accept-once');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ id: third.id, status: 'accepted', price: '100.00' });
    const replay = await answer(w3.token, third.id, 'accept', 'accept-once');
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(accepted.body);
    const again = await answer(w3.token, third.id, 'accept');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MATCHING.OFFER_ANSWERED');
    const declineAfter = await answer(w3.token, third.id, 'decline');
    expect(declineAfter.status).toBe(409);
    expect(declineAfter.body.code).toBe('MATCHING.OFFER_ANSWERED');

    expect(await orderRow(id)).toMatchObject({ status: 'scheduled', worker_id: w3.id, price_cents: '10000' });
    expect((await offersOf(id)).map((o) => [o.worker_id, o.status])).toEqual([
      [w1.id, 'declined'],
      [w2.id, 'expired'],
      [w3.id, 'accepted'],
    ]);
    expect(await rounds(id)).toEqual([
      expect.objectContaining({ outcome: 'assigned', chosen: w3.id, price_cents: '10000', offered: [w1.id, w2.id, w3.id] }),
    ]);
    // Moving on changes nothing more: no offer is pending, w4 was never asked.
    await t.platform.kernel.sandbox.advance(new Date(t.clock.now().getTime() + 10 * 60_000));
    expect(await pendingOf(id)).toBeUndefined();
    expect((await t.api.get('/v1/offers').set('authorization', `Bearer ${w4.token}`)).body.data).toEqual([]);
    // A worker's offers are in its personal-data export.
    const exported = await t.api.get('/v1/me/export').set('authorization', `Bearer ${w1.token}`);
    expect(exported.status).toBe(200);
    expect(exported.body.sections.offers).toEqual([expect.objectContaining({ id: first.id, orderId: id, status: 'declined' })]);
    // The scheduled order's own emails went out as for a direct match.
    await settle(t);
    expect(mailsTo(w3.email).map((m) => m.subject)).toEqual([
      'An order is offered to you: Curtain climbing',
      'New order for you: Curtain climbing',
    ]);
  }, 120_000);

  it('takes exactly one of twenty racing accepts of the same offer', async () => {
    const { t, order, worker, pendingOf, orderRow, answer } = await setUp();
    const w1 = await worker(1);
    await worker(2);
    const id = await order(new Date(t.clock.now().getTime() + 3 * DAY));
    await bringKitsReady(t, [id]);
    const offer = (await pendingOf(id))!;
    const answers = await Promise.all(Array.from({ length: 20 }, () => answer(w1.token, offer.id, 'accept')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    expect(new Set(answers.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['MATCHING.OFFER_ANSWERED']));
    expect(await orderRow(id)).toMatchObject({ status: 'scheduled', worker_id: w1.id, price_cents: '10000' });
    const [assignments] = await sql<{ n: string }>(
      t.db,
      "SELECT count(*) AS n FROM order_timeline WHERE order_id = $1 AND event = 'worker_assigned'",
      [id],
    );
    expect(Number(assignments!.n)).toBe(1);
    const [accepted] = await sql<{ n: string }>(
      t.db,
      "SELECT count(*) AS n FROM matching_offers WHERE order_id = $1 AND status = 'accepted'",
      [id],
    );
    expect(Number(accepted!.n)).toBe(1);
    // The database has the last word on both rules, whatever the code does: one accepted offer and one pending per order.
    const duplicate = (status: string, position: number) =>
      t.db.pool.query(
        `INSERT INTO matching_offers (attempt_id, order_id, worker_id, position, status, offered_at, expires_at, answered_at)
         SELECT attempt_id, order_id, worker_id, $3, $2, offered_at, expires_at, CASE WHEN $2 = 'pending' THEN NULL ELSE answered_at END
         FROM matching_offers WHERE id = $1`,
        [offer.id, status, position],
      );
    await expect(duplicate('accepted', 10)).rejects.toMatchObject({ code: '23505', constraint: 'matching_offers_one_accepted' });
    await duplicate('pending', 11);
    await expect(duplicate('pending', 12)).rejects.toMatchObject({ code: '23505', constraint: 'matching_offers_one_pending' });
  }, 120_000);

  it('refuses an accept at the deadline, takes one a millisecond before, and never lets an accept and the deadline both win', async () => {
    const { t, order, worker, offersOf, pendingOf, orderRow, answer } = await setUp();
    const [w1, w2] = [await worker(1), await worker(2)];
    const base = t.clock.now().getTime() + 3 * DAY;
    const id = await order(new Date(base));
    await bringKitsReady(t, [id]);
    const first = (await pendingOf(id))!;
    // At exactly the deadline, before the deadline job has run: refused, and the offer is as it was.
    t.clock.moveTo(new Date(first.expires_at));
    const atDeadline = await answer(w1.token, first.id, 'accept');
    expect(atDeadline.status).toBe(409);
    expect(atDeadline.body.code).toBe('MATCHING.OFFER_EXPIRED');
    expect((await offersOf(id))[0]).toEqual(first);
    expect((await orderRow(id)).status).toBe('matching');
    // The deadline job then lapses it and asks w2; w2 accepts one millisecond before its own deadline and wins.
    await t.platform.kernel.sandbox.advance(t.clock.now());
    const second = (await pendingOf(id))!;
    expect(second.worker_id).toBe(w2.id);
    t.clock.moveTo(new Date(new Date(second.expires_at).getTime() - 1));
    const justInTime = await answer(w2.token, second.id, 'accept');
    expect(justInTime.status, JSON.stringify(justInTime.body)).toBe(200);
    expect(await orderRow(id)).toMatchObject({ status: 'scheduled', worker_id: w2.id });

    // Five orders at other times, each offered to w1 with the same deadline; w1 accepts them all a millisecond
    // before it while the sandbox clock is advanced past it: each order is won by exactly one side.
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await order(new Date(base + i * 4 * HOUR)));
    await bringKitsReady(t, ids);
    const offers = await Promise.all(ids.map(async (orderId) => (await pendingOf(orderId))!));
    expect(offers.map((o) => o.worker_id)).toEqual(ids.map(() => w1.id));
    const deadline = new Date(Math.max(...offers.map((o) => new Date(o.expires_at).getTime())));
    for (const o of offers) expect(new Date(o.expires_at)).toEqual(deadline);
    t.clock.moveTo(new Date(deadline.getTime() - 1));
    const [, ...raced] = await Promise.all([
      t.platform.kernel.sandbox.advance(new Date(deadline.getTime() + 1_000)),
      ...offers.map((o) => answer(w1.token, o.id, 'accept')),
    ]);
    for (const [i, orderId] of ids.entries()) {
      const res = raced[i]!;
      const mine = (await offersOf(orderId)).find((o) => o.id === offers[i]!.id)!;
      const row = await orderRow(orderId);
      if (res.status === 200) {
        expect(mine.status).toBe('accepted');
        expect(row).toMatchObject({ status: 'scheduled', worker_id: w1.id });
        expect(await pendingOf(orderId)).toBeUndefined();
      } else {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('MATCHING.OFFER_EXPIRED');
        expect(mine.status).toBe('expired');
        expect(row.status).toBe('matching');
        expect((await pendingOf(orderId))?.worker_id).toBe(w2.id);
      }
    }
  }, 120_000);

  it('refuses an accept when the worker took another order for the slot meanwhile, and asks the next candidate', async () => {
    const { t, order, worker, offersOf, pendingOf, orderRow, rounds, answer } = await setUp();
    const [w1, w2] = [await worker(1), await worker(2)];
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const id = await order(startsAt);
    const other = await order(new Date(startsAt.getTime() + HOUR));
    // Both are offered to w1 (an offer does not make a worker busy); meanwhile w1 is given the other one through orders' door.
    expect(await bringKitsReady(t, [id, other])).toEqual(['matching', 'matching']);
    const offered = (await pendingOf(id))!;
    expect(offered.worker_id).toBe(w1.id);
    await assignWorker(t.platform.kernel, other, w1.id, Money.parse('100.00'));

    const res = await answer(w1.token, offered.id, 'accept');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORDERS.WORKER_BUSY');
    expect((await offersOf(id)).map((o) => [o.worker_id, o.status])).toEqual([
      [w1.id, 'withdrawn'],
      [w2.id, 'pending'],
    ]);
    expect(await orderRow(id)).toMatchObject({ status: 'matching', worker_id: null });
    expect((await rounds(id))[0]).toMatchObject({ outcome: 'offering', offered: [w1.id, w2.id] });
    const withdrawn = await answer(w1.token, offered.id, 'accept');
    expect(withdrawn.body.code).toBe('MATCHING.OFFER_WITHDRAWN');
  }, 120_000);

  it('goes back to the retry path when everyone declined, and still fails the order with no_worker at its start', async () => {
    const { t, order, worker, pendingOf, orderRow, rounds, answer } = await setUp({ MATCHING_RETRY_SECONDS: '180' });
    const [w1, w2] = [await worker(1), await worker(2)];
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const id = await order(startsAt);
    await bringKitsReady(t, [id]);
    expect((await answer(w1.token, (await pendingOf(id))!.id, 'decline')).status).toBe(200);
    expect((await answer(w2.token, (await pendingOf(id))!.id, 'decline')).status).toBe(200);
    const ranOut = t.clock.now();
    expect(await pendingOf(id)).toBeUndefined();
    expect(await rounds(id)).toEqual([expect.objectContaining({ outcome: 'no_worker_free', offered: [w1.id, w2.id], ended_at: ranOut })]);
    expect((await orderRow(id)).status).toBe('matching');

    // matching.retry counts from the round's end: not before the interval, a fresh round at it.
    const retry = () => t.platform.kernel.scheduler.runJob('matching.retry', t.clock.now(), 'test');
    t.clock.moveTo(new Date(ranOut.getTime() + 179_000));
    await retry();
    expect(await rounds(id)).toHaveLength(1);
    t.clock.moveTo(new Date(ranOut.getTime() + 180_000));
    await retry();
    expect((await rounds(id)).map((r) => r.outcome)).toEqual(['no_worker_free', 'offering']);
    const again = (await pendingOf(id))!;
    expect(again.worker_id).toBe(w1.id);
    // w1's offers, newest first, a page at a time; and by status.
    const page1 = await t.api.get('/v1/offers?limit=1').set('authorization', `Bearer ${w1.token}`);
    expect(page1.body.data.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([[again.id, 'pending']]);
    const page2 = await t.api.get(`/v1/offers?limit=1&cursor=${page1.body.nextCursor}`).set('authorization', `Bearer ${w1.token}`);
    expect(page2.body.data.map((o: { status: string }) => o.status)).toEqual(['declined']);
    expect(page2.body.nextCursor).toBeNull();
    const declinedOnly = await t.api.get('/v1/offers?status=declined').set('authorization', `Bearer ${w1.token}`);
    expect(declinedOnly.body.data.map((o: { status: string }) => o.status)).toEqual(['declined']);
    expect((await t.api.get('/v1/offers?status=maybe').set('authorization', `Bearer ${w1.token}`)).status).toBe(400);
    // An open round is not tried again meanwhile, however long it has been open.
    t.clock.moveTo(new Date(ranOut.getTime() + 400_000));
    await retry();
    expect(await rounds(id)).toHaveLength(2);

    // At its start the order fails with no_worker (orders' own timer), and its pending offer is withdrawn.
    t.clock.moveTo(startsAt);
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', t.clock.now(), 'test');
    await settle(t);
    expect(await orderRow(id)).toMatchObject({ status: 'failed', failure_reason: 'no_worker' });
    expect(await pendingOf(id)).toBeUndefined();
    expect((await rounds(id)).map((r) => r.outcome)).toEqual(['no_worker_free', 'order_moved_on']);
  }, 120_000);

  it('withdraws the pending offer when the client cancels', async () => {
    const { t, client, order, worker, offersOf, pendingOf, rounds, answer } = await setUp();
    const w1 = await worker(1);
    const id = await order(new Date(t.clock.now().getTime() + 3 * DAY));
    await bringKitsReady(t, [id]);
    const offer = (await pendingOf(id))!;
    // Through the SDK's generated resource methods, over real HTTP.
    const sdk = createChorecat({ baseUrl: await t.listen(), token: w1.token });
    const mine = await sdk.offers.list({ status: 'pending' }).toArray();
    expect(mine.map((o) => [o.id, o.status, o.price])).toEqual([[offer.id, 'pending', '100.00']]);
    const cancelled = await t.api.post(`/v1/orders/${id}/cancel`).set('authorization', `Bearer ${client.token}`).send({ reason: 'Rain' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await settle(t);
    expect((await offersOf(id)).map((o) => o.status)).toEqual(['withdrawn']);
    expect((await rounds(id)).map((r) => r.outcome)).toEqual(['order_moved_on']);
    const res = await sdk.offers.accept(offer.id);
    expect(res.response.status).toBe(409);
    expect(res.error?.code).toBe('MATCHING.OFFER_WITHDRAWN');
    expect((await answer(w1.token, offer.id, 'decline')).body.code).toBe('MATCHING.OFFER_WITHDRAWN');
  }, 120_000);

  it('offers an order edited while offered again, ranked for the order as it is now, once per edit', async () => {
    const { t, manager, order, worker, offersOf, pendingOf, rounds, answer } = await setUp();
    const near = await worker(1);
    const far = await worker(30);
    const id = await order(new Date(t.clock.now().getTime() + 3 * DAY));
    await bringKitsReady(t, [id]);
    const first = (await pendingOf(id))!;
    expect(first.worker_id).toBe(near.id);
    // A manager moves the visit 30 km north, next to the other worker.
    const there = { lat: ORDER_AT.lat + 30 / 111.2, lng: ORDER_AT.lng };
    const edited = await t.api
      .patch(`/v1/orders/${id}`)
      .set('authorization', `Bearer ${manager.token}`)
      .send({ address: `2 Moved Street @${there.lat.toFixed(6)},${there.lng.toFixed(6)}` });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await settle(t);
    // (Both offered at the same instant, each first of its round: the withdrawn one first.)
    const offersNow = async () => (await offersOf(id)).sort((a, b) => Number(a.status !== 'withdrawn') - Number(b.status !== 'withdrawn'));
    const offers = await offersNow();
    expect(offers.map((o) => [o.worker_id, o.status])).toEqual([
      [near.id, 'withdrawn'],
      [far.id, 'pending'],
    ]);
    // (Both rounds at the same instant of the frozen clock: the ended one first.)
    const inOrder = async () => (await rounds(id)).sort((a, b) => Number(a.ended_at === null) - Number(b.ended_at === null));
    expect((await inOrder()).map((r) => [r.outcome, r.candidates])).toEqual([
      ['order_edited', [near.id, far.id]],
      ['offering', [far.id, near.id]],
    ]);
    // The withdrawn offer cannot be taken; the new one can.
    expect((await answer(near.token, first.id, 'accept')).body.code).toBe('MATCHING.OFFER_WITHDRAWN');
    // The same event delivered again (an outbox retry) opens no third round and withdraws nothing.
    const redelivered = await t.db.pool.query(
      "UPDATE outbox SET status = 'pending', available_at = now() - interval '1 second' WHERE payload->>'subscriber' = 'matching.follow-edit'",
    );
    expect(redelivered.rowCount).toBe(1);
    await settle(t);
    expect((await offersNow()).map((o) => [o.id, o.status])).toEqual([
      [first.id, 'withdrawn'],
      [offers[1]!.id, 'pending'],
    ]);
    expect(await rounds(id)).toHaveLength(2);
    const taken = await answer(far.token, offers[1]!.id, 'accept');
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect((await rounds(id)).map((r) => r.outcome).sort()).toEqual(['assigned', 'order_edited']);
  }, 120_000);

  it("shows the order's offer history in the panel, and its round in the matching attempts", async () => {
    const { t, manager, order, worker, pendingOf, answer } = await setUp({}, { panel: true });
    const [w1, w2] = [await worker(1), await worker(2)];
    const id = await order(new Date(t.clock.now().getTime() + 3 * DAY));
    await bringKitsReady(t, [id]);
    expect((await answer(w1.token, (await pendingOf(id))!.id, 'decline')).status).toBe(200);
    expect((await answer(w2.token, (await pendingOf(id))!.id, 'accept')).status).toBe(200);
    const panel = await signedInPanel(t, manager.email);
    const toOffers = await panel.get(`/admin/api/resources/orders/records/${id}/offers`).expect(200);
    expect(toOffers.body.redirectUrl).toContain(`/admin/resources/matching_offers?filters.orderId=${id}`);
    const offers = await panel
      .get(`/admin/api/resources/matching_offers/actions/list?filters.orderId=${id}&sortBy=offeredAt&direction=asc`)
      .expect(200);
    expect(offers.body.records.map((r: { params: { workerId: string; status: string } }) => [r.params.workerId, r.params.status])).toEqual([
      [w1.id, 'declined'],
      [w2.id, 'accepted'],
    ]);
    const toAttempts = await panel.get(`/admin/api/resources/orders/records/${id}/matchingAttempts`).expect(200);
    expect(toAttempts.body.redirectUrl).toContain(`/admin/resources/matching_attempts?filters.orderId=${id}`);
    const attempts = await panel.get(`/admin/api/resources/matching_attempts/actions/list?filters.orderId=${id}`).expect(200);
    expect(
      attempts.body.records.map((r: { params: Record<string, unknown> }) => [r.params.strategy, r.params.outcome, r.params.chosen]),
    ).toEqual([['offers', 'assigned', w2.id]]);
    // The order's own page (the case quality gathers) has the round with its offers, and names the workers.
    const show = await panel.get(`/admin/api/resources/orders/records/${id}/show`).expect(200);
    const page = JSON.parse(show.body.record.params.orderPage);
    expect(page.matchingAttempts).toEqual([
      expect.objectContaining({
        strategy: 'offers',
        outcome: 'assigned',
        chosen: w2.id,
        offers: [
          expect.objectContaining({ workerId: w1.id, status: 'declined' }),
          expect.objectContaining({ workerId: w2.id, status: 'accepted' }),
        ],
      }),
    ]);
    expect(page.people[w1.id]).toMatchObject({ email: w1.email });
  }, 120_000);
});
