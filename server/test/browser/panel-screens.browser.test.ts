import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testPanel } from '../helpers/panel.ts';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { OrderDriver, DAY } from '../helpers/order-driver.ts';
import { nameOrderPeople } from '../helpers/order-page.ts';
import { sql } from '../../src/platform/database.ts';
import { formatMoment } from '../../src/platform/email-dates.ts';
import { seedDemoReviewForms } from '../../src/modules/quality/application/seed-demo-forms.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');
// The README's pictures of the panel: UPDATE_SCREENSHOTS=1 refreshes them from this run's artifacts.
const README_SHOTS = path.resolve(import.meta.dirname, '../../../admin/screenshots');
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
  if (process.env.UPDATE_SCREENSHOTS === '1' && ['panel-list-orders.png', 'panel-order-header.png', 'panel-audit-log.png'].includes(name)) {
    mkdirSync(README_SHOTS, { recursive: true });
    copyFileSync(path.join(ARTIFACTS, name), path.join(README_SHOTS, name));
  }
};

/**
 * The panel's lists and pages as a manager reads them, on a few real
 * orders (the driver's flows): columns wide enough for their words, an
 * order page's actions clear of its title, the audit log's targets named;
 * then a review filled in and a bid placed through the panel, as a manager
 * works them, each refused to supplies staff. Each run saves the screens
 * to test-artifacts/.
 */
/**
 * An Order column's cell names the order as the audit log does (its service and start), never by its id,
 * and links to the order's page.
 */
async function expectOrderNamed(row: ReturnType<Page['locator']>, d: OrderDriver, orderId: string, timeZone: string) {
  const link = row.locator(`a[href$="/admin/resources/orders/records/${orderId}/show"]`);
  expect(await link.count()).toBe(1);
  expect((await link.innerText()).trim()).toBe(`Litter box, ${formatMoment((await d.order(orderId)).starts_at, timeZone)}`);
}

