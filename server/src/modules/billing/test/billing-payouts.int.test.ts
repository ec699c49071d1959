import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { signGoldenHatPayload } from '../../../stand-ins/golden-hat-stand-in.ts';
import { createTestPlatform, TEST_GOLDEN_HAT_SECRET, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { settle } from '../../../../test/helpers/orders.ts';
import { lastEmailTo } from '../../../../test/helpers/mail.ts';
import { getPlatformHealth } from '../../operations/index.ts';

/** Month end → statement → payout through the Golden Hat stand-in over real HTTP → email; failures retried, never paid twice. */
describe('billing: payouts through Golden Hat', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  let month = 0;
  beforeAll(async () => {
    // A short timeout, so that a Golden Hat that never answers costs the test a second.
    t = await createTestPlatform({ startsAt: new Date('2033-01-02T12:00:00Z'), env: { GOLDEN_HAT_TIMEOUT_MS: '1000' } });
    manager = await t.userWithRoles(['manager']);
    await t.listen();
  });
  afterAll(() => t.close());

  /** A worker with one completed order (60.00) this month, and the month closed. */
  async function payableStatement() {
    const worker = await t.userWithRoles(['worker']);
    const now = t.clock.now();
    await t.db.sequelize.query(
      "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, 'completed', 10000, $3)",
      {
        bind: [randomUUID(), worker.id, new Date(now.getTime() + 60_000)],
      },
    );
    month++;
    const endOfMonth = new Date(Date.UTC(2033, month, 1, 8));
    await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: endOfMonth.toISOString() }).expect(200);
    const [payout] = await sql<{ id: string; status: string; provider_payout_id: string | null; statement_id: string }>(
      t.db,
      'SELECT id, status, provider_payout_id, statement_id FROM payouts WHERE worker_id = $1',
      [worker.id],
    );
    return { worker, payout: payout! };
  }
  const payoutRow = async (id: string) =>
    (
      await sql<{ status: string; failures: number; attempt: number; last_error: string | null; provider_payout_id: string | null }>(
        t.db,
        'SELECT status, failures, attempt, last_error, provider_payout_id FROM payouts WHERE id = $1',
        [id],
      )
    )[0]!;
  const runPayouts = () => t.platform.kernel.scheduler.runJob('billing.payouts', t.clock.now(), 'test');

  it('pays a payable statement: sent with an idempotency key, paid by signed callback, statement paid, ledger, email', async () => {
    const { worker, payout } = await payableStatement();
    // The advance ran the payout job: Golden Hat has it.
    expect(payout.status).toBe('processing');
    expect(t.goldenHat.payouts.get(payout.provider_payout_id!)).toMatchObject({
      amount: '60.00',
      reference: payout.id,
      idempotencyKey: `${payout.id}:1`,
    });
    expect(await t.goldenHat.settle(payout.provider_payout_id!)).toBe(200);
    expect((await payoutRow(payout.id)).status).toBe('paid');
    const [statement] = (await t.api.get('/v1/statements').set('authorization', as(worker))).body.data;
    expect(statement).toMatchObject({ net: '60.00', status: 'paid' });
    const [account] = await sql<{ total: string }>(
      t.db,
      `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'worker' AND a.owner_id = $1`,
      [worker.id],
    );
    expect(account!.total).toBe('0');
    const email = (await sql<{ email: string }>(t.db, 'SELECT email FROM users WHERE id = $1', [worker.id]))[0]!.email;
    expect((await lastEmailTo(t.db, email, 'payout-made'))?.subject).toBe('Payout made: 60.00 cat-units');
    // A replayed callback changes nothing; the job does not send it again.
    await runPayouts();
    expect(t.goldenHat.paidFor(payout.id)).toHaveLength(1);
    // Its public events, for the worker (and staff): issued at month end, paid once by the payout.
    const events = async (user: { token: string }) =>
      (
        (await t.api.get('/v1/events?types=statement.issued,statement.paid').set('authorization', as(user)).expect(200)).body as {
          data: { type: string; data: { id: string; status: string } }[];
        }
      ).data;
    expect((await events(worker)).map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ['statement.issued', payout.statement_id, 'payable'],
      ['statement.paid', payout.statement_id, 'paid'],
    ]);
    expect((await events(worker)).at(-1)!.data).toEqual(statement);
    expect(await events(await t.userWithRoles(['worker']))).toEqual([]);
  });

  it('retries when Golden Hat is down, and after it fails a payout tries a new attempt: paid exactly once', async () => {
    t.goldenHat.failNext(3);
    const { payout } = await payableStatement();
    // The month-end advance replayed the payout job's retries with their backoff: three 503s, then accepted.
    let row = await payoutRow(payout.id);
    expect(row).toMatchObject({ status: 'processing', failures: 3, attempt: 1 });
    expect(row.last_error).toContain('HTTP 503');
    // Golden Hat fails this attempt: a new attempt (a new idempotency key) follows after the backoff.
    await t.goldenHat.settle(row.provider_payout_id!, 'failed', 'account frozen');
    row = await payoutRow(payout.id);
    expect(row).toMatchObject({ status: 'pending', attempt: 2, failures: 4 });
    expect(row.last_error).toContain('account frozen');
    // Managers see it (admin: Billing → Payouts) and retry it at once rather than wait for the backoff.
    const { retryPayoutNow } = await import('../application/payouts.ts');
    const { createGoldenHatClient } = await import('../infra/golden-hat-client.ts');
    const payouts = {
      kernel: t.platform.kernel,
      provider: undefined as never,
      goldenHat: createGoldenHatClient({ baseUrl: t.goldenHat.url, apiKey: t.platform.kernel.secrets.goldenHatApiKey, timeoutMs: 5_000 }),
    };
    await retryPayoutNow(payouts, { actor: { id: manager.id, roles: ['manager'] }, payoutId: payout.id });
    row = await payoutRow(payout.id);
    expect(row.status).toBe('processing');
    expect(t.goldenHat.payouts.get(row.provider_payout_id!)?.idempotencyKey).toBe(`${payout.id}:2`);
    await t.goldenHat.settle(row.provider_payout_id!);
    expect((await payoutRow(payout.id)).status).toBe('paid');
    expect(t.goldenHat.paidFor(payout.id)).toHaveLength(1);
  });

  it('survives 500s, a payout accepted but answered too late, and a callback that never comes: polled, paid exactly once', async () => {
    // Two 500s, then Golden Hat makes the payout but its answer comes after our timeout: to us, unreachable.
    t.goldenHat.failNext(2, 500);
    t.goldenHat.delayNext(1, 3_000);
    t.goldenHat.options.callbacks = false;
    try {
      const { worker, payout } = await payableStatement();
      // The month-end advance replayed the retries with backoff; the one after the timeout sent the same key
      // and got the payout Golden Hat had made (200), not a second one.
      let row = await payoutRow(payout.id);
      expect(row).toMatchObject({ status: 'processing', failures: 3, attempt: 1 });
      const made = [...t.goldenHat.payouts.values()].filter((p) => p.reference === payout.id);
      expect(made.map((p) => p.idempotencyKey)).toEqual([`${payout.id}:1`]);
      expect(row.provider_payout_id).toBe(made[0]!.id);
      // Golden Hat pays it and never calls back: the payout job asks (GET /v1/payouts/{id}) every poll interval.
      expect(await t.goldenHat.settle(made[0]!.id)).toBeNull();
      expect((await payoutRow(payout.id)).status).toBe('processing');
      await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceBy: 'PT6M' }).expect(200);
      row = await payoutRow(payout.id);
      expect(row.status).toBe('paid');
      // Later runs (and a retried job) pay nothing more: the stand-in's own record, and our ledger.
      await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceBy: 'PT2H' }).expect(200);
      await runPayouts();
      expect(t.goldenHat.paidFor(payout.id)).toHaveLength(1);
      expect([...t.goldenHat.payouts.values()].filter((p) => p.reference === payout.id)).toHaveLength(1);
      const postings = await sql(t.db, "SELECT 1 FROM ledger_transactions WHERE kind = 'payout' AND reference = $1", [payout.id]);
      expect(postings).toHaveLength(1);
      const [statement] = (await t.api.get('/v1/statements').set('authorization', as(worker))).body.data;
      expect(statement).toMatchObject({ status: 'paid' });
    } finally {
      t.goldenHat.options.callbacks = true;
      t.goldenHat.failNext(0);
      t.goldenHat.delayNext(0, 0);
    }
  });

  it('refuses a forged callback and pays nothing for a month in debt', async () => {
    const { payout } = await payableStatement();
    const body = JSON.stringify({ id: 'evt_forged', type: 'payout.paid', data: { payoutId: payout.provider_payout_id } });
    const now = Math.floor(Date.now() / 1000);
    const forged = await t.api
      .post('/v1/integrations/golden-hat/events')
      .set('content-type', 'application/json')
      .set('golden-hat-signature', signGoldenHatPayload('not-the-golden-hat-secret', body, now))
      .send(body);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('BILLING.BAD_SIGNATURE');
    expect((await payoutRow(payout.id)).status).toBe('processing');
    const signed = await t.api
      .post('/v1/integrations/golden-hat/events')
      .set('content-type', 'application/json')
      .set('golden-hat-signature', signGoldenHatPayload(TEST_GOLDEN_HAT_SECRET, body, now))
      .send(body);
    expect(signed.body).toEqual({ received: true, duplicate: false, handled: true });
    expect((await payoutRow(payout.id)).status).toBe('paid');

    const debtor = await t.userWithRoles(['worker']);
    await t.db.sequelize.query(
      "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, 'failed', 10000, $3)",
      {
        bind: [randomUUID(), debtor.id, new Date(t.clock.now().getTime() + 60_000)],
      },
    );
    month++;
    await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', as(manager))
      .send({ advanceTo: new Date(Date.UTC(2033, month, 1, 8)).toISOString() })
      .expect(200);
    expect(await sql(t.db, 'SELECT 1 FROM payouts WHERE worker_id = $1', [debtor.id])).toHaveLength(0);
    await settle(t);
  });

  it('records each run whose payouts failed as a failed job run: job_runs, the failures metric, the dashboard; operators alerted', async () => {
    const since = new Date();
    const failuresMetric = async () => {
      const text = await t.platform.kernel.metrics.registry.metrics();
      return [...text.matchAll(/^chorecat_job_failures_total\{job="billing\.payouts",trigger="(\w+)"\} (\d+)$/gm)].reduce(
        (sum, m) => sum + Number(m[2]),
        0,
      );
    };
    const metricBefore = await failuresMetric();
    const dashboardBefore = (await getPlatformHealth(t.platform.kernel)).jobFailures24h;
    // Golden Hat refuses every call: the month-end advance replays the payout job's retries, each one failing.
    t.goldenHat.failNext(1_000);
    try {
      const { payout } = await payableStatement();
      const row = await payoutRow(payout.id);
      expect(row.status).toBe('pending');
      expect(row.failures).toBeGreaterThanOrEqual(5);
      const runs = await sql<{ outcome: string; error: string }>(
        t.db,
        "SELECT outcome, error FROM job_runs WHERE job = 'billing.payouts' AND started_at >= $1 AND error LIKE '%' || $2 || '%'",
        [since, payout.id],
      );
      // Every try was a run that failed (not a "succeeded" run that hid it), with the reason.
      expect(runs.length).toBeGreaterThanOrEqual(row.failures);
      expect(runs.every((r) => r.outcome === 'failed' && r.error.includes('HTTP 503'))).toBe(true);
      expect((await runPayouts()).outcome).toBe('succeeded'); // nothing due right now: nothing failed
      t.clock.moveTo(new Date(t.clock.now().getTime() + 60 * 60_000));
      const due = await runPayouts();
      expect(due).toMatchObject({ outcome: 'failed' });
      expect(due.error).toContain(payout.id);
      expect((await failuresMetric()) - metricBefore).toBeGreaterThanOrEqual(row.failures + 1);
      expect((await getPlatformHealth(t.platform.kernel)).jobFailures24h - dashboardBefore).toBeGreaterThanOrEqual(row.failures + 1);
      // Operators hear of it once, at the payout's fifth failure (not at every failed run).
      const alerts = await sql(t.db, "SELECT 1 FROM emails WHERE template = 'operator-alert' AND subject LIKE '%' || $1 || '%'", [
        payout.id,
      ]);
      expect(alerts).toHaveLength(1);
    } finally {
      t.goldenHat.failNext(0);
    }
  });
});
