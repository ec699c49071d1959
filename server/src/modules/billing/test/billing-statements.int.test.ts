import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { settle } from '../../../../test/helpers/orders.ts';
import { lastEmailTo } from '../../../../test/helpers/mail.ts';

/** Month-end statements through the sandbox clock (UTC business time: the last day of the month at 23:00). */
describe('billing: worker statements and rewards', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  beforeAll(async () => {
    t = await createTestPlatform({ startsAt: new Date('2032-03-02T12:00:00Z') });
    manager = await t.userWithRoles(['manager']);
  });
  afterAll(() => t.close());

  const outcome = (workerId: string, kind: 'completed' | 'failed', at: string, price = 10000) =>
    t.db.sequelize.query('INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, $3, $4, $5)', {
      bind: [randomUUID(), workerId, kind, price, at],
    });
  const statementsOf = async (worker: { token: string }) =>
    (await t.api.get('/v1/statements').set('authorization', as(worker)).expect(200)).body.data;

  it('issues 60 % of completed orders, −40 per failed one, plus rewards, on the last day of the month, once', async () => {
    const worker = await t.userWithRoles(['worker']);
    await outcome(worker.id, 'completed', '2032-03-05T10:00:00Z');
    await outcome(worker.id, 'completed', '2032-03-10T10:00:00Z', 3333); // 60 % of 33.33 = 19.998 → 20.00
    await outcome(worker.id, 'failed', '2032-03-12T10:00:00Z');
    await outcome(worker.id, 'completed', '2032-03-31T23:00:00Z'); // exactly at month end: this month
    await outcome(worker.id, 'completed', '2032-03-31T23:00:00.001Z'); // a millisecond later: next month
    const reward = await t.api
      .post(`/v1/workers/${worker.id}/rewards`)
      .set('authorization', as(manager))
      .send({ amount: '15.50', reason: 'Spotless litter boxes' });
    expect(reward.status).toBe(201);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'worker.rewarded' AND target_id = $1", [worker.id])).toHaveLength(1);
    expect(
      (await t.api.post(`/v1/workers/${worker.id}/rewards`).set('authorization', as(worker)).send({ amount: '1.00', reason: 'me' })).status,
    ).toBe(403);

    // March so far (the month's end is exclusive here), stated or not.
    const earnings = (
      await t.api
        .get(`/v1/earnings?from=${encodeURIComponent('2032-03-01T00:00:00Z')}&to=${encodeURIComponent('2032-03-31T23:00:00Z')}`)
        .set('authorization', as(worker))
        .expect(200)
    ).body;
    expect(earnings).toMatchObject({
      completedOrders: 2,
      failedOrders: 1,
      earned: '80.00',
      fines: '40.00',
      rewards: '15.50',
      net: '55.50',
    });

    const advanced = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', as(manager))
      .send({ advanceTo: '2032-04-01T08:00:00Z' })
      .expect(200);
    expect(advanced.body.jobsRun.find((r: { job: string }) => r.job === 'billing.monthly-statements')).toMatchObject({
      at: '2032-03-31T23:00:00.000Z',
      outcome: 'succeeded',
    });
    await t.platform.kernel.scheduler.runJob('billing.monthly-statements', new Date('2032-04-01T07:00:00Z'), 'cli');
    const [statement, ...more] = await statementsOf(worker);
    expect(more).toHaveLength(0);
    expect(statement).toMatchObject({
      periodEnd: '2032-03-31T23:00:00.000Z',
      earned: '140.00',
      fines: '40.00',
      rewards: '15.50',
      debtCarried: '0.00',
      net: '115.50',
      status: 'payable',
    });
    expect(statement.lines.map((l: { kind: string; amount: string }) => `${l.kind} ${l.amount}`)).toEqual([
      // In time order: the reward was granted on March 2.
      'reward 15.50',
      'earning 60.00',
      'earning 20.00',
      'fine -40.00',
      'earning 60.00',
    ]);
    // The month in the ledger: the worker's account holds the net.
    const [account] = await sql<{ total: string }>(
      t.db,
      `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'worker' AND a.owner_id = $1`,
      [worker.id],
    );
    expect(account!.total).toBe('11550');
    await settle(t);
    const email = (await sql<{ email: string }>(t.db, 'SELECT email FROM users WHERE id = $1', [worker.id]))[0]!.email;
    expect((await lastEmailTo(t.db, email, 'statement-issued'))?.subject).toBe('Your Chorecat statement: 115.50 cat-units');
  });

  it('carries a negative month forward as a debt, until a month pays it off', async () => {
    const worker = await t.userWithRoles(['worker']);
    await outcome(worker.id, 'failed', '2032-04-03T10:00:00Z');
    await outcome(worker.id, 'failed', '2032-04-04T10:00:00Z');
    await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: '2032-05-01T08:00:00Z' }).expect(200);
    let [april] = await statementsOf(worker);
    expect(april).toMatchObject({ fines: '80.00', net: '-80.00', status: 'debt' });
    await outcome(worker.id, 'completed', '2032-05-03T10:00:00Z'); // 60.00
    await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: '2032-06-01T08:00:00Z' }).expect(200);
    const [may] = await statementsOf(worker);
    expect(may).toMatchObject({ earned: '60.00', debtCarried: '80.00', net: '-20.00', status: 'debt' });
    await outcome(worker.id, 'completed', '2032-06-03T10:00:00Z');
    await outcome(worker.id, 'completed', '2032-06-04T10:00:00Z');
    await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: '2032-07-01T08:00:00Z' }).expect(200);
    const [june] = await statementsOf(worker);
    expect(june).toMatchObject({ earned: '120.00', debtCarried: '20.00', net: '100.00', status: 'payable' });
    [april] = (await statementsOf(worker)).slice(-1);
    expect(april.status).toBe('debt');
    // The ledger agrees: −80 + 60 + 120 = 100 on the worker's account.
    const [account] = await sql<{ total: string }>(
      t.db,
      `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'worker' AND a.owner_id = $1`,
      [worker.id],
    );
    expect(account!.total).toBe('10000');
    // Workers see only their own statements.
    const other = await t.userWithRoles(['worker']);
    expect(await statementsOf(other)).toEqual([]);
    expect((await t.api.get(`/v1/statements?workerId=${worker.id}`).set('authorization', as(manager))).body.data).toHaveLength(3);
  });
});
