import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { bringKitReady, settle } from '../helpers/orders.ts';
import { PNG_1x1 } from '../helpers/images.ts';
import { clientWebConfig } from '../../../examples/client-web/vite.config.ts';

const APP_ROOT = path.resolve(import.meta.dirname, '../../../examples/client-web');
// A test artifact (test-artifacts/, not committed) on every run; UPDATE_SCREENSHOTS=1 also refreshes
// the one the README shows, so `npm test` leaves the work tree as it found it.
const ARTIFACT = path.resolve(APP_ROOT, '../../test-artifacts/client-web.png');
const README_SCREENSHOT = path.join(APP_ROOT, 'screenshot.png');

/**
 * The client web example (examples/client-web) in a real browser: the
 * Chromium that `npm install` brings (@sparticuz/chromium), driven by
 * playwright-core, against the app as built by Vite and served by Vite's
 * preview server, which proxies `/v1` to a running test platform. The
 * client signs in, is refused and then posts an order through the form,
 * follows it to completed (the other parties act through the API) and
 * finds it on the upcoming invoice; the page is screenshotted for the
 * README.
 */
describe('the client web app in headless Chromium', () => {
  let t: TestPlatform;
  let app: PreviewServer;
  let appUrl: string;
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    // No completed order sampled into quality review: the order's life is the same every run.
    t = await createTestPlatform({ env: { REVIEW_SAMPLE_PERCENT: '0' } });
    const apiUrl = await t.listen();
    // A production build served by `vite preview` (with the same proxy): no dependency
    // discovery or reload mid-test as with the dev server.
    outDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-client-web-'));
    const config = { ...clientWebConfig({ apiUrl, port: 0 }), configFile: false as const, logLevel: 'warn' as const };
    await build({ ...config, build: { outDir, emptyOutDir: true } });
    app = await preview({ ...config, build: { outDir } });
    appUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  // ~6 s alone; a browser, a build and a platform on two busy cores take several times that.
  it(
    'signs in, posts an order, follows its timeline to completed, shows the upcoming invoice, signs out',
    { timeout: 120_000 },
    async () => {
      const [client, worker, manager] = await Promise.all([
        // The demo client's address, so the screenshot shows what `npm start` would (each test file has its own database).
        t.userWithRoles(['client'], 'client@chorecat.test'),
        t.userWithRoles(['worker']),
        t.userWithRoles(['manager']),
      ]);
      const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
      await t.api
        .post('/v1/service-types')
        .set(as(manager))
        .send({ name: 'Windowsill dusting', description: '', durationMinutes: 60, kitItems: [{ name: 'Feather duster', quantity: 1 }] })
        .expect(201);

      const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, locale: 'en-GB', timezoneId: 'UTC' });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(appUrl);

      // Not signed in: the form, with the demo client as a hint only.
      await page.locator('#sign-in-form').waitFor();
      expect(await page.locator('#app').isHidden()).toBe(true);
      expect(await page.getAttribute('input[name="email"]', 'placeholder')).toBe('client@chorecat.test');
      expect(await page.inputValue('input[name="email"]')).toBe('');

      // A wrong password: the API's refusal, shown.
      await page.fill('input[name="email"]', client.email);
      await page.fill('input[name="password"]', 'not-the-password');
      await page.click('#sign-in-form button[type="submit"]');
      const signInError = page.locator('#sign-in-form [data-error]');
      await signInError.waitFor();
      expect(await signInError.textContent()).toMatch(/\S/);

      await page.fill('input[name="password"]', 'test-password');
      await page.click('#sign-in-form button[type="submit"]');
      await page.locator('#app').waitFor();
      expect(await page.textContent('#who-email')).toBe(client.email);
      await page.locator('#orders-empty').waitFor();
      await expectText(page, '#invoice-lines', 'Nothing completed this week yet.');
      expect(await page.textContent('#invoice-total')).toBe('0.00');

      // The form offers the catalog; an empty address is refused with the field named, and nothing is created.
      const option = page.locator('select[name="serviceTypeId"] option', { hasText: 'Windowsill dusting' });
      await page.selectOption('select[name="serviceTypeId"]', (await option.getAttribute('value'))!);
      await page.click('#order-form button[type="submit"]');
      const fieldErrors = page.locator('#order-form [data-field-errors]');
      await fieldErrors.waitFor();
      expect(await fieldErrors.textContent()).toContain('address');
      expect(await page.getAttribute('input[name="address"]', 'aria-invalid')).toBe('true');
      expect((await t.api.get('/v1/orders').set(as(client)).expect(200)).body.data).toEqual([]);

      await page.fill('input[name="address"]', '7 Catnip Court');
      await page.fill('textarea[name="description"]', 'The sunny one, mostly');
      await page.click('#order-form button[type="submit"]');
      const row = page.locator('#orders-body tr', { hasText: '7 Catnip Court' });
      await row.waitFor();
      expect(await fieldErrors.isHidden()).toBe(true);
      const [order] = (await t.api.get('/v1/orders').set(as(client)).expect(200)).body.data as {
        id: string;
        startsAt: string;
        address: string;
        description: string;
      }[];
      expect(order).toMatchObject({ address: '7 Catnip Court', description: 'The sunny one, mostly' });
      // The form's default start: tomorrow at 10:00 in the browser's zone (UTC here).
      expect(new Date(order!.startsAt).getUTCHours()).toBe(10);
      expect(await row.getAttribute('data-order-id')).toBe(order!.id);
      expect(await row.locator('.status').textContent()).toBe('created');
      expect(await row.locator('td').nth(4).textContent()).toBe('not yet fixed');
      // A new order's timeline opens by itself.
      await expectText(page, '#timeline-list', 'created');

      // The rest of the order's life, by the others, through the API: kit ready and matched,
      // the worker checks in and reports, the client accepts.
      expect(await bringKitReady(t, order!.id)).toBe('scheduled');
      t.clock.moveTo(new Date(Date.parse(order!.startsAt) - 30 * 60_000));
      const photo = async () =>
        ((await t.api.post('/v1/files').set(as(worker)).attach('file', PNG_1x1, 'photo.png').expect(201)).body as { id: string }).id;
      await t.api
        .post(`/v1/orders/${order!.id}/check-in`)
        .set(as(worker))
        .send({ photoId: await photo() })
        .expect(200);
      const shot = await photo();
      await t.api
        .post(`/v1/orders/${order!.id}/report`)
        .set(as(worker))
        .send({ beforePhotoIds: [shot], afterPhotoIds: [shot], signedReportPhotoId: shot })
        .expect(200);
      await t.api.post(`/v1/orders/${order!.id}/accept`).set(as(client)).send({ rating: 5 }).expect(200);
      await settle(t);
      const completed = (await t.api.get(`/v1/orders/${order!.id}`).set(as(client)).expect(200)).body as { status: string; price: string };
      expect(completed.status).toBe('completed');
      const invoice = (await t.api.get('/v1/invoices/upcoming').set(as(client)).expect(200)).body as {
        lines: { orderId: string; price: string }[];
        subtotal: string;
        discount: string;
        total: string;
      };
      expect(invoice.lines.map((l) => l.orderId)).toEqual([order!.id]);

      // A reload keeps the sign-in (tokens in localStorage) and shows the order as it is now.
      await page.reload();
      await page.locator('#app').waitFor();
      const completedRow = page.locator(`#orders-body tr[data-order-id="${order!.id}"]`);
      await expectText(page, `#orders-body tr[data-order-id="${order!.id}"] .status`, 'completed');
      expect(await completedRow.locator('td').nth(4).textContent()).toBe(completed.price);
      await completedRow.click();
      await expectText(page, '#timeline-list', 'completed');
      const steps = await page.locator('#timeline-list li .step').allTextContents();
      expect(steps[0]).toBe('created');
      expect(steps.at(-1)).toBe('reported → completed');
      expect(steps).toContain('scheduled → in progress');
      expect(await page.locator('#timeline-list li', { hasText: 'check in' }).textContent()).toContain('by worker');

      const invoiceLine = page.locator(`#invoice-lines tr[data-order-id="${order!.id}"]`);
      await invoiceLine.waitFor();
      expect(await invoiceLine.locator('td').first().textContent()).toContain('Windowsill dusting, 7 Catnip Court');
      expect(await invoiceLine.locator('td.num').textContent()).toBe(invoice.lines[0]!.price);
      expect(await page.textContent('#invoice-subtotal')).toBe(invoice.subtotal);
      expect(await page.textContent('#invoice-total')).toBe(invoice.total);
      expect(invoice.lines[0]!.price).toBe(completed.price);

      await page.screenshot({ path: ARTIFACT, fullPage: true });
      if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(ARTIFACT, README_SCREENSHOT);

      // Sign out: back to the form, the tokens gone from the page and the refresh token revoked.
      const refreshToken = await page.evaluate(
        () => (JSON.parse(localStorage.getItem('chorecat.client-web.tokens') ?? '{}') as { refreshToken?: string }).refreshToken,
      );
      expect(refreshToken).toBeTruthy();
      await page.click('#sign-out');
      await page.locator('#sign-in').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('chorecat.client-web.tokens'))).toBeNull();
      await t.api.post('/v1/auth/refresh').send({ refreshToken }).expect(401);

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});

/** Waits until the element's text contains `text` (the page renders after its API calls answer). */
async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 10_000 });
  expect(await page.textContent(selector)).toContain(text);
}
