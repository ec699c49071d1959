import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/**
 * Headless Chromium for browser tests: the binary that `npm install` brings
 * (@sparticuz/chromium, STACK.md), so `npm test` needs nothing else on a
 * fresh machine. Not --single-process (its Lambda default): pages and
 * contexts as a desktop browser runs them, and closing a context does not
 * end the browser. Not --disable-web-security (also its default): the page
 * keeps a browser's same-origin rules, so a test cannot pass on a call a
 * partner's browser would refuse (CORS). No background networking: this
 * machine's network is closed.
 */
const DROPPED_ARGS = ['--single-process', '--disable-web-security'];

export async function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args.filter((arg) => !DROPPED_ARGS.includes(arg)), '--no-sandbox', '--disable-background-networking'],
    headless: true,
  });
}

/** Signs in to the panel through its login form, as a manager would; resolves on the panel's first page. */
export async function signInToPanelPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.press('input[name=password]', 'Enter')]);
}
