import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { PNG_1x1, JPEG_HEADER } from '../../../../test/helpers/images.ts';
import { bringKitReady, settle } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The whole life of orders, with time moved through the platform clock and the jobs. */
describe('order flow: check-in, report, accept or reject, copy, timers', () => {
  let t: TestPlatform;
  let client: { id: string; token: string };
  let other: { id: string; token: string };
  let worker: { id: string; token: string };
  let manager: { id: string; token: string };
  let serviceTypeId: string;

  beforeAll(async () => {
    t = await createTestPlatform();
    manager = await t.userWithRoles(['manager']);
    client = await t.userWithRoles(['client']);
    other = await t.userWithRoles(['client']);
    // One worker, so every scheduled order is theirs.
    worker = await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Sofa de-furring', description: '', durationMinutes: 60 })
    ).body.id;
  });
  afterAll(() => t.close());

  const as = (user: { token: string }) => `Bearer ${user.token}`;
  /** An order starting `hours` from the platform's now, far from the others (orders of one worker may not overlap). */
  let day = 0;
  async function scheduledOrder(hoursFromNow = 3) {
    t.clock.moveTo(new Date(t.clock.now().getTime() + ++day * 24 * HOUR));
    const startsAt = new Date(t.clock.now().getTime() + hoursFromNow * HOUR);
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', as(client))
      .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '3 Purr Street' });
    expect(res.body.status).toBe('created');
    expect(await bringKitReady(t, res.body.id)).toBe('scheduled');
    return { id: res.body.id as string, startsAt };
  }
  const upload = async (user: { token: string }, bytes = PNG_1x1) =>
    (await t.api.post('/v1/files').set('authorization', as(user)).attach('file', bytes, 'p.png')).body.id as string;
  const post = (user: { token: string }, path: string, body: Record<string, unknown> = {}) =>
    t.api.post(path).set('authorization', as(user)).send(body);

  it('goes from scheduled to completed: check-in in its window with a photo, a report, the client accepts', async () => {
    const { id, startsAt } = await scheduledOrder();
    const photo = await upload(worker);
    t.clock.moveTo(new Date(startsAt.getTime() - 2 * HOUR - 60_000));
    const early = await post(worker, `/v1/orders/${id}/check-in`, { photoId: photo });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ORDERS.CHECK_IN_CLOSED');
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    expect((await t.api.get(`/v1/orders/${id}`).set('authorization', as(worker))).body.allowedActions).toEqual(['check_in']);
    const checkedIn = await post(worker, `/v1/orders/${id}/check-in`, { photoId: photo });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body).toMatchObject({
      status: 'in_progress',
      allowedActions: ['report'],
      photos: { checkIn: photo, before: [], after: [], signedReport: null },
    });

    const before = [await upload(worker), await upload(worker, JPEG_HEADER)];
    const after = [await upload(worker)];
    const signed = await upload(worker, JPEG_HEADER);
    const reported = await post(worker, `/v1/orders/${id}/report`, {
      beforePhotoIds: before,
      afterPhotoIds: after,
      signedReportPhotoId: signed,
    });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported', photos: { before, after, signedReport: signed } });

    // The client sees the report's photos; another client does not.
    expect((await t.api.get(`/v1/files/${signed}`).set('authorization', as(client))).status).toBe(200);
    expect((await t.api.get(`/v1/files/${signed}`).set('authorization', as(other))).status).toBe(404);
    expect((await t.api.get(`/v1/orders/${id}`).set('authorization', as(client))).body.allowedActions).toEqual(['accept', 'reject']);

    const accepted = await post(client, `/v1/orders/${id}/accept`, { rating: 5 });
    expect(accepted.body).toMatchObject({ status: 'completed', rating: 5, allowedActions: [] });

    const timeline = (await t.api.get(`/v1/orders/${id}/timeline`).set('authorization', as(client))).body.data as {
      event: string;
      fileHashes: string[];
    }[];
    expect(timeline.map((e) => e.event)).toEqual(['created', 'kit_ready', 'worker_assigned', 'check_in', 'report', 'accept']);
    expect(timeline.find((e) => e.event === 'check_in')!.fileHashes).toEqual([sha(PNG_1x1)]);
    expect(timeline.find((e) => e.event === 'report')!.fileHashes).toEqual([
      sha(PNG_1x1),
      sha(JPEG_HEADER),
      sha(PNG_1x1),
      sha(JPEG_HEADER),
    ]);
    const emails = await sql<{ template: string }>(
      t.db,
      "SELECT template FROM emails WHERE template LIKE 'order-%' AND id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%')",
      [id],
    );
    expect(emails.map((e) => e.template).sort()).toEqual(
      [
        'order-completed',
        'order-completed',
        'order-received',
        'order-reported',
        'order-scheduled-client',
        'order-scheduled-worker',
        'order-started',
      ].sort(),
    );
  });

  it('refuses photos the worker did not upload, and illegal steps with 409', async () => {
    const { id, startsAt } = await scheduledOrder();
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    const foreign = await upload(client);
    const res = await post(worker, `/v1/orders/${id}/check-in`, { photoId: foreign });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ORDERS.PHOTO_INVALID');
    const premature = await post(worker, `/v1/orders/${id}/report`, {
      beforePhotoIds: [foreign],
      afterPhotoIds: [foreign],
      signedReportPhotoId: foreign,
    });
    expect(premature.status).toBe(422);
    const accept = await post(client, `/v1/orders/${id}/accept`, {});
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('ORDERS.ILLEGAL_TRANSITION');
    expect((await post(other, `/v1/orders/${id}/accept`, {})).status).toBe(404);
    const order = await t.api.get(`/v1/orders/${id}`).set('authorization', as(client));
    expect(order.body.status).toBe('scheduled');
  });

  it('lets exactly one of twenty racing check-ins and of twenty racing accepts through', async () => {
    const { id, startsAt } = await scheduledOrder();
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    const photo = await upload(worker);
    const checkIns = await Promise.all(Array.from({ length: 20 }, () => post(worker, `/v1/orders/${id}/check-in`, { photoId: photo })));
    expect(checkIns.filter((r) => r.status === 200)).toHaveLength(1);
    expect(checkIns.filter((r) => r.status === 409)).toHaveLength(19);
    const p = await upload(worker);
    await post(worker, `/v1/orders/${id}/report`, { beforePhotoIds: [p], afterPhotoIds: [p], signedReportPhotoId: p }).expect(200);
    const accepts = await Promise.all(Array.from({ length: 20 }, () => post(client, `/v1/orders/${id}/accept`, { rating: 4 })));
    expect(accepts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(accepts.filter((r) => r.status === 409)).toHaveLength(19);
    const entries = await sql<{ event: string; n: number }>(
      t.db,
      "SELECT event, count(*)::int AS n FROM order_timeline WHERE order_id = $1 AND event IN ('check_in', 'accept') GROUP BY event ORDER BY event",
      [id],
    );
    expect(entries).toEqual([
      { event: 'accept', n: 1 },
      { event: 'check_in', n: 1 },
    ]);
  });

  it('fails a rejected order, offers a copy, and the copy is a new order', async () => {
    const { id, startsAt } = await scheduledOrder();
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    const p = await upload(worker);
    await post(worker, `/v1/orders/${id}/check-in`, { photoId: p }).expect(200);
    await post(worker, `/v1/orders/${id}/report`, { beforePhotoIds: [p], afterPhotoIds: [p], signedReportPhotoId: p }).expect(200);
    const rejected = await post(client, `/v1/orders/${id}/reject`, { reason: 'Fur everywhere still', rating: 1 });
    expect(rejected.body).toMatchObject({ status: 'failed', failureReason: 'rejected', rating: 1, allowedActions: ['copy'] });
    expect((await post(client, `/v1/orders/${id}/reject`, { reason: 'again' })).status).toBe(409);
    const newStart = new Date(t.clock.now().getTime() + 5 * 24 * HOUR);
    const copy = await post(client, `/v1/orders/${id}/copy`, { startsAt: newStart.toISOString() });
    expect(copy.status).toBe(201);
    // The copy follows the flow of a new order: its own kit, cookie and match.
    expect(copy.body).toMatchObject({
      copyOf: id,
      status: 'created',
      address: '3 Purr Street',
      serviceTypeId,
      startsAt: newStart.toISOString(),
    });
    expect(await bringKitReady(t, copy.body.id)).toBe('scheduled');
    expect((await post(client, `/v1/orders/${copy.body.id}/copy`, { startsAt: newStart.toISOString() })).body.code).toBe(
      'ORDERS.NOT_COPYABLE',
    );
    expect((await post(other, `/v1/orders/${id}/copy`, { startsAt: newStart.toISOString() })).status).toBe(404);
  });

  it('fails an order not checked in by its start, through the sandbox clock, and emails both sides', async () => {
    const { id, startsAt } = await scheduledOrder();
    const advanced = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', as(manager))
      .send({ advanceTo: new Date(startsAt.getTime() + 60_000).toISOString() });
    expect(advanced.status).toBe(200);
    const run = advanced.body.jobsRun.find(
      (r: { job: string; at: string }) => r.job === 'orders.start-deadline' && r.at === startsAt.toISOString(),
    );
    expect(run).toMatchObject({ outcome: 'succeeded' });
    const order = await t.api.get(`/v1/orders/${id}`).set('authorization', as(client));
    expect(order.body).toMatchObject({ status: 'failed', failureReason: 'no_check_in', allowedActions: ['copy'] });
    const timeline = (await t.api.get(`/v1/orders/${id}/timeline`).set('authorization', as(client))).body.data;
    expect(timeline.at(-1)).toMatchObject({ event: 'no_check_in', actorId: null, actorRole: 'system' });
    // Stamped when the job ran as of the start (plus the moments it took).
    expect(Date.parse(timeline.at(-1).at) - startsAt.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(timeline.at(-1).at) - startsAt.getTime()).toBeLessThan(2_000);
    const emails = await sql<{ template: string }>(
      t.db,
      "SELECT template FROM emails WHERE id IN (SELECT id FROM outbox WHERE dedupe_key LIKE '%:' || $1 || ':%') AND template IN ('order-failed-client', 'order-missed-worker') ORDER BY template",
      [id],
    );
    expect(emails.map((e) => e.template)).toEqual(['order-failed-client', 'order-missed-worker']);
    // Billing heard of it (the advance delivered the event): the worker's fine for the month.
    await settle(t);
    expect(await sql(t.db, 'SELECT worker_id, outcome FROM worker_outcomes WHERE order_id = $1', [id])).toEqual([
      { worker_id: worker.id, outcome: 'failed' },
    ]);
  });

  it('accepts a report automatically 72 hours later, not a second earlier, through the job', async () => {
    const { id, startsAt } = await scheduledOrder();
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    const p = await upload(worker);
    await post(worker, `/v1/orders/${id}/check-in`, { photoId: p }).expect(200);
    await post(worker, `/v1/orders/${id}/report`, { beforePhotoIds: [p], afterPhotoIds: [p], signedReportPhotoId: p }).expect(200);
    const [{ reported_at }] = (await sql<{ reported_at: Date }>(t.db, 'SELECT reported_at FROM orders WHERE id = $1', [id])) as [
      { reported_at: Date },
    ];
    const due = new Date(reported_at).getTime() + 72 * HOUR;
    await t.platform.kernel.scheduler.runJob('orders.auto-accept', new Date(due - 1_000), 'cli');
    expect((await t.api.get(`/v1/orders/${id}`).set('authorization', as(client))).body.status).toBe('reported');
    await t.platform.kernel.scheduler.runJob('orders.auto-accept', new Date(due), 'cli');
    const order = (await t.api.get(`/v1/orders/${id}`).set('authorization', as(client))).body;
    expect(order.status).toBe('completed');
    const timeline = (await t.api.get(`/v1/orders/${id}/timeline`).set('authorization', as(client))).body.data;
    expect(timeline.at(-1)).toMatchObject({ event: 'auto_accept', actorRole: 'system' });
    // Running it again does nothing more.
    await t.platform.kernel.scheduler.runJob('orders.auto-accept', new Date(due + HOUR), 'cli');
    expect((await sql(t.db, "SELECT 1 FROM order_timeline WHERE order_id = $1 AND event = 'auto_accept'", [id])).length).toBe(1);
  });

  it('fails an order still without a worker at its start (no_worker)', async () => {
    // Take the only worker's time, then order the same slot: it waits in matching.
    const first = await scheduledOrder(30);
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', as(other))
      .send({ serviceTypeId, startsAt: first.startsAt.toISOString(), address: '9 Meow Road' });
    expect(await bringKitReady(t, res.body.id)).toBe('matching');
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', first.startsAt, 'cli');
    const waiting = (await t.api.get(`/v1/orders/${res.body.id}`).set('authorization', as(other))).body;
    expect(waiting).toMatchObject({ status: 'failed', failureReason: 'no_worker' });
    expect((await t.api.get(`/v1/orders/${first.id}`).set('authorization', as(client))).body).toMatchObject({
      status: 'failed',
      failureReason: 'no_check_in',
    });
  });

  it('answers every illegal step, in every state, with 409 and leaves the order as it was', async () => {
    // One order in each state a client and worker can reach.
    const photo = await upload(worker);
    const reachable: Record<string, string> = {};
    const s1 = await scheduledOrder();
    reachable.scheduled = s1.id;
    const s2 = await scheduledOrder();
    t.clock.moveTo(new Date(s2.startsAt.getTime() - HOUR));
    await post(worker, `/v1/orders/${s2.id}/check-in`, { photoId: photo }).expect(200);
    reachable.in_progress = s2.id;
    const s3 = await scheduledOrder();
    t.clock.moveTo(new Date(s3.startsAt.getTime() - HOUR));
    await post(worker, `/v1/orders/${s3.id}/check-in`, { photoId: photo }).expect(200);
    await post(worker, `/v1/orders/${s3.id}/report`, {
      beforePhotoIds: [photo],
      afterPhotoIds: [photo],
      signedReportPhotoId: photo,
    }).expect(200);
    reachable.reported = s3.id;
    const s4 = await scheduledOrder();
    t.clock.moveTo(new Date(s4.startsAt.getTime() - HOUR));
    await post(worker, `/v1/orders/${s4.id}/check-in`, { photoId: photo }).expect(200);
    await post(worker, `/v1/orders/${s4.id}/report`, {
      beforePhotoIds: [photo],
      afterPhotoIds: [photo],
      signedReportPhotoId: photo,
    }).expect(200);
    await post(client, `/v1/orders/${s4.id}/accept`, {}).expect(200);
    reachable.completed = s4.id;
    const s5 = await scheduledOrder();
    await post(client, `/v1/orders/${s5.id}/cancel`, {}).expect(200);
    reachable.cancelled = s5.id;
    const s6 = await scheduledOrder();
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', s6.startsAt, 'test');
    reachable.failed = s6.id;

    const steps = {
      'check-in': { by: worker, body: { photoId: photo }, legalIn: ['scheduled'] },
      report: {
        by: worker,
        body: { beforePhotoIds: [photo], afterPhotoIds: [photo], signedReportPhotoId: photo },
        legalIn: ['in_progress'],
      },
      accept: { by: client, body: {}, legalIn: ['reported'] },
      reject: { by: client, body: { reason: 'no' }, legalIn: ['reported'] },
      cancel: { by: client, body: {}, legalIn: ['created', 'matching', 'scheduled'] },
    } as const;
    let checked = 0;
    for (const [status, id] of Object.entries(reachable)) {
      for (const [step, { by, body, legalIn }] of Object.entries(steps)) {
        if ((legalIn as readonly string[]).includes(status)) continue;
        const [before] = await sql<Record<string, unknown>>(t.db, 'SELECT * FROM orders WHERE id = $1', [id]);
        const entries = (await sql(t.db, 'SELECT 1 FROM order_timeline WHERE order_id = $1', [id])).length;
        const res = await post(by, `/v1/orders/${id}/${step}`, body);
        expect(res.status, `${step} on ${status}`).toBe(409);
        expect(res.body.code).toBe('ORDERS.ILLEGAL_TRANSITION');
        const [after] = await sql<Record<string, unknown>>(t.db, 'SELECT * FROM orders WHERE id = $1', [id]);
        expect(after, `${step} on ${status}`).toEqual(before);
        expect((await sql(t.db, 'SELECT 1 FROM order_timeline WHERE order_id = $1', [id])).length).toBe(entries);
        checked++;
      }
    }
    // 6 states × 5 steps, less the 5 legal pairs.
    expect(checked).toBe(25);
  });
});
