import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql, transaction } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { OrderDriver, HOUR, DAY } from '../../../../test/helpers/order-driver.ts';
import { lastEmailTo } from '../../../../test/helpers/mail.ts';
import { seedDemoReviewForms } from '../application/seed-demo-forms.ts';
import { qualityPersonalData } from '../application/personal-data.ts';

/**
 * The review queue end to end (SPEC §10), on the real API with time moved
 * by the sandbox clock: orders fail, get cancelled, rejected and accepted
 * the way people and time make them, and reviews open by themselves.
 * Every completed order is sampled here (REVIEW_SAMPLE_PERCENT=100).
 */
describe('quality: the review queue and review results', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  let slot = 0;
  /** A fresh start time, each a day apart so the two workers are never both busy. */
  const nextStart = () => new Date(d.now().getTime() + 3 * DAY + slot++ * 5 * HOUR);

  /** What a subscriber to quality's events receives (delivered through the outbox like any other). */
  const received: { name: string; payload: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    t = await createTestPlatform({ env: { REVIEW_SAMPLE_PERCENT: '100' }, startsAt: new Date('2032-03-02T12:00:00Z') });
    for (const name of ['review.opened', 'review.completed'] as const) {
      t.platform.kernel.events.subscribe(name, 'test.quality-events', async (event) => {
        received.push({ name: event.name, payload: event.payload as unknown as Record<string, unknown> });
      });
    }
    d = new OrderDriver(t);
    await d.setUp();
    expect(await seedDemoReviewForms(t.platform.kernel)).toEqual(['review form "Standard review"']);
    expect(await seedDemoReviewForms(t.platform.kernel)).toEqual([]);
  });
  afterAll(() => t.close());

  async function scheduled(startsAt = nextStart()): Promise<string> {
    const id = await d.createOrder(startsAt);
    await d.bringKitReady(id);
    expect((await d.order(id)).status).toBe('scheduled');
    return id;
  }
  async function failedNoCheckIn(): Promise<string> {
    const id = await scheduled();
    await d.advanceTo(new Date((await d.order(id)).starts_at.getTime() + 60_000));
    await d.deliver();
    expect(await d.order(id)).toMatchObject({ status: 'failed', failure_reason: 'no_check_in' });
    return id;
  }
  async function reported(): Promise<string> {
    const id = await scheduled();
    await d.advanceTo(new Date((await d.order(id)).starts_at.getTime() - HOUR));
    expect((await d.checkIn(id, 'assignedWorker')).status).toBe(200);
    expect((await d.report(id, 'assignedWorker')).status).toBe(200);
    return id;
  }
  const reviewsOf = (orderId: string) =>
    sql<{ id: string; reason: string; status: string }>(t.db, 'SELECT id, reason, status FROM reviews WHERE order_id = $1', [orderId]);
  const answers = { whatHappened: 'The worker overslept.', clientCalled: true, rating: 2 };
  const result = (reviewId: string, body: Record<string, unknown>, user = d.manager) =>
    t.api.post(`/v1/reviews/${reviewId}/result`).set('authorization', as(user)).send(body);
  const emailOf = async (userId: string) =>
    (await sql<{ email: string }>(t.db, 'SELECT email FROM users WHERE id = $1', [userId]))[0]!.email;
  const ledgerReconciles = async () => {
    const unbalanced = await sql(t.db, 'SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0');
    const [total] = await sql<{ total: string | null }>(t.db, 'SELECT sum(amount_cents)::text AS total FROM ledger_entries');
    expect(unbalanced).toEqual([]);
    expect(total!.total ?? '0').toBe('0');
  };

  it('opens exactly one review per order by itself: failed (no check-in, no worker), rejected, cancelled, sampled', async () => {
    const noCheckIn = await failedNoCheckIn();
    const noWorker = await d.createOrder(nextStart());
    await d.deliver();
    await d.advanceTo(new Date((await d.order(noWorker)).starts_at.getTime() + 60_000));
    await d.deliver();
    expect(await d.order(noWorker)).toMatchObject({ status: 'failed', failure_reason: 'no_worker' });
    const rejected = await reported();
    expect((await d.reject(rejected, 'owner')).status).toBe(200);
    const cancelled = await d.createOrder(nextStart());
    expect((await d.cancel(cancelled, 'owner')).status).toBe(200);
    const accepted = await reported();
    expect((await d.accept(accepted, 'owner')).status).toBe(200);
    await d.deliver();
    const expected: [string, string][] = [
      [noCheckIn, 'failed'],
      [noWorker, 'failed'],
      [rejected, 'rejected'],
      [cancelled, 'cancelled'],
      [accepted, 'sampled'],
    ];
    for (const [orderId, reason] of expected) {
      expect(
        (await reviewsOf(orderId)).map((r) => `${r.reason} ${r.status}`),
        `order ${orderId}`,
      ).toEqual([`${reason} open`]);
    }
    // The event again (a redelivery, or a publisher's retry under a new key): still one review each, and review.opened once.
    const payload = (
      await sql<{ payload: { event: { payload: unknown } } }>(
        t.db,
        "SELECT payload FROM outbox WHERE topic = 'event' AND payload->'event'->>'name' = 'order.no_check_in' AND payload->'event'->'payload'->>'orderId' = $1 LIMIT 1",
        [noCheckIn],
      )
    )[0]!.payload.event.payload as Parameters<typeof t.platform.kernel.events.publish<'order.no_check_in'>>[2];
    await t.platform.kernel.events.publish(undefined, 'order.no_check_in', payload);
    await t.platform.kernel.events.publish(undefined, 'order.accept', { ...payload, orderId: accepted, status: 'completed' });
    await d.deliver();
    expect(await reviewsOf(noCheckIn)).toHaveLength(1);
    expect(await reviewsOf(accepted)).toHaveLength(1);
    // review.opened, once per review, with its typed payload (an integrator's subscription sees the same).
    for (const [orderId, reason] of expected) {
      const [review] = await reviewsOf(orderId);
      expect(received.filter((e) => e.name === 'review.opened' && e.payload.orderId === orderId)).toEqual([
        { name: 'review.opened', payload: { reviewId: review!.id, orderId, reason } },
      ]);
    }
  });

  it('lists the queue open first, then oldest first, filtered by status and reason, page by page', async () => {
    const all = (await t.api.get('/v1/reviews?limit=100').set('authorization', as(d.manager)).expect(200)).body.data as {
      id: string;
      status: string;
      createdAt: string;
      reason: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    const rank = (r: { status: string; createdAt: string; id: string }) => `${r.status === 'open' ? 0 : 1} ${r.createdAt} ${r.id}`;
    expect(all.map(rank)).toEqual([...all.map(rank)].sort());
    const failed = (await t.api.get('/v1/reviews?reason=failed').set('authorization', as(d.manager)).expect(200)).body.data;
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((r: { reason: string }) => r.reason === 'failed')).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; nextCursor: string | null } } = await t.api
        .get(`/v1/reviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', as(d.manager))
        .expect(200);
      seen.push(...res.body.data.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('pages on through the open reviews when the last one shown is done meanwhile (working the queue), skipping none', async () => {
    for (let i = 0; i < 3; i++) {
      const orderId = await d.createOrder(nextStart());
      await t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId }).expect(201);
    }
    const list = async (query: string) =>
      (await t.api.get(`/v1/reviews?${query}`).set('authorization', as(d.manager)).expect(200)).body as {
        data: { id: string; status: string }[];
        nextCursor: string | null;
      };
    const open = (await list('status=open&limit=100')).data.map((r) => r.id);
    expect(open.length).toBeGreaterThanOrEqual(3);
    const first = await list('limit=1');
    expect(first.data.map((r) => r.id)).toEqual([open[0]]);
    // The reviewer does the one on the page, then asks for the next page.
    const form = (await t.api.get('/v1/review-forms').set('authorization', as(d.manager)).expect(200)).body.data[0];
    await result(open[0]!, { formId: form.id, answers, verdict: 'confirmed' }).expect(200);
    const seen: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await list(`limit=2&cursor=${cursor}`);
      seen.push(...next.data.map((r) => r.id));
      cursor = next.nextCursor;
    }
    expect(seen.slice(0, open.length - 1)).toEqual(open.slice(1));
    // The one done meanwhile moved to the done part of the queue, after the page: it is listed there, once.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(open[0]!)).toBeGreaterThanOrEqual(open.length - 1);
  });

  it('lets staff alone in: clients, workers, supplies and anonymous callers are refused; an unknown review is a 404', async () => {
    const [review] = (await t.api.get('/v1/reviews').set('authorization', as(d.manager)).expect(200)).body.data;
    for (const user of [d.clients[0]!, d.workers[0]!, d.supplies]) {
      expect((await t.api.get('/v1/reviews').set('authorization', as(user))).status).toBe(403);
      expect((await t.api.get(`/v1/reviews/${review.id}`).set('authorization', as(user))).status).toBe(403);
      expect((await result(review.id, { answers, verdict: 'confirmed' }, user)).status).toBe(403);
      expect((await t.api.get('/v1/review-forms').set('authorization', as(user))).status).toBe(403);
      expect((await t.api.post('/v1/reviews').set('authorization', as(user)).send({ orderId: review.orderId })).status).toBe(403);
    }
    expect((await t.api.get('/v1/reviews')).status).toBe(401);
    expect((await t.api.get(`/v1/reviews/${review.id}`)).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.api.get(`/v1/reviews/${unknown}`).set('authorization', as(d.manager))).status).toBe(404);
    expect((await result(unknown, { answers, verdict: 'confirmed' })).status).toBe(404);
    expect((await t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId: unknown })).status).toBe(404);
  });

  it('shows the whole case in one view: the order, its timeline, its photos with their hashes, kit, matching, emails, invoice, worker', async () => {
    const orderId = await reported();
    expect((await d.reject(orderId, 'owner')).status).toBe(200);
    await d.deliver();
    const [review] = await reviewsOf(orderId);
    const view = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', as(d.manager)).expect(200)).body;
    expect(view).toMatchObject({
      id: review!.id,
      orderId,
      status: 'open',
      reason: 'rejected',
      form: { name: 'Standard review', version: 1 },
    });
    expect(view.order).toMatchObject({ id: orderId, status: 'failed', failureReason: 'rejected' });
    expect(view.timeline.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['created', 'kit_ready', 'worker_assigned', 'check_in', 'report', 'reject']),
    );
    const [files] = [await sql<{ id: string; sha256: string }>(t.db, 'SELECT id, sha256 FROM files')];
    const hashOf = new Map(files.map((f) => [f.id, f.sha256]));
    expect(view.photos.map((p: { purpose: string }) => p.purpose).sort()).toEqual(['after', 'before', 'check_in', 'signed_report']);
    for (const photo of view.photos) expect(photo.sha256).toBe(hashOf.get(photo.fileId));
    // The timeline's hashes are the photos' own.
    const timelineHashes = view.timeline.flatMap((e: { fileHashes: string[] }) => e.fileHashes);
    for (const photo of view.photos) expect(timelineHashes).toContain(photo.sha256);
    expect(view.kit).toMatchObject({ orderId, status: 'ready' });
    expect(view.matchingAttempts.at(-1)).toMatchObject({ outcome: 'assigned', chosen: view.order.workerId, price: '100.00' });
    const templates = view.emails.map((e: { template: string }) => e.template);
    expect(templates).toEqual(expect.arrayContaining(['order-received', 'order-scheduled-client', 'order-scheduled-worker']));
    expect(view.invoiceLine).toBeNull(); // rejected orders are never billed
    expect(view.worker).toMatchObject({ id: view.order.workerId });
    expect(view.worker.recentOutcomes.map((o: { orderId: string }) => o.orderId)).toContain(orderId);
  });

  it('validates the answers against the form (422 naming each field) and changes nothing', async () => {
    const orderId = await failedNoCheckIn();
    const [review] = await reviewsOf(orderId);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['/body/answers/whatHappened', '/body/answers/clientCalled']],
      [{ ...answers, rating: 7 }, ['/body/answers/rating']],
      [{ ...answers, clientCalled: 'yes' }, ['/body/answers/clientCalled']],
      [{ ...answers, whatHappened: 3 }, ['/body/answers/whatHappened']],
      [{ ...answers, colour: 'tabby' }, ['/body/answers/colour']],
    ];
    for (const [given, paths] of cases) {
      const res = await result(review!.id, { answers: given, verdict: 'overturned' });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe('QUALITY.ANSWERS_INVALID');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
    }
    // A rating that is not a whole number is refused by the contract itself (400).
    expect((await result(review!.id, { answers: { ...answers, rating: 2.5 }, verdict: 'confirmed' })).status).toBe(400);
    expect((await reviewsOf(orderId))[0]!.status).toBe('open');
    expect(await sql(t.db, 'SELECT 1 FROM ledger_transactions WHERE reference = $1', [review!.id])).toEqual([]);
  });

  it('records one result of twenty racing ones; a second result is a 409', async () => {
    const orderId = await failedNoCheckIn();
    const [review] = await reviewsOf(orderId);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => result(review!.id, { answers, verdict: 'overturned', clientFeedback: 'The worker never came.' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(responses.find((r) => r.status === 409)!.body.code).toBe('QUALITY.REVIEW_DONE');
    const again = await result(review!.id, { answers, verdict: 'confirmed' });
    expect(again.status).toBe(409);
    // One reversal in the ledger, one audit entry, one email each, one event.
    expect(await sql(t.db, "SELECT 1 FROM ledger_transactions WHERE kind = 'fine_reversal' AND reference = $1", [review!.id])).toHaveLength(
      1,
    );
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'review.completed' AND target_id = $1", [review!.id])).toHaveLength(1);
    await d.deliver();
    expect(received.filter((e) => e.name === 'review.completed' && e.payload.reviewId === review!.id)).toEqual([
      {
        name: 'review.completed',
        payload: {
          reviewId: review!.id,
          orderId,
          reason: 'failed',
          verdict: 'overturned',
          reviewerId: d.manager.id,
          fineReversed: true,
          refund: null,
        },
      },
    ]);
    const order = await d.order(orderId);
    const client = await emailOf(d.clients[0]!.id);
    const worker = await emailOf(order.worker_id!);
    expect((await lastEmailTo(t.db, client, 'review-outcome-client'))?.subject).toBe('The review of your order is done: overturned');
    expect((await lastEmailTo(t.db, worker, 'review-outcome-worker'))?.text).toContain('The fine for this order is reversed');
    expect(
      await sql(t.db, "SELECT 1 FROM outbox WHERE topic = 'email' AND dedupe_key LIKE $1", [`email:review:${review!.id}:%`]),
    ).toHaveLength(2);
    const done = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', as(d.manager)).expect(200)).body;
    expect(done).toMatchObject({ status: 'done', verdict: 'overturned', fineReversed: true, refund: null, reviewerId: d.manager.id });
    expect(done.emails.map((e: { template: string }) => e.template)).toEqual(
      expect.arrayContaining(['review-outcome-client', 'review-outcome-worker']),
    );
    await ledgerReconciles();
    // What the client said is its personal data: in its export, gone on erasure (the review stays).
    const exported = (await t.api.get('/v1/me/export').set('authorization', as(d.clients[0]!)).expect(200)).body;
    expect(exported.sections.reviews).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: review!.id, orderId, clientFeedback: 'The worker never came.', verdict: 'overturned' }),
      ]),
    );
    await transaction(t.db, (tx) => qualityPersonalData(t.platform.kernel).erase(d.clients[0]!.id, { tx, email: '' }));
    expect(await sql(t.db, 'SELECT status, client_feedback FROM reviews WHERE id = $1', [review!.id])).toEqual([
      { status: 'done', client_feedback: '[erased]' },
    ]);
  });

  it('records review.opened and review.completed in the public feed, as GET /v1/reviews/{id} shows the review, for staff only', async () => {
    const orderId = await failedNoCheckIn();
    const [review] = await reviewsOf(orderId);
    const feed = async (user: { token: string }) => {
      const res = await t.api
        .get('/v1/events')
        .query({ types: 'review.opened,review.completed', limit: 100 })
        .set('authorization', as(user))
        .expect(200);
      return (res.body.data as { type: string; data: { id: string } }[]).filter((e) => e.data.id === review!.id);
    };
    const opened = await feed(d.manager);
    expect(opened.map((e) => e.type)).toEqual(['review.opened']);
    expect(opened[0]!.data).toMatchObject({ id: review!.id, orderId, status: 'open', reason: 'failed', verdict: null });
    expect((await result(review!.id, { answers, verdict: 'confirmed', clientFeedback: 'Fair.' })).status).toBe(200);
    const both = await feed(d.manager);
    expect(both.map((e) => e.type)).toEqual(['review.opened', 'review.completed']);
    const shown = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', as(d.manager)).expect(200)).body;
    const { id, status, reason, form, answers: given, verdict, clientFeedback, reviewerId, fineReversed, refund, completedAt } = shown;
    expect(both[1]!.data).toEqual(
      expect.objectContaining({
        id,
        status,
        reason,
        form,
        answers: given,
        verdict,
        clientFeedback,
        reviewerId,
        fineReversed,
        refund,
        completedAt,
      }),
    );
    // Reviews are managers' business: the order's client and worker read neither.
    expect(await feed(d.clients[0]!)).toEqual([]);
    for (const worker of d.workers) expect(await feed(worker)).toEqual([]);
  });

  it('opens a manual review of any order once while it is open (a repeat returns it), audited', async () => {
    const orderId = await scheduled();
    const first = await t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderId, reason: 'manual', status: 'open', openedBy: d.manager.id });
    const again = await Promise.all(
      Array.from({ length: 5 }, () => t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId })),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(again.map((r) => r.body.id))).toEqual(new Set([first.body.id]));
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'review.opened' AND target_id = $1", [first.body.id])).toHaveLength(1);
    // Confirmed, then a new manual review may open.
    expect((await result(first.body.id, { answers, verdict: 'confirmed' })).status).toBe(200);
    expect((await t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId })).status).toBe(201);
  });

  it('versions forms: an edit is version 2, a review filled in on version 1 keeps it', async () => {
    const forms = (await t.api.get('/v1/review-forms').set('authorization', as(d.manager)).expect(200)).body.data;
    expect(forms.map((f: { name: string; version: number }) => `${f.name} v${f.version}`)).toEqual(['Standard review v1']);
    const orderId = await failedNoCheckIn();
    const [review] = await reviewsOf(orderId);
    expect((await result(review!.id, { answers, verdict: 'confirmed' })).status).toBe(200);
    const edited = await t.api
      .post(`/v1/review-forms/${forms[0].id}/versions`)
      .set('authorization', as(d.manager))
      .send({
        name: 'Standard review',
        fields: [
          ...forms[0].fields,
          { key: 'tone', label: 'How was the client', type: 'choice', required: true, options: ['calm', 'upset'] },
        ],
      });
    expect(edited.status, JSON.stringify(edited.body)).toBe(201);
    expect(edited.body).toMatchObject({ id: forms[0].id, version: 2 });
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'review_form.edited' AND target_id = $1", [forms[0].id])).toHaveLength(
      1,
    );
    const kept = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', as(d.manager)).expect(200)).body;
    expect(kept.form).toMatchObject({ id: forms[0].id, version: 1 });
    expect(kept.form.fields.map((f: { key: string }) => f.key)).not.toContain('tone');
    expect((await t.api.get('/v1/review-forms').set('authorization', as(d.manager)).expect(200)).body.data[0].version).toBe(2);
    // Results from now on answer version 2.
    const later = (await reviewsOf(await failedNoCheckIn()))[0]!;
    expect((await result(later.id, { answers, verdict: 'confirmed' })).body.errors).toEqual([
      { path: '/body/answers/tone', message: 'is required' },
    ]);
    const filled = await result(later.id, { answers: { ...answers, tone: 'calm' }, verdict: 'confirmed' });
    expect(filled.status).toBe(200);
    expect(filled.body.form).toMatchObject({ version: 2 });
    // A form that breaks the rules is refused, naming the field.
    const bad = await t.api
      .post('/v1/review-forms')
      .set('authorization', as(d.manager))
      .send({ name: 'Bad', fields: [{ key: 'pick', label: 'Pick', type: 'choice', required: true, options: ['only one'] }] });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'QUALITY.FORM_INVALID', errors: [{ path: '/body/fields/0/options' }] });
  });

  it('refunds a completed order the client paid for, once, traceable to the review; a never-billed order is a 409', async () => {
    const orderId = await reported();
    expect((await d.accept(orderId, 'owner')).status).toBe(200);
    await d.deliver();
    const [review] = await reviewsOf(orderId);
    expect(review!.reason).toBe('sampled');
    // Answered on a form of its own (whatever the other tests did to the default one).
    const form = await t.api
      .post('/v1/review-forms')
      .set('authorization', as(d.manager))
      .send({ name: 'Refund check', fields: [{ key: 'why', label: 'Why refund', type: 'text', required: true }] })
      .expect(201);
    const mine = { formId: form.body.id, answers: { why: 'The sofa is furrier than before.' } };
    const refunded = await result(review!.id, { ...mine, verdict: 'overturned', refundClient: true });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body).toMatchObject({
      refund: '100.00',
      fineReversed: false,
      form: { id: form.body.id, name: 'Refund check', version: 1 },
    });
    // The same result again is a 409 and refunds nothing more.
    expect((await result(review!.id, { ...mine, verdict: 'overturned', refundClient: true })).status).toBe(409);
    expect(await sql(t.db, "SELECT 1 FROM review_corrections WHERE kind = 'refund' AND order_id = $1", [orderId])).toHaveLength(1);
    // Credited to the client's balance from platform revenue, the review the reference (the credit then pays any unpaid invoice it covers).
    expect(
      await sql(
        t.db,
        `SELECT a.kind, a.owner_id, e.amount_cents::text AS amount FROM ledger_transactions x
         JOIN ledger_entries e ON e.transaction_id = x.id JOIN ledger_accounts a ON a.id = e.account_id
         WHERE x.kind = 'review_refund' AND x.reference = $1 ORDER BY e.amount_cents`,
        [review!.id],
      ),
    ).toEqual([
      { kind: 'platform_revenue', owner_id: null, amount: '-10000' },
      { kind: 'client', owner_id: d.clients[0]!.id, amount: '10000' },
    ]);
    const line = (await t.api.get(`/v1/reviews/${review!.id}`).set('authorization', as(d.manager)).expect(200)).body.invoiceLine;
    expect(line).toMatchObject({ orderId, clientId: d.clients[0]!.id, amount: '100.00', refunded: '100.00' });
    expect(
      await sql(t.db, "SELECT description FROM ledger_transactions WHERE kind = 'review_refund' AND reference = $1", [review!.id]),
    ).toEqual([{ description: `Refund: review ${review!.id} overturned the outcome of order ${orderId}` }]);
    expect((await lastEmailTo(t.db, await emailOf(d.clients[0]!.id), 'review-outcome-client'))?.text).toContain(
      'refunded 100.00 cat-units',
    );
    // A refund needs an overturn; a rejected (never billed) order has nothing to refund, and the review stays open.
    const rejectedOrder = await reported();
    expect((await d.reject(rejectedOrder, 'owner')).status).toBe(200);
    await d.deliver();
    const [rejectedReview] = await reviewsOf(rejectedOrder);
    expect((await result(rejectedReview!.id, { ...mine, verdict: 'confirmed', refundClient: true })).body.code).toBe(
      'QUALITY.REFUND_NEEDS_OVERTURN',
    );
    const refused = await result(rejectedReview!.id, { ...mine, verdict: 'overturned', refundClient: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BILLING.NOT_INVOICED');
    expect((await reviewsOf(rejectedOrder))[0]!.status).toBe('open');
    expect(await sql(t.db, 'SELECT 1 FROM ledger_transactions WHERE reference = $1', [rejectedReview!.id])).toEqual([]);
    await ledgerReconciles();
  });
});
