import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql, transaction } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { post } from '../infra/ledger.repository.ts';
import { reconcileLedger } from '../application/reconcile.ts';
import { PAYMENT_PROVIDERS } from '../infra/providers/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

const SUCCESS = '4242 4242 4242 4242';
const DECLINED = '4000 0000 0000 0002';

describe('billing: the ledger, balances and top-ups', () => {
  let t: TestPlatform;
  let client: { id: string; token: string };
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  beforeAll(async () => {
    t = await createTestPlatform();
    client = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  it('tops up through the sandbox card provider, and the balance is the sum of the ledger', async () => {
    expect((await t.api.get('/v1/balance').set('authorization', as(client)).expect(200)).body).toEqual({
      balance: '0.00',
      recentTopUps: [],
    });
    const first = await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '120.50', paymentMethod: SUCCESS });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: '120.50', status: 'succeeded', provider: 'sandbox-card', balance: '120.50' });
    await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '0.01', paymentMethod: SUCCESS }).expect(201);
    const balance = (await t.api.get('/v1/balance').set('authorization', as(client))).body;
    expect(balance.balance).toBe('120.51');
    expect(balance.recentTopUps.map((x: { amount: string }) => x.amount)).toEqual(['0.01', '120.50']);
    const [entries] = await sql<{ n: string; total: string }>(
      t.db,
      'SELECT count(*) AS n, sum(amount_cents)::text AS total FROM ledger_entries',
    );
    expect(entries).toEqual({ n: '4', total: '0' });
    expect(await reconcileLedger({ kernel: t.platform.kernel, provider: PAYMENT_PROVIDERS['sandbox-card']! })).toEqual({
      ok: true,
      unbalanced: 0,
      grandTotal: '0',
    });
  });

  it('answers a declined card with 402 and credits nothing; refuses amounts out of range', async () => {
    const before = (await t.api.get('/v1/balance').set('authorization', as(client))).body.balance;
    const declined = await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '50.00', paymentMethod: DECLINED });
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe('BILLING.PAYMENT_DECLINED');
    const after = (await t.api.get('/v1/balance').set('authorization', as(client))).body;
    expect(after.balance).toBe(before);
    expect(after.recentTopUps[0]).toMatchObject({ amount: '50.00', status: 'declined', failureReason: 'card declined' });
    for (const amount of ['0.00', '10000.01', '-5.00']) {
      const res = await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount, paymentMethod: SUCCESS });
      expect(res.status, amount).toBe(422);
      expect(res.body.code, amount).toBe('BILLING.AMOUNT_OUT_OF_RANGE');
    }
    expect((await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '10', paymentMethod: SUCCESS })).status).toBe(
      400,
    );
    expect(
      (await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '10000.00', paymentMethod: SUCCESS })).status,
    ).toBe(201);
    const worker = await t.userWithRoles(['worker']);
    expect((await t.api.get('/v1/balance').set('authorization', as(worker))).status).toBe(403);
  });

  it('charges once for twenty racing retries of one top-up (Idempotency-Key)', async () => {
    const someone = await t.userWithRoles(['client']);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api
          .post('/v1/top-ups')
          .set('authorization', as(someone))
          .set('idempotency-key', 'top-up-race-1')
          .send({ amount: '30.00', paymentMethod: SUCCESS }),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY.IN_FLIGHT'))).toBe(true);
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect((await t.api.get('/v1/balance').set('authorization', as(someone))).body.balance).toBe('30.00');
    expect(await sql(t.db, 'SELECT 1 FROM top_ups WHERE client_id = $1', [someone.id])).toHaveLength(1);
  });

  it('refuses an unbalanced transaction and any change to posted entries (database constraints)', async () => {
    await expect(
      transaction(t.db, (tx) =>
        post(
          t.db,
          tx,
          {
            kind: 'test',
            reference: 'unbalanced',
            description: 'one-legged',
            entries: [{ account: { kind: 'client', ownerId: client.id }, amount: Money.parse('1.00') }],
          },
          new Date(),
        ),
      ),
    ).rejects.toThrow(/unbalanced by 100 hundredths/);
    expect(await sql(t.db, "SELECT 1 FROM ledger_transactions WHERE reference = 'unbalanced'")).toHaveLength(0);
    await expect(t.db.sequelize.query('UPDATE ledger_entries SET amount_cents = amount_cents + 1')).rejects.toThrow(/append-only/);
    await expect(t.db.sequelize.query('DELETE FROM ledger_entries')).rejects.toThrow(/append-only/);
    await expect(t.db.sequelize.query('DELETE FROM ledger_accounts')).rejects.toThrow(/append-only/);
    // Each statement must balance what it writes (legs written one by one are refused), and refer to a real transaction and account.
    const [account] = await sql<{ id: string }>(t.db, "SELECT id FROM ledger_accounts WHERE kind = 'client' LIMIT 1");
    const [transfer] = await sql<{ id: string }>(
      t.db,
      "INSERT INTO ledger_transactions (kind, reference, description, occurred_at) VALUES ('test', 'legs', 'two legs', now()) RETURNING id",
    );
    await expect(
      t.db.sequelize.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_cents) VALUES ($1, $2, 5)', {
        bind: [transfer!.id, account!.id],
      }),
    ).rejects.toThrow(/unbalanced by 5 hundredths/);
    await expect(
      t.db.sequelize.query(
        'INSERT INTO ledger_entries (transaction_id, account_id, amount_cents) VALUES ($1, $2, 5), ($1, gen_random_uuid(), -5)',
        {
          bind: [transfer!.id, account!.id],
        },
      ),
    ).rejects.toThrow(/refer to no account/);
    const ghost = '00000000-0000-4000-8000-00000000dead';
    await expect(
      t.db.sequelize.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_cents) VALUES ($1, $2, 5), ($1, $2, -5)', {
        bind: [ghost, account!.id],
      }),
    ).rejects.toThrow(/refer to no transaction/);
    // Posting the same cause twice posts it once.
    const posting = {
      kind: 'test',
      reference: 'twice',
      description: 'a transfer',
      entries: [
        { account: { kind: 'client' as const, ownerId: client.id }, amount: Money.parse('-1.00') },
        { account: { kind: 'platform_revenue' as const, ownerId: null }, amount: Money.parse('1.00') },
      ],
    };
    expect(await transaction(t.db, (tx) => post(t.db, tx, posting, new Date()))).toBe(true);
    expect(await transaction(t.db, (tx) => post(t.db, tx, posting, new Date()))).toBe(false);
  });

  it('alerts operators when the ledger does not reconcile, and the run is a failed one', async () => {
    // Only a change from outside the application can do this: the triggers are bypassed as a superuser would.
    await t.db.sequelize.query(`
      SET session_replication_role = replica;
      INSERT INTO ledger_transactions (kind, reference, description, occurred_at) VALUES ('manual', 'broken', 'bad fix', now());
      INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
        SELECT id, (SELECT id FROM ledger_accounts LIMIT 1), 7 FROM ledger_transactions WHERE reference = 'broken';
      SET session_replication_role = origin;`);
    const run = await t.platform.kernel.scheduler.runJob('billing.reconcile', t.clock.now(), 'test');
    // A check that found a fault is a failed run (job_runs, the failures metric, the dashboard), besides the alert.
    expect(run.outcome).toBe('failed');
    expect(run.error).toContain('the ledger does not reconcile: 1 unbalanced');
    const alerts = await sql<{ subject: string }>(
      t.db,
      "SELECT subject FROM emails WHERE template = 'operator-alert' AND subject LIKE '%ledger%'",
    );
    expect(alerts).toHaveLength(1);
  });
});