describe('the panel’s lists and pages, reviews and bids in headless Chromium', { timeout: 120_000 }, () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let browser: Browser;
  let context: BrowserContext;
  let baseUrl: string;
  let page: Page;
  const orders: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0' },
      mountBeforeApi: testPanel(),
    });
    d = new OrderDriver(t);
    await d.setUp();
    baseUrl = await t.listen();
    await d.advanceTo(new Date('2032-03-02T09:00:00Z'));
    await nameOrderPeople(t, d);
    await seedDemoReviewForms(t.platform.kernel);
    for (let i = 0; i < 4; i++) orders.push(await d.createOrder(new Date(d.now().getTime() + (2 + i) * DAY)));
    await d.bringKitReady(orders[0]!);
    await d.deliver();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await signInToPanelPage(page, baseUrl, 'max@chorecat.test', 'test-password');
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  /** Words of a list's cells drawn on more than one line (a word breaks after a hyphen at most, as "CLW-SIA-" may). */
  const brokenWords = () =>
    page.locator('table tbody td').evaluateAll((cells) => {
      const broken: string[] = [];
      for (const cell of cells) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            if (new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1) broken.push(m[0]);
          }
        }
      }
      return broken;
    });

  it('lists break text between words only, never a name or an email letter by letter', async () => {
    for (const screen of ['orders', 'audit_log', 'kits', 'users']) {
      await page.goto(`${baseUrl}/admin/resources/${screen}`);
      await page.locator('table tbody tr').first().waitFor();
      // The names arrive after the page's records: wait for the first person's.
      if (screen !== 'kits') await page.locator('table tbody', { hasText: '@chorecat.test' }).waitFor();
      await shot(page, `panel-list-${screen}.png`);
      expect(await brokenWords(), screen).toEqual([]);
    }
  });

  it('an order page with many actions keeps its title clear of them, every action on the page', async () => {
    await page.goto(`${baseUrl}/admin/resources/orders/records/${orders[0]}/show`);
    await page.locator(`[data-order-page="${orders[0]}"]`).waitFor();
    const title = (await page.locator('.adminjs_ActionHeader h2').first().boundingBox())!;
    const buttons = page.locator('.adminjs_ActionHeader .adminjs_ButtonGroupItem');
    expect(await buttons.count()).toBeGreaterThan(5);
    const width = page.viewportSize()!.width;
    for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      const overlaps =
        box.x < title.x + title.width && title.x < box.x + box.width && box.y < title.y + title.height && title.y < box.y + box.height;
      expect(overlaps, `a button at ${box.x},${box.y} covers the title`).toBe(false);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await shot(page, 'panel-order-header.png');
  });

  it('the audit log names each target by what it is and links to its page', async () => {
    const kit = (await d.kit(orders[0]!))!;
    await page.goto(`${baseUrl}/admin/resources/audit_log`);
    const row = (action: string) => page.locator('table tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${action}$`) }) });
    await row('kit.ready').first().waitFor();
    const start = 'Litter box, Thursday 4 March 2032, 09:00 (UTC+00:00)';
    const target = (action: string) => row(action).first().locator('[data-link-value="target"]');
    expect(await target('kit.ready').textContent()).toBe(`Kit of ${start}`);
    expect(await target('kit.ready').getAttribute('href')).toBe(`/admin/resources/kits/records/${kit.id}/show`);
    expect(await target('order.kit_ready').textContent()).toBe(`Order: ${start}`);
    expect(await target('service_type.created').first().textContent()).toMatch(/^Service type: (Litter box|Sofa de-furring)$/);
    expect(await target('sandbox.clock.advanced').textContent()).toBe('The sandbox clock');
    // No target is shown by its id.
    const cells = await page.locator('[data-link-value="target"]').allTextContents();
    expect(cells.filter((c) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(c))).toEqual([]);
    await shot(page, 'panel-audit-log.png');
    // Its link opens the order's page, in the panel.
    await target('order.kit_ready').click();
    await page.locator(`[data-order-page="${orders[0]}"]`).waitFor();
  });

  /** Posts the open action's form and waits for the panel's answer to it. */
  async function submit(button: string): Promise<void> {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/api/')),
      page.locator(button).click(),
    ]);
  }
  const notice = async () => {
    const toast = page.locator('[data-testid="notice-wrapper"]').last();
    await toast.waitFor();
    return (await toast.textContent()) ?? '';
  };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  /** A POST to the panel's API as supplies staff, from the panel's own origin: what a role that may not gets. */
  async function asSupplies(url: string, form: Record<string, string>): Promise<number> {
    const other = await browser.newContext();
    try {
      const staff = await other.newPage();
      await signInToPanelPage(staff, baseUrl, 'sam@chorecat.test', 'test-password');
      const res = await staff.request.post(`${baseUrl}/admin/api${url}`, { headers: { origin: new URL(baseUrl).origin }, multipart: form });
      return res.status();
    } finally {
      await other.close();
    }
  }

  it('a manager opens a review from the queue, fills it in and sees it done; supplies staff may not', async () => {
    // A cancelled order is reviewed: it waits in the queue.
    expect((await d.cancel(orders[3]!, 'owner')).status).toBe(200);
    await d.deliver();
    const [review] = await sql<{ id: string }>(t.db, "SELECT id FROM reviews WHERE order_id = $1 AND status = 'open'", [orders[3]]);
    await page.goto(`${baseUrl}/admin/resources/reviews`);
    await page.locator(`[data-id="${review!.id}"] td`).nth(1).click();
    await page.waitForURL(`${baseUrl}/admin/resources/reviews/records/${review!.id}/show`);
    await page.locator('[data-testid="action-fillIn"]').first().click();
    const form = page.locator('[data-action-form="fillIn"]');
    await form.locator('[name="answers.whatHappened"]').fill('The client moved the visit to next month and cancelled this one.');
    await form.locator('select[name="answers.clientCalled"]').selectOption('yes');
    await form.locator('select[name="verdict"]').selectOption('confirmed');
    await form.locator('[name="clientFeedback"]').fill('Sorry for the short notice.');
    expect(await asSupplies(`/resources/reviews/records/${review!.id}/fillIn`, { verdict: 'overturned' })).toBe(403);
    await submit('[data-action-form="fillIn"] button[type="submit"]');
    expect(await notice()).toContain('Review done');
    const done = (await t.api.get(`/v1/reviews/${review!.id}`).set(as(d.manager)).expect(200)).body as {
      status: string;
      verdict: string;
      answers: Record<string, unknown>;
      clientFeedback: string;
    };
    expect(done).toMatchObject({ status: 'done', verdict: 'confirmed', clientFeedback: 'Sorry for the short notice.' });
    expect(done.answers).toMatchObject({ whatHappened: 'The client moved the visit to next month and cancelled this one.' });
    // Its effect in the panel: done, with its verdict, and no longer offered to fill in.
    await page.goto(`${baseUrl}/admin/resources/reviews/records/${review!.id}/show`);
    await page.locator('[data-status-tone="good"]', { hasText: 'done' }).first().waitFor();
    expect(await page.locator('[data-testid="action-fillIn"]').count()).toBe(0);
    await page.goto(`${baseUrl}/admin/resources/reviews`);
    const row = page.locator(`[data-id="${review!.id}"]`);
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/done.*confirmed/i);
    await expectOrderNamed(row, d, orders[3]!, t.config.businessTimeZone);
    await shot(page, 'panel-reviews.png');
  });

  it('a manager places a bid on an order, sees it listed and, once the order has ended, its settlement; supplies staff may not', async () => {
    const orderId = orders[2]!;
    await page.goto(`${baseUrl}/admin/resources/orders/records/${orderId}/show`);
    await page.locator('[data-testid="action-placeBid"]').first().click();
    const form = page.locator('[data-action-form="placeBid"]');
    await form.locator('[name="amount"]').fill('4.00');
    await form.locator('[name="condition"]').fill('failed');
    await submit('[data-action-form="placeBid"] button[type="submit"]');
    expect(await notice()).toContain('Bid placed.');
    // The order's bids, listed.
    await page.waitForURL((url) => url.pathname === '/admin/resources/bids');
    const bid = page.locator('table tbody tr', { hasText: '4.00 cat-units' });
    await bid.waitFor();
    expect((await bid.innerText()).replace(/\s+/g, ' ')).toMatch(/failed.*open/);
    await expectOrderNamed(bid, d, orderId, t.config.businessTimeZone);
    await shot(page, 'panel-bids.png');
    expect(await asSupplies(`/resources/orders/records/${orderId}/placeBid`, { amount: '1.00', condition: 'completed' })).toBe(403);
    const bids = (await t.api.get(`/v1/orders/${orderId}/bids`).set(as(d.manager)).expect(200)).body as { data: { amount: string }[] };
    expect(bids.data.map((b) => b.amount)).toEqual(['4.00']);

    // Past its start with no kit ready and no worker: the order fails (no_worker) and is settled.
    await d.advanceTo(new Date(new Date((await d.order(orderId)).starts_at).getTime() + 60 * 60_000));
    await d.deliver();
    expect((await d.order(orderId)).status).toBe('failed');
    await page.goto(`${baseUrl}/admin/resources/orders/records/${orderId}/show`);
    await page.locator('[data-testid="action-settlement"]').first().click();
    // The show page has its own history table with "failed" in it: wait for the settlements list first.
    await page.waitForURL((url) => url.pathname === '/admin/resources/settlements');
    const settlement = page.locator('table tbody tr', { hasText: 'failed' });
    await settlement.waitFor();
    // The whole pot (4.00) to the one winner.
    expect((await settlement.innerText()).replace(/\s+/g, ' ')).toContain('4.00 cat-units');
    await expectOrderNamed(settlement, d, orderId, t.config.businessTimeZone);
    await shot(page, 'panel-settlement.png');
    await page.goto(`${baseUrl}/admin/resources/bids?filters.orderId=${orderId}`);
    await page.locator('table tbody tr', { hasText: 'won' }).waitFor();
  });
});
