import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { ensureDatabase } from '../../src/platform/embedded-db.ts';
import { hashPassword } from '../../src/modules/identity/index.ts';
import { freePort } from '../helpers/global-setup.ts';
import { REPO } from '../helpers/cli.ts';

/**
 * `npm run build`, then the built server as production runs it: `NODE_ENV=production node server/dist/cli.js
 * start`, in a process of its own, with plain Node (no tsx), on an empty database (DATABASE_URL) that it
 * migrates with the built migrations. Built into dist-test, so a developer's dist is left alone; the panel
 * bundle comes from the cache the global setup filled, so the build takes seconds.
 */
const DIST = 'dist-test';

describe('the production build', () => {
  let child: ChildProcess | undefined;
  let output = '';
  let base: string;
  let databaseUrl: string;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/scripts/build.ts', '--dist', DIST, '--no-sdk'], { cwd: REPO });
    const url = new URL(inject('maintenanceUrl'));
    url.pathname = `/chorecat_build_${process.pid}`;
    databaseUrl = url.toString();
    await ensureDatabase(inject('maintenanceUrl'), url.pathname.slice(1));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(REPO, 'server', DIST, 'cli.js'), 'start'], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        PUBLIC_URL: base,
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'build-test-jwt-secret-0123456789abcdef',
        SESSION_SECRET: 'build-test-session-secret-0123456789abcdef',
        SUPPLIER_URL: 'http://127.0.0.1:9',
        SUPPLIER_API_KEY: 'build-test-supplier-key',
        SUPPLIER_WEBHOOK_SECRET: 'build-test-supplier-webhook-secret',
        GOLDEN_HAT_URL: 'http://127.0.0.1:9',
        GOLDEN_HAT_API_KEY: 'build-test-golden-hat-key',
        GOLDEN_HAT_WEBHOOK_SECRET: 'build-test-golden-hat-webhook-secret',
        WEBHOOKS_ENCRYPTION_KEY: 'build-test-webhooks-encryption-key-0123456789',
        // Jobs off: this process serves HTTP only, as one of several API processes would.
        ROLE: 'api',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    // The banner comes once the panel is built too.
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output}`);
      if (output.includes('Chorecat is running.')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (databaseUrl) {
      const admin = new pg.Client({ connectionString: inject('maintenanceUrl') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(databaseUrl).pathname.slice(1))} WITH (FORCE)`);
      await admin.end();
    }
    for (const dir of ['server', 'admin']) rmSync(path.join(REPO, dir, DIST), { recursive: true, force: true });
  });

  it('is ready, signs a manager in to the API and the panel, and serves the prebuilt panel bundle', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      "INSERT INTO users (email, name, password_hash, roles, email_verified_at) VALUES ('boss@chorecat.test', 'Boss', $1, ARRAY['manager'], now())",
      [await hashPassword('build-test-password')],
    );
    await client.end();

    const api = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@chorecat.test', password: 'build-test-password' }),
    });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { accessToken?: string }).accessToken).toEqual(expect.any(String));

    const panel = await fetch(`${base}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: 'email=boss%40chorecat.test&password=build-test-password',
    });
    expect(panel.status).toBe(302);
    const cookie = panel.headers.getSetCookie().find((c) => c.startsWith('chorecat.admin='));
    expect(cookie).toBeDefined();
    const dashboard = await fetch(`${base}/admin`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('components.bundle.js');

    const bundle = await fetch(`${base}/admin/frontend/assets/components.bundle.js`);
    expect(bundle.status).toBe(200);
    const text = await bundle.text();
    // The production bundle (minified, no inline source map), with the panel's own components in it.
    expect(text).toContain('ChorecatDashboard');
    expect(text).not.toContain('sourceMappingURL=data:');
    expect(output).not.toMatch(/AdminJS: bundling/);
  });
});
