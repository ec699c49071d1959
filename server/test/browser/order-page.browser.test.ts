import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { sql } from '../../src/platform/database.ts';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { OrderDriver, DAY } from '../helpers/order-driver.ts';
import { nameOrderPeople } from '../helpers/order-page.ts';
import { pngPicture } from '../helpers/images.ts';
import { testPanel } from '../helpers/panel.ts';

// A test artifact (test-artifacts/, not committed) on every run.
const ARTIFACT = path.resolve(import.meta.dirname, '../../../test-artifacts/order-page.png');

/**
 * A manager follows an order on one page of the panel in headless Chromium:
 * the names (and worker code), the timeline, the photos opening full size
 * with their hashes, the kit, the invoice line, the emails and only the
 * actions the order's lifecycle offers now.
 */
describe('the order page in headless Chromium', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let browser: Browser;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0' },
      mountBeforeApi: testPanel(),
      startsAt: new Date('2032-03-02T09:00:00Z'), // a Tuesday: the week's invoice run is ahead
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

  it('shows a completed order whole and a new one with its cancel form', async () => {
    const orderId = await d.createOrder(new Date('2032-03-04T10:00:00Z'));
    await d.bringKitReady(orderId);
    const assigned = (await d.order(orderId)).worker_id!;
    const as = { authorization: `Bearer ${d.workers.find((w) => w.id === assigned)!.token}` };
    const photo = async (hue: number) =>
      (
        await t.api
          .post('/v1/files')
          .set(as)
          .attach('file', pngPicture(480, 360, hue), 'photo.png')
          .expect(201)
      ).body.id as string;
    await d.advanceTo(new Date('2032-03-04T09:15:00Z'));
    await t.api
      .post(`/v1/orders/${orderId}/check-in`)
      .set(as)
      .send({ photoId: await photo(0) })
      .expect(200);
    const [before, after, signed] = [await photo(1), await photo(2), await photo(3)];
    await t.api
      .post(`/v1/orders/${orderId}/report`)
      .set(as)
      .send({ beforePhotoIds: [before], afterPhotoIds: [after], signedReportPhotoId: signed })
      .expect(200);
    expect((await d.accept(orderId, 'owner')).status).toBe(200);
    await d.deliver();
    await d.advanceTo(new Date('2032-03-08T09:00:00Z')); // past Sunday 23:00: invoiced
    await d.deliver();
    const fresh = await d.createOrder(new Date(d.now().getTime() + 3 * DAY));
    await d.deliver();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToPanelPage(page, baseUrl, 'max@chorecat.test', 'test-password');
    // From the orders list, a click on the order opens its page.
    await page.goto(`${baseUrl}/admin/resources/orders`);
    // (On its start: the client and worker cells link to the users' screens.)
    await page.locator(`[data-id="${orderId}"] td`).nth(1).click();
    const card = page.locator(`[data-order-page="${orderId}"]`);
    await card.waitFor();
    const workerName = assigned === d.workers[0]!.id ? 'Tom Paws' : 'Felix Fluff';
    const workerCode = assigned === d.workers[0]!.id ? 'CLW-SIA-2031-0001' : 'CLW-SIA-2031-0002';
    expect(await card.locator('[data-fact="client"]').textContent()).toContain('Mia Whiskers <mia@chorecat.test>');
    expect(await card.locator('[data-fact="worker"]').textContent()).toContain(`${workerName} (${workerCode})`);

    const timeline = card.locator('[data-section="timeline"]');
    for (const event of ['created', 'kit_ready', 'worker_assigned', 'check_in', 'report', 'accept']) {
      expect(await timeline.locator('td', { hasText: new RegExp(`^${event}$`) }).count(), event).toBe(1);
    }
    expect(await timeline.textContent()).toContain('Sam Supplies');
    expect(await timeline.textContent()).toContain(`${workerName} (${workerCode})`);

    const files = await sql<{ id: string; sha256: string }>(t.db, 'SELECT id, sha256 FROM files WHERE id = ANY($1::uuid[])', [
      [before, after, signed],
    ]);
    for (const f of files) {
      expect(await card.locator(`[data-photo="${f.id}"] [data-sha256]`).getAttribute('data-sha256')).toBe(f.sha256);
      expect(await card.locator(`[data-photo="${f.id}"]`).textContent()).toContain(f.sha256);
    }
    // A photo opens full size in a tab of its own, from the panel's session-protected route.
    const [full] = await Promise.all([context.waitForEvent('page'), card.locator(`[data-photo="${after}"] a`).click()]);
    await full.waitForLoadState();
    expect(full.url()).toBe(`${baseUrl}/admin/photos/${after}`);
    expect(await full.evaluate(() => [document.images[0]!.naturalWidth, document.images[0]!.naturalHeight])).toEqual([480, 360]);
    await full.close();

    expect(await card.locator('[data-section="kit"]').textContent()).toMatch(/ready.*delivered.*2× Litter ✓ · 1× Scoop ✓/s);
    expect(await card.locator('[data-section="matching"]').textContent()).toContain('assigned');
    expect(await card.locator('[data-section="invoice"]').textContent()).toMatch(
      /^100\.00 · week ending 2032-03-07 23:00 UTC · invoice \S+ \(unpaid\)$/,
    );
    const emails = await card.locator('[data-section="emails"]').textContent();
    for (const subject of ['We received your order: Litter box', 'Your order is scheduled: Litter box', 'Completed: Litter box']) {
      expect(emails).toContain(subject);
    }
    // Completed: nothing is offered; the lifecycle allows a manager no action.
    expect(await card.locator('[data-section="actions"] [data-action]').count()).toBe(0);
    // AdminJS scrolls inside its own layout, so a "full page" shot is the viewport: make that as tall as the page.
    const height = (await card.boundingBox())!.height;
    await page.setViewportSize({ width: 1400, height: Math.ceil(height) + 200 });
    await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT });

    // A new order: its lifecycle allows cancelling, and the page links to the panel's cancel form.
    await page.goto(`${baseUrl}/admin/resources/orders/records/${fresh}/show`);
    const offered = page.locator(`[data-order-page="${fresh}"] [data-section="actions"] [data-action]`);
    await offered.first().waitFor();
    expect(await offered.count()).toBe(1);
    expect(await offered.textContent()).toBe('Cancel order…');
    await offered.click();
    await page.waitForURL(`${baseUrl}/admin/resources/orders/records/${fresh}/cancelOrder`);
    expect(await page.locator(`[data-order-page="${fresh}"] [data-fact="worker"]`).count()).toBe(0);

    // The review's dossier draws the same sections from the same gathering, named too.
    expect((await d.cancel(fresh, 'owner')).status).toBe(200);
    await d.deliver();
    const [review] = await sql<{ id: string }>(t.db, 'SELECT id FROM reviews WHERE order_id = $1', [fresh]);
    await page.goto(`${baseUrl}/admin/resources/reviews/records/${review!.id}/dossier`);
    const dossier = page.locator(`[data-review-dossier="${review!.id}"]`);
    await dossier.waitFor();
    expect(await dossier.textContent()).toContain('client Mia Whiskers <mia@chorecat.test>');
    expect(await dossier.locator('[data-section="timeline"]').textContent()).toContain('cancel');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
