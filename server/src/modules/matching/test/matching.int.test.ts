import { describe, it, expect, afterEach } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createMatcher, matchOrder } from '../application/match-order.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitsReady, settle } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Matching over a real database: the exclusion constraint, retries, strategies. */
describe('matching', () => {
  let t: TestPlatform | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setUp(env: Record<string, string> = {}) {
    t = await createTestPlatform({ env });
    const manager = await t.userWithRoles(['manager']);
    const client = await t.userWithRoles(['client']);
    const serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Window licking', description: '', durationMinutes: 120 })
    ).body.id as string;
    const order = async (startsAt: Date) => {
      const res = await t!.api
        .post('/v1/orders')
        .set('authorization', `Bearer ${client.token}`)
        .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '9 Whisker Way' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    return { t, client, order };
  }

  // 50 orders raced through real transactions: seconds alone, but ten times that on a loaded two-core machine (seen: 35 s).
  it('matches 50 orders for one slot concurrently with 10 free workers: exactly 10 scheduled, nobody double-booked', async () => {
    const { t, order } = await setUp();
    const workers = await Promise.all(Array.from({ length: 10 }, () => t.userWithRoles(['worker'])));
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await order(startsAt));
    // Every kit ready (so every order is in `matching`), but the matching events not yet delivered.
    expect(await bringKitsReady(t, ids, { match: false })).toEqual(ids.map(() => 'matching'));

    const matcher = createMatcher(t.platform.kernel);
    const outcomes = await Promise.all(ids.map((id) => matchOrder(matcher, id)));
    expect(outcomes.filter((o) => o === 'assigned')).toHaveLength(10);
    // The events arrive afterwards and change nothing.
    await settle(t);

    const rows = await sql<{ status: string; worker_id: string | null; price_cents: string | null }>(
      t.db,
      'SELECT status, worker_id, price_cents FROM orders WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const scheduled = rows.filter((r) => r.status === 'scheduled');
    expect(scheduled).toHaveLength(10);
    expect(new Set(scheduled.map((r) => r.worker_id)).size).toBe(10);
    expect(scheduled.every((r) => workers.some((w) => w.id === r.worker_id) && r.price_cents === '10000')).toBe(true);
    expect(rows.filter((r) => r.status === 'matching')).toHaveLength(40);
    // Each try recorded what it saw and what happened; losers saw the database refuse taken workers.
    const attempts = await sql<{ outcome: string; n: string }>(
      t.db,
      'SELECT outcome, count(*) AS n FROM matching_attempts WHERE order_id = ANY($1::uuid[]) GROUP BY outcome',
      [ids],
    );
    expect(Object.fromEntries(attempts.map((a) => [a.outcome, Number(a.n)]))).toMatchObject({ assigned: 10 });
    const [refusals] = await sql<{ n: string }>(
      t.db,
      'SELECT count(*) AS n FROM matching_attempts WHERE order_id = ANY($1::uuid[]) AND cardinality(refused) > 0',
      [ids],
    );
    expect(Number(refusals!.n)).toBeGreaterThan(0);
  }, 120_000);

  it('retries an order nobody was free for once the retry interval has passed, and fails it with no_worker at its start', async () => {
    const { t, order } = await setUp({ MATCHING_RETRY_SECONDS: '180' });
    const startsAt = new Date(t.clock.now().getTime() + DAY);
    const [waiting, hopeless] = [await order(startsAt), await order(new Date(startsAt.getTime() + 3 * DAY))];
    expect(await bringKitsReady(t, [waiting, hopeless])).toEqual(['matching', 'matching']);
    const attempts = async (id: string) =>
      sql<{ outcome: string; candidates: string[] }>(
        t.db,
        'SELECT outcome, candidates FROM matching_attempts WHERE order_id = $1 ORDER BY attempted_at',
        [id],
      );
    expect(await attempts(waiting)).toEqual([{ outcome: 'no_worker_free', candidates: [] }]);

    const worker = await t.userWithRoles(['worker']);
    const retry = () => t.platform.kernel.scheduler.runJob('matching.retry', t.clock.now(), 'test');
    t.clock.moveTo(new Date(t.clock.now().getTime() + 179_000));
    await retry();
    expect(await attempts(waiting)).toHaveLength(1);
    t.clock.moveTo(new Date(t.clock.now().getTime() + 1_000));
    await retry();
    const [status] = await sql<{ status: string; worker_id: string }>(t.db, 'SELECT status, worker_id FROM orders WHERE id = $1', [
      waiting,
    ]);
    expect(status).toEqual({ status: 'scheduled', worker_id: worker.id });
    // The same worker is free for the later order too, so it was matched in the same run; take them away to leave it waiting.
    await t.db.sequelize.query("UPDATE users SET disabled = true WHERE 'worker' = ANY(roles)");
    await t.db.sequelize.query(
      "UPDATE orders SET status = 'matching', worker_id = NULL, price_cents = NULL WHERE id = $1 AND status = 'scheduled'",
      {
        bind: [hopeless],
      },
    );
    t.clock.moveTo(new Date(startsAt.getTime() + 3 * DAY));
    await t.platform.kernel.scheduler.runJob('orders.start-deadline', t.clock.now(), 'test');
    const [failed] = await sql<{ status: string; failure_reason: string }>(
      t.db,
      'SELECT status, failure_reason FROM orders WHERE id = $1',
      [hopeless],
    );
    expect(failed).toEqual({ status: 'failed', failure_reason: 'no_worker' });
  });

  it('gives the order to the worker idle longest with least-recently-assigned, and never to its own client', async () => {
    const { t, client, order } = await setUp({ MATCHING_STRATEGY: 'least-recently-assigned' });
    // The client is a worker too: it must never be matched to its own order.
    await t.db.sequelize.query("UPDATE users SET roles = ARRAY['client', 'worker'] WHERE id = $1", { bind: [client.id] });
    const [busy, idle] = [await t.userWithRoles(['worker']), await t.userWithRoles(['worker'])];
    const base = t.clock.now().getTime() + 2 * DAY;
    // Two earlier assignments: `busy` most recently.
    const first = await order(new Date(base));
    const second = await order(new Date(base + 3 * HOUR));
    await bringKitsReady(t, [first]);
    t.clock.moveTo(new Date(t.clock.now().getTime() + 60_000));
    await bringKitsReady(t, [second]);
    const assigned = await sql<{ id: string; worker_id: string }>(t.db, 'SELECT id, worker_id FROM orders WHERE id = ANY($1::uuid[])', [
      [first, second],
    ]);
    const workerOf = (id: string) => assigned.find((a) => a.id === id)!.worker_id;
    // Never assigned before, both: ties go by id; then the other one (never assigned) goes first.
    expect(new Set([workerOf(first), workerOf(second)])).toEqual(new Set([busy.id, idle.id]));
    const longestIdle = workerOf(first);
    const third = await order(new Date(base + 6 * HOUR));
    t.clock.moveTo(new Date(t.clock.now().getTime() + 60_000));
    await bringKitsReady(t, [third]);
    const [row] = await sql<{ worker_id: string }>(t.db, 'SELECT worker_id FROM orders WHERE id = $1', [third]);
    expect(row!.worker_id).toBe(longestIdle);
    const [attempt] = await sql<{ strategy: string; candidates: string[] }>(
      t.db,
      'SELECT strategy, candidates FROM matching_attempts WHERE order_id = $1',
      [third],
    );
    expect(attempt!.strategy).toBe('least-recently-assigned');
    expect(attempt!.candidates).toEqual([workerOf(first), workerOf(second)]);
    expect(attempt!.candidates).not.toContain(client.id);
  });
});
