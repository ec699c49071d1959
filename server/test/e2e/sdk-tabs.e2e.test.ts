import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import type * as Sdk from '@chorecat/sdk';
import { ManualClock } from '../../src/platform/clock.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

/**
 * Two tabs of one origin share the tokens in localStorage. When both find
 * the access token expired at once, exactly one refreshes (a Web Lock) and
 * the other uses its tokens: a second exchange of the same refresh token
 * would be taken for theft and sign both out. Real headless Chromium, a page
 * bundling the SDK, served from an origin that proxies /v1 to the server.
 */
describe('SDK sessions across browser tabs', () => {
  const tokenClock = new ManualClock('2026-10-01T10:00:00Z');
  let t: TestPlatform;
  let user: { email: string };
  let origin: string;
  let site: Server;
  let browser: Browser;
  let refreshes = 0;

  beforeAll(async () => {
    t = await createTestPlatform({ tokenClock });
    user = await t.userWithRoles(['manager']);
    const api = await t.listen();
    const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sdk/src');
    const bundle = await build({
      stdin: { contents: "import * as sdk from './index.ts'; (globalThis as any).sdk = sdk;", resolveDir: sdkDir, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    site = createServer(async (req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><title>tab</title><script type="module" src="/sdk.js"></script>');
      }
      if (req.url === '/sdk.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(script);
      }
      // Same origin for the page: /v1 goes to the running server.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const isRefresh = req.url === '/v1/auth/refresh';
      if (isRefresh) refreshes++;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection')) as Record<
        string,
        string
      >;
      const upstream = await fetch(`${api}${req.url}`, { method: req.method, headers, body });
      // A slow refresh answer widens the window in which the other tab could refresh too.
      if (isRefresh) await new Promise((resolve) => setTimeout(resolve, 300));
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    site?.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
    await t?.close();
  });

  const openTab = async (page: Page) => {
    await page.goto(origin);
    await page.waitForFunction(() => 'sdk' in globalThis);
    await page.evaluate(() => {
      const w = globalThis as unknown as { sdk: typeof Sdk; client: unknown; expired: string[] };
      w.expired = [];
      w.client = w.sdk.createChorecat({
        baseUrl: location.origin,
        tokenStore: w.sdk.localStorageTokenStore(),
        onSessionExpired: (reason) => w.expired.push(reason),
      });
    });
  };
  const me = (page: Page) =>
    page.evaluate(async () => {
      const w = globalThis as unknown as { client: Sdk.ChorecatClient };
      return (await w.client.GET('/v1/me')).response.status;
    });
  const stored = (page: Page) =>
    page.evaluate(() => JSON.parse(localStorage.getItem('chorecat.tokens') ?? 'null') as { refreshToken: string } | null);

  const twoTabs = async (options: { webLocks: boolean; at: string }) => {
    const context = await browser.newContext();
    // A browser without Web Locks (before 2022): the lease in localStorage takes over.
    if (!options.webLocks) await context.addInitScript(() => Object.defineProperty(navigator, 'locks', { value: undefined }));
    const [first, second] = [await context.newPage(), await context.newPage()];
    await openTab(first);
    await openTab(second);
    expect(await first.evaluate(() => typeof navigator.locks?.request)).toBe(options.webLocks ? 'function' : 'undefined');
    tokenClock.set(options.at);
    await first.evaluate(
      async ({ email }) => {
        const w = globalThis as unknown as { sdk: typeof Sdk; client: Sdk.ChorecatClient };
        await w.sdk.signIn(w.client, w.sdk.localStorageTokenStore(), { email, password: 'test-password' });
      },
      { email: user.email },
    );
    expect([await me(first), await me(second)]).toEqual([200, 200]);
    const signedIn = await stored(first);

    tokenClock.set(new Date(Date.parse(options.at) + 20 * 60_000));
    refreshes = 0;
    const statuses = await Promise.all([me(first), me(second), me(first), me(second)]);
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(refreshes).toBe(1);
    const renewed = await stored(second);
    expect(renewed!.refreshToken).not.toBe(signedIn!.refreshToken);
    expect(await first.evaluate(() => (globalThis as unknown as { expired: string[] }).expired)).toEqual([]);
    expect(await second.evaluate(() => (globalThis as unknown as { expired: string[] }).expired)).toEqual([]);

    // The renewed family is intact: the next expiry refreshes again, still once.
    tokenClock.set(new Date(Date.parse(options.at) + 40 * 60_000));
    expect(await Promise.all([me(second), me(first)])).toEqual([200, 200]);
    expect(refreshes).toBe(2);
    await context.close();
  };

  it('refreshes once for two tabs whose access tokens expired at the same time; both stay signed in', async () => {
    await twoTabs({ webLocks: true, at: '2026-10-01T10:00:00Z' });
  });

  it('does the same without Web Locks, through a lease in localStorage', async () => {
    await twoTabs({ webLocks: false, at: '2026-10-02T10:00:00Z' });
  });
});
