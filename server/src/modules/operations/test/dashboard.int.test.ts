import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { EXPECTED, SCENARIO_TZ, seedDashboardScenario } from '../../../../test/helpers/dashboard-scenario.ts';
import { getDashboard } from '../index.ts';
import { dashboardTime, type DashboardFigure, type DashboardFigureView } from '../../../platform/dashboard.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The dashboard's figures on a seeded day (test/helpers/dashboard-scenario.ts):
 * each number as worked out by hand, each link to its filtered list, who
 * sees what, and each figure as exactly one query whose plan reads its
 * tables through an index. The plans are PostgreSQL's own choice, on
 * analysed tables of a few thousand rows of history (not with seq scans
 * turned off, which would force an index the planner would not pick).
 */
describe('the operations dashboard', () => {
  let t: TestPlatform;
  let figures: DashboardFigure[];
  let manager: DashboardFigureView[];
  const byKey = (key: string) => manager.find((f) => f.key === key)!;
  const parts = (key: string) => Object.fromEntries((byKey(key).parts ?? []).map((p) => [p.key, p.value]));

  beforeAll(async () => {
    t = await createTestPlatform({ env: { TZ_BUSINESS: SCENARIO_TZ } });
    await seedDashboardScenario(t);
    figures = t.platform.modules.flatMap((m) => m.dashboardFigures ?? []);
    manager = (await getDashboard(t.platform.kernel, figures, ['manager'])).figures;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows the day's orders: ended per day by final state, today and this week by status, those at risk, the failure rate by reason", () => {
    expect(parts('orders.finished-by-day')).toEqual(EXPECTED.endedIn30Days);
    const series = byKey('orders.finished-by-day').series!;
    expect(series.labels).toHaveLength(30);
    expect(series.labels.at(-1)).toBe('2027-03-10');
    const tuesday = series.labels.indexOf('2027-03-09');
    expect(series.sets.find((s) => s.key === 'completed')!.values[tuesday]).toBe(EXPECTED.endedOn20270309.completed);

    const { total: today, ...todayByStatus } = EXPECTED.today;
    expect(byKey('orders.today').value).toBe(today);
    expect(parts('orders.today')).toMatchObject({ ...todayByStatus, reported: 0, completed: 0, cancelled: 0 });
    const { total: week, ...weekByStatus } = EXPECTED.thisWeek;
    expect(byKey('orders.this-week').value).toBe(week);
    expect(parts('orders.this-week')).toMatchObject({ ...weekByStatus, reported: 0 });

    expect(byKey('orders.no-check-in').value).toBe(EXPECTED.noCheckIn);
    expect(parts('orders.no-worker')).toEqual(EXPECTED.noWorker);
    expect(byKey('orders.failure-rate').value).toBe(EXPECTED.failureRatePercent);
    expect(parts('orders.failure-rate')).toEqual(EXPECTED.failureReasons);
  });

  it('shows kits waiting, money in and out, failures of deliveries and jobs, and the review queue', () => {
    expect(parts('kits.waiting')).toEqual(EXPECTED.kitsWaiting);
    expect(byKey('kits.waiting').note).toBe(`${EXPECTED.kitsLate} for orders starting within a day`);
    expect(byKey('kits.cookie-retrying').value).toBe(EXPECTED.cookieRetrying);
    expect(byKey('billing.revenue-week').value).toBe(EXPECTED.revenueWeek);
    expect(byKey('billing.upcoming-invoices')).toMatchObject({
      value: EXPECTED.upcoming.total,
      note: `${EXPECTED.upcoming.clients} clients, before discounts, tips apart`,
    });
    expect(byKey('billing.tips-week')).toMatchObject({
      value: EXPECTED.tipsWeek.total,
      note: `${EXPECTED.tipsWeek.count} tips since Monday, all to workers`,
    });
    expect(byKey('billing.unpaid-invoices')).toMatchObject({
      value: EXPECTED.unpaidInvoices.count,
      note: `${EXPECTED.unpaidInvoices.owed} owed`,
    });
    expect(parts('billing.payout-backlog')).toEqual({ pending: EXPECTED.payouts.pending, processing: EXPECTED.payouts.processing });
    expect(byKey('billing.payout-backlog').note).toBe(`${EXPECTED.payouts.toPay} to pay`);
    expect(byKey('billing.failing-payouts').value).toBe(EXPECTED.payouts.failing);
    expect(byKey('webhooks.failed').value).toBe(EXPECTED.webhooksFailed);
    expect(byKey('outbox.given-up').note).toBe(`${EXPECTED.outboxGivenUp.emails} emails, ${EXPECTED.outboxGivenUp.events} domain events`);
    expect(byKey('jobs.failed')).toMatchObject({ value: EXPECTED.jobsFailed, note: 'billing.payouts, supplies.order-cookies' });
    expect(byKey('reviews.open').value).toBe(EXPECTED.openReviews);
  });

  it("counts the platform health's failed job runs as the figure does, by platform time", async () => {
    // The scenario's runs were all recorded just now by the wall clock; by the sandbox clock one is older than a day.
    const { figures: views, platform } = await getDashboard(t.platform.kernel, figures, ['manager']);
    expect(platform!.jobFailures24h).toBe(EXPECTED.jobsFailed);
    expect(views.find((f) => f.key === 'jobs.failed')!.value).toBe(platform!.jobFailures24h);
  });

  it('links each figure to the panel list behind it, filtered', () => {
    expect(byKey('orders.no-check-in').link).toMatchObject({ resourceId: 'orders', filters: { status: 'scheduled' } });
    expect(Object.keys(byKey('orders.no-check-in').link!.filters)).toEqual(['status', 'startsAt~~from', 'startsAt~~to']);
    expect(byKey('orders.failure-rate').parts!.find((p) => p.key === 'no_worker')!.link).toEqual({
      resourceId: 'orders',
      filters: { status: 'failed', failureReason: 'no_worker' },
    });
    expect(byKey('billing.unpaid-invoices').link).toEqual({ resourceId: 'invoices', filters: { status: 'unpaid' } });
    expect(byKey('reviews.open').link).toEqual({ resourceId: 'reviews', filters: { status: 'open' } });
    expect(byKey('webhooks.failed').link).toEqual({ resourceId: 'webhook_deliveries', filters: { status: 'failed' } });
    // Exactly the rows counted: the day's failed runs by platform time, the orders billed since Monday (00:00 Paris),
    // the orders of the open week (after the last closed period, 7 March 23:00 Paris), payouts failing and not paid.
    expect(byKey('jobs.failed').link).toEqual({
      resourceId: 'job_runs',
      // (The platform clock runs on from the seeded moment while the test runs.)
      filters: { outcome: 'failed', 'asOf~~from': expect.stringMatching(/^2027-03-09T09:3/) },
    });
    expect(byKey('billing.revenue-week').link).toEqual({
      resourceId: 'billable_orders',
      filters: { 'completedAt~~from': '2027-03-07T23:00:00.000Z' },
    });
    expect(byKey('billing.tips-week').link).toEqual({
      resourceId: 'billable_tips',
      filters: { 'tippedAt~~from': '2027-03-07T23:00:00.000Z' },
    });
    expect(byKey('billing.upcoming-invoices').link).toEqual({
      resourceId: 'billable_orders',
      filters: { 'periodEnd~~from': '2027-03-07T22:00:00.001Z' },
    });
    expect(byKey('billing.failing-payouts').link).toEqual({ resourceId: 'payouts', filters: { failing: 'yes' } });
    // Every link names a screen the panel has, and only filters that screen offers.
    const screens = new Map(
      t.platform.modules
        .flatMap((m) => m.adminResources ?? [])
        .map((r) => [
          (r.options?.id as string | undefined) ?? (r.resource as { tableName: string }).tableName,
          (r.options?.filterProperties as string[] | undefined) ?? [],
        ]),
    );
    const links = manager.flatMap((f) => [f.link, ...(f.parts ?? []).map((p) => p.link)]).filter((l) => l !== undefined);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      expect(screens.has(link.resourceId), link.resourceId).toBe(true);
      for (const filter of Object.keys(link.filters)) expect(screens.get(link.resourceId), filter).toContain(filter.split('~~')[0]);
    }
  });

  it('shows supplies staff the kits figures only, and no platform health', async () => {
    const supplies = await getDashboard(t.platform.kernel, figures, ['supplies']);
    expect(supplies.figures.map((f) => f.key)).toEqual(['kits.waiting', 'kits.cookie-retrying']);
    expect(supplies.platform).toBeNull();
    expect((await getDashboard(t.platform.kernel, figures, ['manager'])).platform).not.toBeNull();
  });

  it('reads each figure with exactly one query, planned on an index of a table with thousands of rows', async () => {
    const sequelize = t.db.sequelize;
    const original = sequelize.query.bind(sequelize);
    const seen: { text: string; bind: unknown[] }[] = [];
    sequelize.query = ((text: string, options?: { bind?: unknown[] }) => {
      seen.push({ text, bind: options?.bind ?? [] });
      return original(text, options as never);
    }) as unknown as typeof sequelize.query;
    const queries = new Map<string, { text: string; bind: unknown[] }>();
    try {
      const time = dashboardTime(t.clock.now(), SCENARIO_TZ);
      for (const figure of figures) {
        seen.length = 0;
        await figure.read(time);
        expect(seen, figure.key).toHaveLength(1);
        queries.set(figure.key, seen[0]!);
      }
    } finally {
      sequelize.query = original;
    }
    expect(queries.size).toBe(18);
    for (const [key, { text, bind }] of queries) {
      const [row] = await original<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, {
        bind,
        type: QueryTypes.SELECT,
      });
      const nodes = nodesOf(row!['QUERY PLAN'][0]!.Plan);
      const scans = nodes.filter((n) => n['Relation Name'] || n['Index Name']);
      expect(scans.length, key).toBeGreaterThan(0);
      expect(
        scans.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']),
        `${key}: ${text}`,
      ).toEqual([]);
      expect(
        scans.some((n) => /Index/.test(n['Node Type'])),
        key,
      ).toBe(true);
    }
  });
});
