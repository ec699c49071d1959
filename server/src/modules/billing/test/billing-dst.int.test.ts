import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { recordBillableOrder } from '../infra/invoices.repository.ts';
import { periodOfCompletion } from '../application/invoices.ts';

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;
const START = new Date('2032-03-01T12:00:00Z');
const END = new Date('2032-11-08T12:00:00Z');

/** Berlin's wall clock at an instant, read from Intl (not from our cron code): its date, weekday and hour. */
function berlin(at: number): { date: string; weekday: string; hour: string; tomorrowDay: string } {
  const parts = (ms: number) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
        hour: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(ms)
        .map((p) => [p.type, p.value]),
    );
  const now = parts(at);
  return { date: `${now.year}-${now.month}-${now.day}`, weekday: now.weekday!, hour: now.hour!, tomorrowDay: parts(at + 24 * HOUR).day! };
}

/** Every instant in (from, to] at which Berlin reads 23:00 on a day that passes `test`: 21:00 UTC in summer, 22:00 in winter. */
function berlinElevens(from: Date, to: Date, test: (day: ReturnType<typeof berlin>) => boolean): string[] {
  const out: string[] = [];
  for (let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); day <= to.getTime(); day += 24 * HOUR) {
    for (const at of [day + 21 * HOUR, day + 22 * HOUR]) {
      const local = berlin(at);
      if (local.hour === '23' && at > from.getTime() && at <= to.getTime() && test(local)) out.push(new Date(at).toISOString());
    }
  }
  return out;
}

/**
 * Issue #18, fault 7: business time in Europe/Berlin across both daylight-saving switches of 2032 (Sunday
 * 28 March, clocks forward; Sunday 31 October, clocks back — also a month end), moved by the sandbox clock.
 * Every Sunday 23:00 and every month end runs once, at Berlin's 23:00, and bills exactly what falls before it.
 */
describe('billing: business time across daylight saving (Europe/Berlin)', () => {
  let t: TestPlatform;
  let manager: { token: string };
  beforeAll(async () => {
    t = await createTestPlatform({ env: { TZ_BUSINESS: ZONE }, startsAt: START });
    manager = await t.userWithRoles(['manager']);
  });
  afterAll(() => t.close());

  it('issues one invoice per Sunday 23:00 and one statement per month end, each run once, across the March and October switches', async () => {
    const clients = [await t.userWithRoles(['client']), await t.userWithRoles(['client'])];
    const workers = [await t.userWithRoles(['worker']), await t.userWithRoles(['worker'])];
    // Completions around each switch, in the periods the platform gives them (periodOfCompletion), for each client.
    const completions = [
      '2032-03-28T00:30:00Z', // 01:30 CET, before the clocks go forward: that Sunday's week
      '2032-03-28T20:30:00Z', // 22:30 CEST: still that Sunday's week
      '2032-03-28T21:30:00Z', // 23:30 CEST: the next week
      '2032-10-31T21:30:00Z', // 22:30 CET, after the clocks went back (21:00 UTC is no longer 23:00): that Sunday's week
      '2032-10-31T22:30:00Z', // 23:30 CET: the next week
    ];
    for (const client of clients) {
      for (const completedAt of completions) {
        await recordBillableOrder(
          t.db,
          { orderId: randomUUID(), clientId: client.id, workerId: null, priceCents: 10000n, completedAt: new Date(completedAt) },
          (lastClosed) => periodOfCompletion(ZONE, new Date(completedAt), lastClosed),
        );
      }
    }
    // Worker outcomes either side of the two month ends that fall on a switch's week (31 March) and day (31 October).
    for (const worker of workers) {
      for (const at of ['2032-03-31T20:30:00Z', '2032-03-31T21:30:00Z', '2032-10-31T21:30:00Z', '2032-10-31T22:30:00Z']) {
        await t.db.sequelize.query(
          "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, 'completed', 10000, $3)",
          { bind: [randomUUID(), worker.id, at] },
        );
      }
    }

    // Through the March switch, then through October's.
    for (const advanceTo of ['2032-04-06T12:00:00Z', END.toISOString()]) {
      const res = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager.token}`).send({ advanceTo });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const runs = await sql<{ job: string; as_of: Date; n: number }>(
      t.db,
      `SELECT job, as_of, count(*)::int AS n FROM job_runs WHERE trigger = 'sandbox' AND job = ANY($1::text[]) GROUP BY job, as_of ORDER BY as_of`,
      [['billing.weekly-invoices', 'billing.monthly-statements']],
    );
    expect(runs.filter((r) => r.n !== 1)).toEqual([]);
    const ranAt = (job: string) => runs.filter((r) => r.job === job).map((r) => r.as_of.toISOString());
    const sundays = berlinElevens(START, END, (d) => d.weekday === 'Sun');
    const monthEnds = berlinElevens(START, END, (d) => d.tomorrowDay === '01');
    expect(sundays).toHaveLength(36);
    expect(sundays).toContain('2032-03-28T21:00:00.000Z');
    expect(sundays).toContain('2032-10-31T22:00:00.000Z');
    expect(monthEnds).toEqual([
      '2032-03-31T21:00:00.000Z',
      '2032-04-30T21:00:00.000Z',
      '2032-05-31T21:00:00.000Z',
      '2032-06-30T21:00:00.000Z',
      '2032-07-31T21:00:00.000Z',
      '2032-08-31T21:00:00.000Z',
      '2032-09-30T21:00:00.000Z',
      '2032-10-31T22:00:00.000Z',
    ]);
    expect(ranAt('billing.weekly-invoices')).toEqual(sundays);
    expect(ranAt('billing.monthly-statements')).toEqual(monthEnds);

    // Each client: one invoice per Sunday it had orders in, holding exactly the orders before that Sunday's 23:00.
    for (const client of clients) {
      const invoices = await sql<{ period_end: Date; orders: number; n: number }>(
        t.db,
        `SELECT i.period_end, (SELECT count(*)::int FROM billable_orders b WHERE b.client_id = i.client_id AND b.period_end = i.period_end) AS orders,
                count(*) OVER (PARTITION BY i.period_end)::int AS n
         FROM invoices i WHERE i.client_id = $1 ORDER BY i.period_end`,
        [client.id],
      );
      expect(invoices.map((i) => [i.period_end.toISOString(), i.orders, i.n])).toEqual([
        ['2032-03-28T21:00:00.000Z', 2, 1],
        ['2032-04-04T21:00:00.000Z', 1, 1],
        ['2032-10-31T22:00:00.000Z', 1, 1],
        ['2032-11-07T22:00:00.000Z', 1, 1],
      ]);
    }
    // Each worker: one statement per month end it worked before, each with what came before Berlin's 23:00.
    for (const worker of workers) {
      const statements = await sql<{ period_end: Date; earned_cents: string }>(
        t.db,
        'SELECT period_end, earned_cents FROM statements WHERE worker_id = $1 ORDER BY period_end',
        [worker.id],
      );
      expect(statements.map((s) => [s.period_end.toISOString(), s.earned_cents])).toEqual([
        ['2032-03-31T21:00:00.000Z', '6000'],
        ['2032-04-30T21:00:00.000Z', '6000'],
        ['2032-10-31T22:00:00.000Z', '6000'],
      ]);
    }
  });
});
