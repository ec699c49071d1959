import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli, startCli as startServer } from '../../../test/helpers/cli.ts';
import { freePort } from '../../../test/helpers/global-setup.ts';
import pg from 'pg';
import { assertPortFree, DEAD_CLIENT_CHECK, embeddedUrl } from '../embedded-db.ts';

/** Whether something listens on the port: tested by binding it (a connect probe can self-connect on loopback). */
async function portOpen(port: number): Promise<boolean> {
  try {
    await assertPortFree(port);
    return false;
  } catch {
    return true;
  }
}

/**
 * `chorecat start` as `npm start` runs it: embedded PostgreSQL in a data
 * folder, migrations, demo seed, HTTP, jobs; SIGTERM stops all of it.
 */
describe('chorecat start on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'comes up ready, serves docs and admin, stops within 10 s on SIGTERM, and a second start reuses the data',
    { timeout: 120_000 },
    async () => {
      const [port, dbPort, smtpPort, webPort, supplierPort, goldenHatPort] = await Promise.all([
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
      ]);
      const env = {
        PORT: String(port),
        CHORECAT_DATA_DIR: dataDir,
        CHORECAT_DB_PORT: String(dbPort),
        MAILDEV_SMTP_PORT: String(smtpPort),
        MAILDEV_WEB_PORT: String(webPort),
        SUPPLIER_STAND_IN_PORT: String(supplierPort),
        GOLDEN_HAT_STAND_IN_PORT: String(goldenHatPort),
      };
      const first = startServer(env);
      await first.ready;
      expect(first.output()).toContain(`http://localhost:${port}/docs`);
      expect(first.output()).toContain('manager@chorecat.test');
      expect(first.output()).toContain(`Mailbox     http://localhost:${webPort}`);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect((await fetch(`${base}/docs`)).status).toBe(200);
      expect((await fetch(`${base}/admin/login`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${webPort}/`)).status).toBe(200);
      // The supplier stand-in is up and wants the generated key.
      expect(first.output()).toContain(`Supplier    http://127.0.0.1:${supplierPort}`);
      expect((await fetch(`http://127.0.0.1:${supplierPort}/v1/cookie-orders/x`)).status).toBe(401);
      const login = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'manager@chorecat.test', password: 'chorecat-demo' }),
      });
      expect(login.status).toBe(200);
      // The cluster `npm start` runs, not only the tests' throwaway one, ends a dead client's statement.
      const direct = new pg.Client({ connectionString: embeddedUrl(dbPort, 'chorecat') });
      await direct.connect();
      const setting = await direct.query<{ v: string }>("SELECT current_setting('client_connection_check_interval') AS v");
      await direct.end();
      expect(setting.rows[0]!.v).toBe(DEAD_CLIENT_CHECK);

      const stoppedAt = Date.now();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      // PostgreSQL and the HTTP server are gone with it.
      expect(await portOpen(dbPort)).toBe(false);
      expect(await portOpen(port)).toBe(false);
      expect(await portOpen(supplierPort)).toBe(false);
      expect(await portOpen(goldenHatPort)).toBe(false);

      const second = startServer(env);
      await second.ready;
      const again = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'worker3@chorecat.test', password: 'chorecat-demo' }),
      });
      expect(again.status).toBe(200);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(await portOpen(dbPort)).toBe(false);
    },
  );

  it('says in one line that the port is taken', { timeout: 60_000 }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runCli(['start'], { PORT: String(port), CHORECAT_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^chorecat: port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('says in one line which variable is invalid', async () => {
    const result = await runCli(['start'], { PORT: 'eighty', TZ_BUSINESS: 'Nowhere/Land' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'chorecat: invalid configuration: PORT Expected number, received nan; TZ_BUSINESS must be an IANA time zone such as Europe/Paris',
    );
  });

  it('refuses to start production with the sandbox clock on', async () => {
    const result = await runCli(['start'], {
      NODE_ENV: 'production',
      CHORECAT_SANDBOX: '1',
      JWT_SECRET: 'j'.repeat(40),
      SESSION_SECRET: 's'.repeat(40),
      DATABASE_URL: 'postgres://127.0.0.1:1/none',
      SUPPLIER_URL: 'https://supplier.example',
      SUPPLIER_API_KEY: 'k'.repeat(20),
      SUPPLIER_WEBHOOK_SECRET: 'w'.repeat(20),
      GOLDEN_HAT_URL: 'https://golden-hat.example',
      GOLDEN_HAT_API_KEY: 'g'.repeat(20),
      GOLDEN_HAT_WEBHOOK_SECRET: 'h'.repeat(20),
      WEBHOOKS_ENCRYPTION_KEY: 'e'.repeat(32),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'chorecat: invalid configuration: CHORECAT_SANDBOX the sandbox clock is refused when NODE_ENV=production',
    );
  });
});
