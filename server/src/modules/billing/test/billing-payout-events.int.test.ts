import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { signGoldenHatPayload } from '../../../stand-ins/golden-hat-stand-in.ts';
import { createTestPlatform, TEST_GOLDEN_HAT_SECRET, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { createGoldenHatClient, GoldenHatError } from '../infra/golden-hat-client.ts';

/**
 * The Payout resource (GET /v1/payouts, /v1/payouts/{id}) and its public
 * events over the Golden Hat stand-in and the sandbox clock: each event
 * once, its payload the payout as the API returns it (responses are
 * validated against the contract in tests), each worker reading only its own.
 */
describe('billing: the Payout resource and payout.* events', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  let month = 0;
  type Payout = {
    id: string;
    statementId: string;
    workerId: string;
    amount: string;
    status: string;
    failures: number;
    lastFailureReason: string | null;
    nextAttemptAt: string | null;
    createdAt: string;
    paidAt: string | null;
  };
  type FeedEvent = { id: string; type: string; data: Payout };

  beforeAll(async () => {
    t = await createTestPlatform({ startsAt: new Date('2034-01-02T12:00:00Z') });
    manager = await t.userWithRoles(['manager']);
    await t.listen();
  });
  afterAll(() => t.close());

  const advanceTo = (at: Date) =>
    t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: at.toISOString() }).expect(200);

  /** Workers with one completed order each (60.00 to them), and the month closed: one payable statement, one payout each. */
  async function payableStatements(count: number) {
    const workers = [];
    for (let i = 0; i < count; i++) {
      const worker = await t.userWithRoles(['worker']);
      await t.db.sequelize.query(
        "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, 'completed', 10000, $3)",
        { bind: [randomUUID(), worker.id, new Date(t.clock.now().getTime() + 60_000)] },
      );
      workers.push(worker);
    }
    month++;
    // Past the statement run (the last day of the month, 23:00), which the advance replays, and the payout job after it.
    await advanceTo(new Date(Date.UTC(2034, month, 1, 8)));
    const found = [];
    for (const worker of workers) {
      const [payout] = await sql<{ id: string; statement_id: string; provider_payout_id: string | null }>(
        t.db,
        'SELECT id, statement_id, provider_payout_id FROM payouts WHERE worker_id = $1',
        [worker.id],
      );
      found.push({ worker, payout: payout! });
    }
    return found;
  }
  const get = async (user: { token: string }, path: string, status = 200) =>
    (await t.api.get(path).set('authorization', as(user)).expect(status)).body as Record<string, unknown>;
  const payoutEvents = async (user: { token: string }, after?: string) =>
    (
      (await get(user, `/v1/events?types=payout.created,payout.failed,payout.paid&limit=100${after ? `&after=${after}` : ''}`)) as {
        data: FeedEvent[];
      }
    ).data;
  const eventsOf = async (payoutId: string) => (await payoutEvents(manager)).filter((e) => e.data.id === payoutId);
  /** A Golden Hat callback, signed as Golden Hat signs it. */
  const callback = (event: { id: string; type: string; data: Record<string, unknown> }) => {
    const body = JSON.stringify(event);
    return t.api
      .post('/v1/integrations/golden-hat/events')
      .set('content-type', 'application/json')
      .set('golden-hat-signature', signGoldenHatPayload(TEST_GOLDEN_HAT_SECRET, body, Math.floor(Date.now() / 1000)))
      .send(body)
      .expect(200);
  };
  /** At `from` or up to 20 s later. */
  const expectWithin = (at: string, from: number) => {
    expect(new Date(at).getTime()).toBeGreaterThanOrEqual(from);
    expect(new Date(at).getTime()).toBeLessThan(from + 20_000);
  };
  const providerIdOf = async (id: string) =>
    (await sql<{ provider_payout_id: string }>(t.db, 'SELECT provider_payout_id FROM payouts WHERE id = $1', [id]))[0]!.provider_payout_id;

  it('announces a payout failed (refused, then failed by Golden Hat) and then paid, each once, as GET /v1/payouts/{id} returns it', async () => {
    // Golden Hat refuses the first send: the month-end advance replays the payout job's retry 30 s later, which it accepts.
    t.goldenHat.failNext(1);
    const { worker, payout } = (await payableStatements(1))[0]!;
    const statementRun = (await sql<{ created_at: Date }>(t.db, 'SELECT created_at FROM payouts WHERE id = $1', [payout.id]))[0]!
      .created_at;
    const createdAt = new Date(statementRun).toISOString();
    const base = { id: payout.id, statementId: payout.statement_id, workerId: worker.id, amount: '60.00', createdAt, paidAt: null };
    let events = await payoutEvents(worker);
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.failed']);
    expect(events[0]!.data).toEqual({ ...base, status: 'pending', failures: 0, lastFailureReason: null, nextAttemptAt: createdAt });
    const firstFailure = events[1]!;
    // Only the kind of failure: no HTTP status, no Golden Hat body.
    expect(firstFailure.data).toEqual({
      ...base,
      status: 'pending',
      failures: 1,
      lastFailureReason: 'Golden Hat refused the payout',
      nextAttemptAt: expect.any(String),
    });
    // The first retry 30 s after the try (the sandbox clock runs on in real time while a job works).
    expectWithin(firstFailure.data.nextAttemptAt!, new Date(createdAt).getTime() + 30_000);
    expect(await get(worker, `/v1/payouts/${payout.id}`)).toEqual({
      ...base,
      status: 'processing',
      failures: 1,
      lastFailureReason: 'Golden Hat refused the payout',
      nextAttemptAt: null,
    });

    // Golden Hat fails the attempt: one payout.failed, the payout as it now reads.
    const failedAt = t.clock.now().getTime();
    expect(await t.goldenHat.settle(await providerIdOf(payout.id), 'failed', 'account frozen')).toBe(200);
    const afterFailure = await get(worker, `/v1/payouts/${payout.id}`);
    expect(afterFailure).toEqual({
      ...base,
      status: 'pending',
      failures: 2,
      lastFailureReason: 'Golden Hat failed the payout: account frozen',
      nextAttemptAt: expect.any(String),
    });
    expectWithin(afterFailure.nextAttemptAt as string, failedAt + 60_000);
    events = await payoutEvents(worker);
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.failed', 'payout.failed']);
    expect(events[2]!.data).toEqual(afterFailure);
    // The failed attempt's news again (another event id): history, not a new failure.
    const failedAttempt = await providerIdOf(payout.id);
    expect(
      (await callback({ id: `evt_${randomUUID()}`, type: 'payout.failed', data: { payoutId: failedAttempt, failureReason: 'again' } }))
        .body,
    ).toEqual({ received: true, duplicate: false, handled: false });
    expect(await eventsOf(payout.id)).toHaveLength(3);

    // The backoff passes on the sandbox clock: the job sends attempt 2; Golden Hat's callback pays it, delivered twice.
    await advanceTo(new Date(failedAt + 2 * 60_000));
    const secondAttempt = await providerIdOf(payout.id);
    expect(secondAttempt).not.toBe(failedAttempt);
    const paid = { id: `evt_${randomUUID()}`, type: 'payout.paid', data: { payoutId: secondAttempt, reference: payout.id } };
    expect((await callback(paid)).body).toEqual({ received: true, duplicate: false, handled: true });
    expect((await callback(paid)).body).toEqual({ received: true, duplicate: true, handled: false });
    // A paid payout's news under another id, and the job run again (a poll, a retry): nothing more.
    expect((await callback({ ...paid, id: `evt_${randomUUID()}` })).body).toMatchObject({ handled: false });
    expect(await t.platform.kernel.scheduler.runJob('billing.payouts', t.clock.now(), 'test')).toMatchObject({ outcome: 'succeeded' });

    const paidView = await get(worker, `/v1/payouts/${payout.id}`);
    expect(paidView).toMatchObject({ status: 'paid', failures: 2, lastFailureReason: null, nextAttemptAt: null });
    expect(paidView.paidAt).toEqual(expect.any(String));
    events = await payoutEvents(worker);
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.failed', 'payout.failed', 'payout.paid']);
    expect(events[3]!.data).toEqual(paidView);
    // Staff read the same events; the statement's own event follows the payout's, once.
    expect(await eventsOf(payout.id)).toEqual(events);
    const statementPaid = (
      (await get(worker, '/v1/events?types=payout.paid,statement.paid&limit=100')) as { data: { type: string; data: { id: string } }[] }
    ).data.filter((e) => e.data.id === payout.id || e.data.id === payout.statement_id);
    expect(statementPaid.map((e) => e.type)).toEqual(['payout.paid', 'statement.paid']);
  });

  it("lists a worker its own payouts only, 404s another worker's as a missing one, and gives managers all with filters and pages", async () => {
    const [first, second, third] = await payableStatements(3);
    // Golden Hat pays the third one.
    expect(await t.goldenHat.settle(third!.payout.provider_payout_id!)).toBe(200);

    const own = (await get(first!.worker, '/v1/payouts')) as { data: Payout[]; nextCursor: string | null };
    expect(own).toEqual({ data: [await get(first!.worker, `/v1/payouts/${first!.payout.id}`)], nextCursor: null });
    expect(own.data[0]).toMatchObject({ workerId: first!.worker.id, status: 'processing', amount: '60.00' });
    // A worker's workerId filter is ignored: it always reads its own.
    expect(((await get(first!.worker, `/v1/payouts?workerId=${second!.worker.id}`)) as { data: Payout[] }).data.map((p) => p.id)).toEqual([
      first!.payout.id,
    ]);
    const theirs = await get(first!.worker, `/v1/payouts/${second!.payout.id}`, 404);
    const missing = await get(first!.worker, `/v1/payouts/${randomUUID()}`, 404);
    expect(theirs.code).toBe('NOT_FOUND');
    const { requestId: _a, instance: _b, ...theirsRest } = theirs;
    const { requestId: _c, instance: _d, ...missingRest } = missing;
    expect(theirsRest).toEqual(missingRest);
    await get(await t.userWithRoles(['client']), '/v1/payouts', 403);

    // Managers: by worker, by status, by statement; every payout across pages, newest first, none twice.
    const byWorker = (await get(manager, `/v1/payouts?workerId=${second!.worker.id}`)) as { data: Payout[] };
    expect(byWorker.data.map((p) => p.id)).toEqual([second!.payout.id]);
    const paidOnes = (await get(manager, '/v1/payouts?status=paid&limit=100')) as { data: Payout[] };
    expect(paidOnes.data.map((p) => p.id)).toContain(third!.payout.id);
    expect(paidOnes.data.every((p) => p.status === 'paid')).toBe(true);
    expect(paidOnes.data.map((p) => p.id)).not.toContain(first!.payout.id);
    const byStatement = (await get(manager, `/v1/payouts?statementId=${first!.payout.statement_id}`)) as { data: Payout[] };
    expect(byStatement.data.map((p) => p.id)).toEqual([first!.payout.id]);
    expect(((await get(manager, `/v1/payouts?statementId=${first!.payout.statement_id}&status=paid`)) as { data: Payout[] }).data).toEqual(
      [],
    );

    const all = await sql<{ id: string }>(t.db, 'SELECT id FROM payouts ORDER BY created_at DESC, id DESC');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageOf = (await get(manager, `/v1/payouts?limit=2${cursor ? `&cursor=${cursor}` : ''}`)) as {
        data: Payout[];
        nextCursor: string | null;
      };
      expect(pageOf.data.length).toBeLessThanOrEqual(2);
      seen.push(...pageOf.data.map((p) => p.id));
      cursor = pageOf.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));

    expect((await get(manager, '/v1/payouts?status=failed', 400)).code).toBe('VALIDATION.FAILED');
    expect((await get(manager, '/v1/payouts?cursor=not-ours', 400)).code).toBe('VALIDATION.FAILED');
  });

  it("gives a second worker none of the first's payout events in a sweep of the whole feed, and only its own", async () => {
    const [first, second] = await payableStatements(2);
    const firstEvents = await payoutEvents(first!.worker);
    expect(firstEvents.map((e) => [e.type, e.data.id])).toEqual([['payout.created', first!.payout.id]]);
    // The whole feed, page by page, as the second worker reads it.
    const swept: FeedEvent[] = [];
    let after: string | undefined;
    for (;;) {
      const pageOf = (await get(second!.worker, `/v1/events?limit=2${after ? `&after=${after}` : ''}`)) as { data: FeedEvent[] };
      if (pageOf.data.length === 0) break;
      swept.push(...pageOf.data);
      after = pageOf.data.at(-1)!.id;
    }
    expect(swept.map((e) => e.type)).toEqual(['statement.issued', 'payout.created']);
    expect(swept.every((e) => e.data.workerId === second!.worker.id)).toBe(true);
    expect(swept.find((e) => e.type === 'payout.created')!.data.id).toBe(second!.payout.id);
    // The first's event id is no cursor for the second; managers read both workers' events.
    expect((await get(second!.worker, `/v1/events?after=${firstEvents[0]!.id}`, 400)).code).toBe('EVENTS.UNKNOWN_CURSOR');
    const staff = (await payoutEvents(manager)).map((e) => e.data.id);
    expect(staff).toEqual(expect.arrayContaining([first!.payout.id, second!.payout.id]));
  });

  it('tells an unreachable Golden Hat from one that refused (what the worker reads of a failure)', async () => {
    const closed = createGoldenHatClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', timeoutMs: 2_000 });
    const unreachable = await closed.getPayout('x').catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(GoldenHatError);
    expect((unreachable as GoldenHatError).kind).toBe('unreachable');
    t.goldenHat.failNext(1);
    const open = createGoldenHatClient({ baseUrl: t.goldenHat.url, apiKey: t.platform.kernel.secrets.goldenHatApiKey, timeoutMs: 5_000 });
    const refused = await open.getPayout('x').catch((e: unknown) => e);
    expect((refused as GoldenHatError).kind).toBe('refused');
    expect((refused as GoldenHatError).message).toContain('HTTP 503');
  });
});
