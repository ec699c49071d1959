import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { sql } from '../../src/platform/database.ts';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { testPanel } from '../helpers/panel.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');
// One written moment: the business time zone's date and time, with its offset.
const MOMENT = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}/;

/**
 * The panel as a manager's browser draws it: the orders list and an
 * invoice show people by name, money with its unit, a discount as a
 * percentage and every date in the business time zone (TZ_BUSINESS, here
 * Berlin, so the offset is not UTC's) whatever the browser's own zone.
 */
describe('the panel shows names, money and dates in one format', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestPlatform({
      env: { TZ_BUSINESS: 'Europe/Berlin' },
      mountBeforeApi: testPanel(),
    });
    baseUrl = await t.listen();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists orders and shows an invoice', async () => {
    const manager = await t.userWithRoles(['manager']);
    const client = await t.userWithRoles(['client'], 'whiskers@chorecat.test');
    await sql(t.db, "UPDATE users SET name = 'Whiskers Mayfair' WHERE id = $1", [client.id]);
    const serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Perch', description: '', durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const order = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${client.token}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + 30 * 3600_000).toISOString(), address: '7 Display Lane' })
      .expect(201);
    await sql(t.db, 'UPDATE orders SET price_cents = 10000 WHERE id = $1', [order.body.id]);
    // The order, completed in the invoice's period, is its one line.
    await sql(
      t.db,
      "INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end) VALUES ($1, $2, 10000, '2026-11-20T10:00:00Z', '2026-12-01T00:00:00Z')",
      [order.body.id, client.id],
    );
    const [invoice] = await sql<{ id: string }>(
      t.db,
      `INSERT INTO invoices (id, client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at)
       VALUES (gen_random_uuid(), $1, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 20000, 0, 5, 1000, 19000, 'unpaid', now()) RETURNING id`,
      [client.id],
    );

    // The browser in another zone than the business's: the page must not follow it.
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToPanelPage(page, baseUrl, manager.email, 'test-password');

    await page.goto(`${baseUrl}/admin/resources/orders`);
    const row = page.locator('tr', { hasText: '100.00 cat-units' });
    await row.waitFor({ timeout: 60_000 });
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowText).toContain('Whiskers Mayfair <whiskers@chorecat.test>');
    expect(rowText).not.toContain(client.id);
    expect(rowText).toMatch(MOMENT);
    expect(await row.locator('[data-status-tone]').first().getAttribute('data-status-tone')).toBe('waiting');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-orders.png'), fullPage: true });

    await page.goto(`${baseUrl}/admin/resources/invoices/records/${invoice!.id}/show`);
    await page.getByText('190.00 cat-units').waitFor();
    const body = (await page.locator('section, main, body').first().innerText()).replace(/\s+/g, ' ');
    expect(body).toContain('Whiskers Mayfair <whiskers@chorecat.test>');
    expect(body).toContain('5 %');
    expect(body).toContain('10.00 cat-units');
    // 2026-11-01T00:00Z is one in the morning in Berlin (winter time), not the evening before in New York.
    expect(body).toContain('2026-11-01 01:00 UTC+01:00');
    // Its line: the order, completed at 10:00 UTC, priced.
    const line = (await page.locator('[data-lines="lines"] tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(line).toContain(order.body.id);
    expect(line).toContain('2026-11-20 11:00 UTC+01:00');
    expect(line).toContain('100.00 cat-units');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-invoice.png'), fullPage: true });
    // The panel scrolls inside its own pane: the lines, below the fold, get a picture of their own.
    await page.locator('[data-lines="lines"]').screenshot({ path: path.join(ARTIFACTS, 'panel-invoice-lines.png') });
    // An array column (a worker's skills) reads as its items, not "Length: 2".
    const worker = await t.userWithRoles(['worker']);
    await sql(
      t.db,
      "INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at) VALUES ($1, 'CP-SIA-2031-9003', 'Tom', 'Siamese', 3, '{claws,purring}', now())",
      [worker.id],
    );
    await page.goto(`${baseUrl}/admin/resources/worker_profiles`);
    const workerRow = page.locator('tr', { hasText: 'CP-SIA-2031-9003' });
    await workerRow.waitFor();
    expect(await workerRow.innerText()).toContain('claws, purring');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
