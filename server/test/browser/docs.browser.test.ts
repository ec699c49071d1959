import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

// A test artifact (test-artifacts/, not committed), refreshed on every run.
const ARTIFACT = path.resolve(import.meta.dirname, '../../../test-artifacts/docs.png');

/** A port free right now, so PUBLIC_URL can name the address the server then listens on. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The docs page (/docs, Scalar served offline) in headless Chromium, on a
 * server whose PUBLIC_URL is not the contract's committed localhost:3000:
 * the page loads with nothing logged as an error or a document validation
 * warning, and its "Test Request" targets this server.
 */
describe('the docs page in headless Chromium', () => {
  let t: TestPlatform;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestPlatform({ env: { PUBLIC_URL: base } });
    server = t.platform.app.listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await t?.close();
  });

  it('loads with no console errors or validation warnings, and sends "Test Request" to PUBLIC_URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /validation/i.test(message.text())) problems.push(`${message.type()}: ${message.text()}`);
    });
    const served = page.waitForResponse((res) => res.url() === `${base}/openapi.json`);
    await page.goto(`${base}/docs`);
    const document = (await (await served).json()) as { servers: { url: string }[] };
    expect(document.servers[0]!.url).toBe(base);

    // Scalar validates the document while adding it, before it renders the operations.
    await page.getByText('Test Request').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    // The request example names the server it will be sent to: this one, not localhost:3000.
    const body = await page.locator('body').innerText();
    expect(body).toContain(base);
    expect(body).not.toContain('localhost:3000');
    await page.screenshot({ path: ARTIFACT });
    await page.close();
  }, 120_000);
});
