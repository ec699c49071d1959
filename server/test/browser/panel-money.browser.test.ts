import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { EXPECTED, SCENARIO_TZ, seedDashboardScenario } from '../helpers/dashboard-scenario.ts';
import { sql } from '../../src/platform/database.ts';
import { formatCents } from '../../src/platform/money.ts';
import { testPanel } from '../helpers/panel.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');

/**
 * The panel's money and jobs screens in headless Chromium, on the
 * dashboard's seeded day plus a client and a worker whose money went
 * through billing's own code (a top-up paying an invoice, a monthly
 * statement run): a manager reads a client's balance and a worker's
 * earnings as the ledger has them, follows the dashboard's figures to
 * exactly the rows they count; supplies staff are refused all of it.
 */
describe('the panel money pages and job runs in headless Chromium', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let browser: Browser;
  let client: { id: string; email: string; token: string };
  let worker: { id: string; email: string };
  const ledgerOf = async (kind: string, ownerId: string) =>
    formatCents(
      (
        await sql<{ total: string }>(
          t.db,
          `SELECT coalesce(sum(e.amount_cents), 0)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
           WHERE a.kind = $1 AND a.owner_id = $2`,
          [kind, ownerId],
        )
      )[0]!.total,
    );

  beforeAll(async () => {
    t = await createTestPlatform({ mountBeforeApi: testPanel(), env: { TZ_BUSINESS: SCENARIO_TZ } });
    await seedDashboardScenario(t);
    const q = (text: string, bind: unknown[] = []) => t.db.sequelize.query(text, { bind });

    // A client with two invoices of closed weeks; a top-up pays the older one (the balance covers it), a declined one pays nothing.
    client = await t.userWithRoles(['client'], 'whiskers@chorecat.test');
    await q("UPDATE users SET name = 'Whiskers' WHERE id = $1", [client.id]);
    for (const [cents, periodEnd] of [
      [6000, '2027-02-28T22:00:00Z'],
      [5000, '2027-03-07T22:00:00Z'],
    ] as const) {
      await q(
        `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at)
         VALUES ($1, $3::timestamptz - interval '1 week', $3, $2, 0, 0, 0, $2, 'unpaid', $3)`,
        [client.id, cents, periodEnd],
      );
    }
    const topUp = (paymentMethod: string) =>
      t.api.post('/v1/top-ups').set('authorization', `Bearer ${client.token}`).send({ amount: '100.00', paymentMethod });
    expect((await topUp('4242424242424242')).body).toMatchObject({ invoicesPaid: 1, balance: '40.00' });
    expect((await topUp('4000000000000002')).status).toBe(402);

    // A worker with January's statement (two completed orders, one failed) from billing's own monthly run, and an order since.
    const w = await t.userWithRoles(['worker']);
    worker = w;
    await q(
      "INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at) VALUES ($1, 'CLW-SIA-2031-4242', 'Tom', 'Siamese', 3, '{claws}', now())",
      [w.id],
    );
    for (const [outcome, at] of [
      ['completed', '2027-01-05T10:00:00Z'],
      ['completed', '2027-01-12T10:00:00Z'],
      ['failed', '2027-01-20T10:00:00Z'],
      ['completed', '2027-02-10T10:00:00Z'],
    ] as const) {
      await q('INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES ($1, $2, $3, 10000, $4)', [
        randomUUID(),
        w.id,
        outcome,
        at,
      ]);
    }
    await t.platform.kernel.scheduler.runJob('billing.monthly-statements', new Date('2027-02-01T07:00:00Z'), 'cli');

    baseUrl = await t.listen();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // What went wrong in each page's scripts (a manager's pages must have nothing here).
  const pageErrors = new Map<Page, string[]>();
  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (error) => errors.push(error.message));
    await signInToPanelPage(page, baseUrl, email, 'test-password');
    return page;
  }
  async function done(page: Page) {
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  }
  const fact = (page: Page, key: string) => page.locator(`[data-money-page] [data-fact="${key}"] [data-value]`).innerText();
  const rowsOf = (page: Page, table: string) => page.locator(`[data-money-page] [data-table="${table}"] tbody tr`);
  async function screenshot(page: Page, name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The panel scrolls inside its own frame: the window grows to fit the page, for one whole picture.
    const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('body *'), (e) => e.scrollHeight)));
    await page.setViewportSize({ width: 1440, height: Math.max(900, Math.ceil(height) + 80) });
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  }

  it("shows a manager a client's balance, from the user screen and from Billing, as the ledger has it", async () => {
    const manager = await t.userWithRoles(['manager']);
    const page = await signedIn(manager.email);
    await page.goto(`${baseUrl}/admin/resources/users/records/${client.id}/balance`);
    await page.locator('[data-money-page]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-money-page] h3').innerText()).toBe('Balance of Whiskers <whiskers@chorecat.test>');
    // Someone who is not a client has no balance: refused as a problem, never an all-zero page.
    const refused = await page.evaluate(async (u) => {
      const res = await fetch(u);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
    }, `/admin/api/resources/users/records/${worker.id}/balance`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(refused.type).toContain('application/problem+json');
    const ledger = await ledgerOf('client', client.id);
    expect(ledger).toBe('40.00');
    expect(await fact(page, 'balance')).toBe(`${ledger} cat-units`);
    expect(await fact(page, 'unpaid')).toBe('50.00 cat-units');
    expect(await fact(page, 'to-pay')).toBe('10.00 cat-units');
    expect(await fact(page, 'paid')).toBe('60.00 cat-units');
    expect(await fact(page, 'topped-up')).toBe('100.00 cat-units');
    expect(await rowsOf(page, 'invoices').count()).toBe(2);
    expect(await rowsOf(page, 'invoices').first().innerText()).toMatch(/2027-03-07 23:00 UTC\+01:00[\s\S]*50\.00 cat-units[\s\S]*unpaid/);
    expect(await rowsOf(page, 'top-ups').count()).toBe(2);
    expect(await page.locator('[data-money-page] [data-table="top-ups"]').innerText()).toMatch(/declined/);
    expect(await rowsOf(page, 'accounts').innerText()).toMatch(/client\s+40\.00 cat-units\s+2/);
    await screenshot(page, 'client-balance.png');
    // The account's row opens its entries: the top-up and the invoice paid.
    await Promise.all([page.waitForURL(/\/resources\/ledger_entries\?filters\.accountId=/), rowsOf(page, 'accounts').locator('a').click()]);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('table tbody').innerText()).toMatch(
      /100\.00 cat-units[\s\S]*-60\.00 cat-units|-60\.00 cat-units[\s\S]*100\.00 cat-units/,
    );

    // From Billing: the list names the client, its row opens the same page.
    await page.goto(`${baseUrl}/admin/resources/client_balances?filters.clientId=${client.id}`);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('table tbody tr').innerText()).toMatch(
      /Whiskers <whiskers@chorecat.test>[\s\S]*40\.00 cat-units[\s\S]*50\.00 cat-units/,
    );
    await screenshot(page, 'client-balances.png');
    // (The row's second cell: its first is the client's link to their user record.)
    await Promise.all([page.waitForURL(/client_balances\/records\/.+\/show/), page.locator('table tbody tr td').nth(2).click()]);
    await page.locator('[data-money-page]').waitFor();
    expect(await fact(page, 'balance')).toBe('40.00 cat-units');
    await done(page);
  }, 120_000);

  it("shows a manager a worker's earnings per statement, with lines and payouts, as the ledger has them", async () => {
    const manager = await t.userWithRoles(['manager']);
    const page = await signedIn(manager.email);
    await page.goto(`${baseUrl}/admin/resources/worker_profiles/records/${worker.id}/earnings`);
    await page.locator('[data-money-page]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-money-page] h3').innerText()).toBe('Earnings of CLW-SIA-2031-4242 · Test worker');
    // January: 2 × 60.00 − 40.00 = 80.00, stated, in a payout not paid yet.
    const ledger = await ledgerOf('worker', worker.id);
    expect(ledger).toBe('80.00');
    expect(await fact(page, 'owed')).toBe(`${ledger} cat-units`);
    expect(await fact(page, 'in-payout')).toBe('80.00 cat-units');
    expect(await fact(page, 'paid-out')).toBe('0.00 cat-units');
    expect(await fact(page, 'earned')).toBe('120.00 cat-units');
    expect(await fact(page, 'unstated')).toBe('60.00 cat-units');
    expect(await rowsOf(page, 'statements').innerText()).toMatch(/January 2027[\s\S]*80\.00 cat-units\s+payable/);
    expect(await rowsOf(page, 'lines').count()).toBe(3);
    expect(await rowsOf(page, 'payouts').innerText()).toMatch(/80\.00 cat-units\s+pending/);
    await screenshot(page, 'worker-earnings.png');
    // At 1440 px every table fits its box: nothing (the statements' Status pill, their last column) is cut at the right edge.
    const overflowing = await page
      .locator('[data-money-page] [data-table] table')
      .evaluateAll((tables) =>
        tables
          .filter((table) => table.scrollWidth > table.parentElement!.clientWidth)
          .map((table) => table.closest('[data-table]')!.getAttribute('data-table')),
      );
    expect(overflowing).toEqual([]);

    await page.goto(`${baseUrl}/admin/resources/worker_earnings?filters.workerId=${worker.id}`);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('table tbody tr').innerText()).toMatch(/CLW-SIA-2031-4242 · Test worker[\s\S]*80\.00 cat-units/);
    await screenshot(page, 'worker-earnings-list.png');
    await done(page);
  }, 120_000);

  it("follows the dashboard's figures to exactly the rows they count: failed job runs, revenue, upcoming invoices, tips, failing payouts", async () => {
    const manager = await t.userWithRoles(['manager']);
    const page = await signedIn(manager.email);
    await page.locator('[data-dashboard]').waitFor({ timeout: 60_000 });
    const follow = async (figure: string, screen: string) => {
      await page.goto(`${baseUrl}/admin`);
      await page.locator(`[data-figure="${figure}"] [data-figure-link]`).waitFor({ timeout: 30_000 });
      await Promise.all([
        page.waitForURL(new RegExp(`/admin/resources/${screen}\\?`)),
        page.click(`[data-figure="${figure}"] [data-figure-link]`),
      ]);
    };
    await follow('jobs.failed', 'job_runs');
    expect(new URL(page.url()).searchParams.get('filters.outcome')).toBe('failed');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(EXPECTED.jobsFailed);
    const runs = await page.locator('table tbody').innerText();
    expect(runs).toMatch(/billing\.payouts/);
    expect(runs).toMatch(/supplies\.order-cookies/);
    expect(runs).not.toMatch(/succeeded/);
    await screenshot(page, 'job-runs-failed.png');
    // Unfiltered: newest first.
    await page.goto(`${baseUrl}/admin/resources/job_runs`);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    await screenshot(page, 'job-runs.png');

    await follow('billing.revenue-week', 'billable_orders');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(2);
    expect((await page.locator('table tbody').innerText()).match(/100\.00 cat-units/g)).toHaveLength(2);
    await follow('billing.upcoming-invoices', 'billable_orders');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(3);
    await screenshot(page, 'upcoming-invoices.png');
    await follow('billing.tips-week', 'billable_tips');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(EXPECTED.tipsWeek.count);
    expect((await page.locator('table tbody').innerText()).replace(/\s+/g, ' ')).toMatch(/2\.50 cat-units.*5\.00 cat-units/);
    await screenshot(page, 'tips-week.png');
    await follow('billing.failing-payouts', 'payouts');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(EXPECTED.payouts.failing);
    expect(await page.locator('table tbody').innerText()).toMatch(/40\.00 cat-units[\s\S]*pending/);
    await done(page);
  }, 180_000);

  it('refuses supplies staff the money pages and the job runs', async () => {
    const staff = await t.userWithRoles(['supplies']);
    const page = await signedIn(staff.email);
    const status = (url: string) => page.evaluate(async (u) => (await fetch(u)).status, url);
    for (const url of [
      '/admin/api/resources/client_balances/actions/list',
      `/admin/api/resources/client_balances/records/${client.id}/show`,
      `/admin/api/resources/users/records/${client.id}/balance`,
      '/admin/api/resources/worker_earnings/actions/list',
      `/admin/api/resources/worker_profiles/records/${worker.id}/earnings`,
      '/admin/api/resources/job_runs/actions/list',
      '/admin/api/resources/billable_orders/actions/list',
    ]) {
      expect(await status(url), url).toBe(403);
    }
    // Nor in the navigation or on the page.
    await page.goto(`${baseUrl}/admin/resources/users/records/${client.id}/balance`);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('text=not authorized').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-money-page]').count()).toBe(0);
    expect(await page.locator('a[href$="/resources/client_balances"], a[href$="/resources/job_runs"]').count()).toBe(0);
    await screenshot(page, 'supplies-refused.png');
    await page.context().close();
  }, 60_000);
});
