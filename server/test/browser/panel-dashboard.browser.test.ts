import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { EXPECTED, SCENARIO_TZ, seedDashboardScenario } from '../helpers/dashboard-scenario.ts';
import { testPanel } from '../helpers/panel.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// Saved on every run (test-artifacts/ is not committed); UPDATE_SCREENSHOTS=1 also refreshes the README's.
const ARTIFACT = path.join(ROOT, 'test-artifacts/dashboard.png');
const README_SCREENSHOT = path.join(ROOT, 'admin/dashboard.png');

/**
 * The panel's dashboard in headless Chromium, on the seeded day of
 * test/helpers/dashboard-scenario.ts: a manager sees the figures with
 * their numbers and drawn charts (Chart.js, from AdminJS's own bundle),
 * follows a figure to its filtered list and finds the records behind it;
 * supplies staff see the kits figures only.
 */
describe('the panel dashboard in headless Chromium', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestPlatform({ mountBeforeApi: testPanel(), env: { TZ_BUSINESS: SCENARIO_TZ } });
    await seedDashboardScenario(t);
    baseUrl = await t.listen();
    browser = await launchChromium();
    // AdminJS bundles the panel's components (Chart.js included) at start: a few tens of seconds on a busy machine.
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openDashboard(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInToPanelPage(page, baseUrl, email, 'test-password');
    await page.locator('[data-dashboard]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return page;
  }
  const valueOf = (page: Page, key: string) => page.locator(`[data-figure="${key}"] [data-value]`).first().innerText();
  const partOf = (page: Page, key: string, part: string) =>
    page.locator(`[data-figure="${key}"] [data-part="${part}"] [data-part-value]`).innerText();

  it('shows a manager the figures and charts, and a figure opens its filtered list', async () => {
    const manager = await t.userWithRoles(['manager'], 'manager@chorecat.test');
    const page = await openDashboard(manager.email);
    expect(await valueOf(page, 'orders.no-check-in')).toBe(String(EXPECTED.noCheckIn));
    expect(await valueOf(page, 'orders.today')).toBe(String(EXPECTED.today.total));
    expect(await partOf(page, 'orders.this-week', 'scheduled')).toBe(String(EXPECTED.thisWeek.scheduled));
    expect(await valueOf(page, 'orders.failure-rate')).toBe(`${EXPECTED.failureRatePercent} %`);
    expect(await partOf(page, 'kits.waiting', 'open')).toBe(String(EXPECTED.kitsWaiting.open));
    expect(await valueOf(page, 'billing.revenue-week')).toBe(EXPECTED.revenueWeek);
    expect(await valueOf(page, 'billing.tips-week')).toBe(EXPECTED.tipsWeek.total);
    expect(await valueOf(page, 'billing.unpaid-invoices')).toBe(String(EXPECTED.unpaidInvoices.count));
    expect(await valueOf(page, 'reviews.open')).toBe(String(EXPECTED.openReviews));
    expect(await valueOf(page, 'jobs.failed')).toBe(String(EXPECTED.jobsFailed));
    // Drawn: Chart.js's canvases have a size and something painted on them.
    const painted = await page.locator('canvas[data-chart]').evaluateAll((canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) ink++;
        return { chart: c.dataset.chart, ink };
      }),
    );
    expect(painted.map((p) => p.chart)).toEqual([
      'orders.finished-by-day',
      'orders.today',
      'orders.this-week',
      'orders.failure-rate',
      'kits.waiting',
    ]);
    for (const p of painted) expect(p.ink, p.chart).toBeGreaterThan(500);
    // "What needs you today" gathers what is above zero.
    await expect.poll(() => page.locator('[data-section="needs-you"]').innerText()).toContain('Unpaid invoices');

    // The whole dashboard in one picture: the panel scrolls inside its own frame, so the window grows to fit it.
    const height = await page.locator('[data-dashboard]').evaluate((e) => e.scrollHeight + e.getBoundingClientRect().top);
    await page.setViewportSize({ width: 1440, height: Math.ceil(height) });
    await page.waitForFunction(() => document.querySelector('[data-dashboard]')!.getBoundingClientRect().bottom <= window.innerHeight);
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      // The README's: the figures, without the job-run tables below them.
      const figuresEnd = await page
        .locator('[data-figures]')
        .last()
        .evaluate((e) => e.getBoundingClientRect().bottom);
      await page.screenshot({ path: README_SCREENSHOT, clip: { x: 0, y: 0, width: 1440, height: Math.ceil(figuresEnd) + 16 } });
    }

    // A figure opens the list behind it, filtered: the two unpaid invoices.
    await Promise.all([
      page.waitForURL(/\/admin\/resources\/invoices\?/),
      page.click('[data-figure="billing.unpaid-invoices"] [data-figure-link]'),
    ]);
    expect(new URL(page.url()).searchParams.get('filters.status')).toBe('unpaid');
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(EXPECTED.unpaidInvoices.count);
    // And a part of a figure its own: the failed orders of one reason.
    await page.goBack();
    await page.locator('[data-dashboard]').waitFor();
    await Promise.all([
      page.waitForURL(/\/admin\/resources\/orders\?/),
      page.click('[data-figure="orders.failure-rate"] [data-part-link="no_worker"]'),
    ]);
    const filters = new URL(page.url()).searchParams;
    expect([filters.get('filters.status'), filters.get('filters.failureReason')]).toEqual(['failed', 'no_worker']);
    // The scenario's failed order and the history's: every row listed is a failed no_worker order.
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('table tbody').innerText()).not.toMatch(/no_check_in|rejected|completed/);
    // And one with a time window: the order starting within the hour that nobody has checked in for.
    await page.goBack();
    await page.locator('[data-dashboard]').waitFor();
    await Promise.all([
      page.waitForURL(/\/admin\/resources\/orders\?/),
      page.click('[data-figure="orders.no-check-in"] [data-figure-link]'),
    ]);
    expect(new URL(page.url()).searchParams.get('filters.startsAt~~from')).toMatch(/^2027-03-10T09:3/);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 20_000 }).toBe(EXPECTED.noCheckIn);
    expect(await page.locator('table tbody').innerText()).toMatch(/scheduled/i);
    await page.context().close();
  }, 120_000);

  it('shows supplies staff the kits figures only', async () => {
    const staff = await t.userWithRoles(['supplies']);
    const page = await openDashboard(staff.email);
    await page.locator('[data-figure="kits.waiting"]').waitFor();
    const keys = await page.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')));
    expect(keys).toEqual(['kits.waiting', 'kits.cookie-retrying']);
    expect(await partOf(page, 'kits.waiting', 'assembling')).toBe(String(EXPECTED.kitsWaiting.assembling));
    expect(await page.locator('text=Latest job runs').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
