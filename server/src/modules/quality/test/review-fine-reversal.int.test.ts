import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { OrderDriver, HOUR } from '../../../../test/helpers/order-driver.ts';
import { seedDemoReviewForms } from '../application/seed-demo-forms.ts';

/**
 * An overturned failure reverses the worker's fine (SPEC §10): in the
 * ledger at once, and as a line on the worker's next statement, so the
 * month nets as if the worker had not been fined — or, when the fine's
 * statement was already issued, the next one pays it back.
 */
describe('quality: an overturned review reverses the fine on the statement', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    t = await createTestPlatform({ env: { REVIEW_SAMPLE_PERCENT: '0' }, startsAt: new Date('2032-03-02T12:00:00Z') });
    d = new OrderDriver(t);
    await d.setUp();
    await seedDemoReviewForms(t.platform.kernel);
  });
  afterAll(() => t.close());

  async function scheduled(startsAt: Date): Promise<{ id: string; workerId: string }> {
    const id = await d.createOrder(startsAt);
    await d.bringKitReady(id);
    const order = await d.order(id);
    expect(order.status).toBe('scheduled');
    return { id, workerId: order.worker_id! };
  }
  async function failNoCheckIn(startsAt: Date) {
    const order = await scheduled(startsAt);
    await d.advanceTo(new Date(startsAt.getTime() + 60_000));
    await d.deliver();
    expect(await d.order(order.id)).toMatchObject({ status: 'failed', failure_reason: 'no_check_in' });
    return order;
  }
  async function complete(startsAt: Date) {
    const order = await scheduled(startsAt);
    await d.advanceTo(new Date(startsAt.getTime() - HOUR));
    expect((await d.checkIn(order.id, 'assignedWorker')).status).toBe(200);
    expect((await d.report(order.id, 'assignedWorker')).status).toBe(200);
    expect((await d.accept(order.id, 'owner')).status).toBe(200);
    await d.deliver();
    return order;
  }
  async function overturn(orderId: string): Promise<string> {
    const [review] = await sql<{ id: string }>(t.db, "SELECT id FROM reviews WHERE order_id = $1 AND reason = 'failed'", [orderId]);
    expect(review, `the review of ${orderId}`).toBeDefined();
    const res = await t.api
      .post(`/v1/reviews/${review!.id}/result`)
      .set('authorization', as(d.manager))
      .send({
        answers: { whatHappened: 'The app never showed the order.', clientCalled: true, fineJustified: false },
        verdict: 'overturned',
      });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.fineReversed).toBe(true);
    return review!.id;
  }
  async function statementOf(workerId: string, periodEnd: string) {
    await t.platform.kernel.scheduler.runJob('billing.monthly-statements', new Date(new Date(periodEnd).getTime() + 9 * HOUR), 'cli');
    const list = (await t.api.get(`/v1/statements?workerId=${workerId}`).set('authorization', as(d.manager)).expect(200)).body.data;
    return list.find((s: { periodEnd: string }) => s.periodEnd === periodEnd);
  }
  const workerAccount = async (workerId: string) =>
    (
      await sql<{ total: string | null }>(
        t.db,
        `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
         WHERE a.kind = 'worker' AND a.owner_id = $1`,
        [workerId],
      )
    )[0]!.total ?? '0';
  const reconciles = async () => {
    expect(await sql(t.db, 'SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0')).toEqual([]);
    expect((await sql<{ total: string | null }>(t.db, 'SELECT sum(amount_cents)::text AS total FROM ledger_entries'))[0]!.total).toBe('0');
  };

  it('shows the fine and its reversal on the month’s statement, which nets as if the worker had not been fined', async () => {
    const failed = await failNoCheckIn(new Date('2032-03-05T10:00:00Z'));
    const done = await complete(new Date('2032-03-08T10:00:00Z'));
    const reviewId = await overturn(failed.id);
    // In the ledger at once: fines → worker, with the review as the reference.
    const [posting] = await sql<{ id: string; description: string }>(
      t.db,
      "SELECT id, description FROM ledger_transactions WHERE kind = 'fine_reversal' AND reference = $1",
      [reviewId],
    );
    expect(posting!.description).toBe(`Fine reversed: review ${reviewId} overturned the failure of order ${failed.id}`);
    // The running figures show it before any statement does.
    const earningsRes = await t.api
      .get(
        `/v1/earnings?workerId=${failed.workerId}&from=${encodeURIComponent('2032-03-01T00:00:00Z')}&to=${encodeURIComponent('2032-03-31T23:00:00Z')}`,
      )
      .set('authorization', as(d.manager));
    expect(earningsRes.status, JSON.stringify(earningsRes.body)).toBe(200);
    const earnings = earningsRes.body;
    expect(earnings).toMatchObject({ failedOrders: 1, fines: '40.00', adjustments: '40.00' });
    expect(earnings.net).toBe(earnings.earned);
    await d.advanceTo(new Date('2032-04-01T08:00:00Z'));
    const statement = await statementOf(failed.workerId, '2032-03-31T23:00:00.000Z');
    const earned = done.workerId === failed.workerId ? '60.00' : '0.00';
    expect(statement).toMatchObject({ earned, fines: '40.00', adjustments: '40.00', debtCarried: '0.00', net: earned });
    const lines = statement.lines.map((l: { kind: string; amount: string; orderId: string | null; description: string | null }) => l);
    expect(
      lines.filter((l: { kind: string }) => l.kind !== 'earning').map((l: { kind: string; amount: string }) => `${l.kind} ${l.amount}`),
    ).toEqual(['fine -40.00', 'adjustment 40.00']);
    expect(lines.find((l: { kind: string }) => l.kind === 'fine').orderId).toBe(failed.id);
    expect(lines.find((l: { kind: string }) => l.kind === 'adjustment').description).toBe(
      `Fine reversed: review ${reviewId} overturned the failure of order ${failed.id}`,
    );
    // The worker's account holds the statement's net (until its payout), and the ledger reconciles.
    expect(await workerAccount(failed.workerId)).toBe(earned.replace('.', '').replace(/^0+(?=\d)/, ''));
    await reconciles();
  });

  it('puts the reversal on the next statement when the fine’s statement was already issued', async () => {
    const failed = await failNoCheckIn(new Date('2032-04-06T10:00:00Z'));
    await d.advanceTo(new Date('2032-05-01T08:00:00Z'));
    const april = await statementOf(failed.workerId, '2032-04-30T23:00:00.000Z');
    expect(april).toMatchObject({ fines: '40.00', adjustments: '0.00', net: '-40.00', status: 'debt' });
    const owed = BigInt(await workerAccount(failed.workerId));
    const reviewId = await overturn(failed.id);
    // Paid back in the ledger at once: the worker's account is 40.00 better off (its April debt gone).
    expect(BigInt(await workerAccount(failed.workerId)) - owed).toBe(4000n);
    await d.advanceTo(new Date('2032-06-01T08:00:00Z'));
    const may = await statementOf(failed.workerId, '2032-05-31T23:00:00.000Z');
    expect(may).toMatchObject({ earned: '0.00', fines: '0.00', adjustments: '40.00', debtCarried: '40.00', net: '0.00', status: 'paid' });
    expect(may.lines.map((l: { kind: string; amount: string; correctionId: string | null }) => `${l.kind} ${l.amount}`)).toEqual([
      'adjustment 40.00',
    ]);
    expect(may.lines[0].description).toContain(reviewId);
    // Reviewed again (another review of the order, overturned too): the fine is reversed once only.
    const manual = await t.api.post('/v1/reviews').set('authorization', as(d.manager)).send({ orderId: failed.id }).expect(201);
    const second = await t.api
      .post(`/v1/reviews/${manual.body.id}/result`)
      .set('authorization', as(d.manager))
      .send({ answers: { whatHappened: 'Looked again.', clientCalled: false }, verdict: 'overturned' })
      .expect(200);
    expect(second.body.fineReversed).toBe(false);
    expect(await sql(t.db, "SELECT 1 FROM review_corrections WHERE kind = 'fine_reversal' AND order_id = $1", [failed.id])).toHaveLength(1);
    expect(BigInt(await workerAccount(failed.workerId)) - owed).toBe(4000n);
    await reconciles();
  });
});
