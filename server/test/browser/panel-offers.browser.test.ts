import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { OrderDriver } from '../helpers/order-driver.ts';
import { nameOrderPeople } from '../helpers/order-page.ts';
import { testPanel } from '../helpers/panel.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');

/**
 * Sequential offers in the panel (issue #19), in headless Chromium: an
 * order offered to one worker, declined, offered to the other and accepted;
 * its page shows the offers in order, and Operations → Matching Offers lists
 * them, filtered to the order from its page. And the workers' screen
 * (Hiring → Worker Profiles) shows where each is based.
 */
describe('the panel’s offer history and worker locations', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let browser: Browser;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0', MATCHING_STRATEGY: 'offers', MATCHING_OFFER_SECONDS: '60' },
      mountBeforeApi: testPanel(),
      startsAt: new Date('2032-03-02T09:00:00Z'),
    });
    d = new OrderDriver(t);
    await d.setUp();
    baseUrl = await t.listen();
    await nameOrderPeople(t, d);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows an order’s offers, declined then accepted, on its page and in the offers list', async () => {
    const orderId = await d.createOrder(new Date('2032-03-04T10:00:00Z'));
    await d.bringKitReady(orderId);
    // Whoever was asked first declines; the other is asked and accepts.
    const pendingOf = async (worker: { token: string }) =>
      (await t.api.get('/v1/offers?status=pending').set('authorization', `Bearer ${worker.token}`).expect(200)).body.data as {
        id: string;
        orderId: string;
      }[];
    const first = (await Promise.all(d.workers.map(async (w) => ({ w, offers: await pendingOf(w) })))).find((x) => x.offers.length);
    expect(first?.offers.map((o) => o.orderId)).toEqual([orderId]);
    await t.api.post(`/v1/offers/${first!.offers[0]!.id}/decline`).set('authorization', `Bearer ${first!.w.token}`).expect(200);
    const second = d.workers.find((w) => w !== first!.w)!;
    const [offer] = await pendingOf(second);
    expect(offer?.orderId).toBe(orderId);
    await t.api.post(`/v1/offers/${offer!.id}/accept`).set('authorization', `Bearer ${second.token}`).expect(200);
    expect((await d.order(orderId)).worker_id).toBe(second.id);

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToPanelPage(page, baseUrl, 'max@chorecat.test', 'test-password');
    await page.goto(`${baseUrl}/admin/resources/orders/records/${orderId}/show`);
    const offers = page.locator(`[data-order-page="${orderId}"] [data-section="offers"]`);
    await offers.waitFor();
    const rows = (await offers.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    const name = (w: { id: string }) => (w.id === d.workers[0]!.id ? 'Tom Paws' : 'Felix Fluff');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`${name(first!.w)}.*declined`));
    expect(rows[1]).toMatch(new RegExp(`${name(second)}.*accepted`));
    await offers.scrollIntoViewIfNeeded();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-order-offers.png') });

    // "Offers" on the order opens Operations → Matching Offers, filtered to it.
    await page.locator('[data-testid="action-offers"]').first().click();
    await page.waitForURL((url) => url.pathname === '/admin/resources/matching_offers');
    const listed = page.locator('table tbody tr');
    await expect.poll(() => listed.count(), { timeout: 20_000 }).toBe(2);
    const text = (await page.locator('table tbody').innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/declined/);
    expect(text).toMatch(/accepted/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-matching-offers.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows each worker’s home base on the worker screen', async () => {
    const res = await t.api
      .patch('/v1/me')
      .set('authorization', `Bearer ${d.workers[0]!.token}`)
      .send({ homeBase: { lat: 52.520008, lng: 13.404954 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const context = await browser.newContext({ viewport: { width: 1400, height: 700 } });
    const page = await context.newPage();
    await signInToPanelPage(page, baseUrl, 'max@chorecat.test', 'test-password');
    await page.goto(`${baseUrl}/admin/resources/worker_profiles`);
    const tom = page.locator('table tbody tr', { hasText: 'Tom Paws' });
    await tom.waitFor();
    expect((await tom.innerText()).replace(/\s+/g, ' ')).toContain('52.520008, 13.404954');
    expect((await page.locator('table tbody tr', { hasText: 'Felix Fluff' }).innerText()).replace(/\s+/g, ' ')).toContain('(not set)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-worker-profiles.png') });
    await context.close();
  });
});
