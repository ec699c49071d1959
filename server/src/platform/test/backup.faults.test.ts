import { describe, it, expect, afterAll } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { runCli, startCli } from '../../../test/helpers/cli.ts';
import { freePort } from '../../../test/helpers/global-setup.ts';

interface Order {
  id: string;
  serviceTypeId: string;
  startsAt: string;
  address: string;
  status: string;
}

async function call<T>(base: string, method: string, route: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function login(base: string): Promise<string> {
  const { status, body } = await call<{ accessToken: string }>(base, 'POST', '/v1/auth/login', undefined, {
    email: 'client@chorecat.test',
    password: 'chorecat-demo',
  });
  expect(status).toBe(200);
  return body.accessToken;
}

/**
 * `chorecat backup` while the platform runs on its embedded database, then
 * `chorecat restore` into a fresh data folder: the platform started on it
 * serves the same orders, and the tokens signed before still hold (the
 * generated secrets come along).
 */
describe('chorecat backup and restore', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'chorecat-backup-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folders inside.
  chmodSync(root, 0o755);
  const started: ChildProcess[] = [];
  afterAll(async () => {
    // Whatever a failed test left running (SIGTERM: an embedded PostgreSQL stops with its process).
    for (const child of started) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('restores into a fresh data dir that serves the same orders', { timeout: 900_000 }, async () => {
    const [port, dbPort, restoredDbPort, supplierPort, goldenHatPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const base = `http://127.0.0.1:${port}`;
    const common = {
      PORT: String(port),
      MAILDEV: '0',
      SUPPLIER_STAND_IN_PORT: String(supplierPort),
      GOLDEN_HAT_STAND_IN_PORT: String(goldenHatPort),
    };
    const original = { ...common, CHORECAT_DATA_DIR: path.join(root, 'original'), CHORECAT_DB_PORT: String(dbPort) };
    const restored = { ...common, CHORECAT_DATA_DIR: path.join(root, 'restored'), CHORECAT_DB_PORT: String(restoredDbPort) };

    const first = startCli(original);
    started.push(first.child);
    await first.ready;
    const token = await login(base);
    const types = await call<{ data: { id: string }[] }>(base, 'GET', '/v1/service-types', token);
    expect(types.body.data.length).toBeGreaterThan(0);
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const address of ['1 Whisker Lane', '2 Purr Street']) {
      const created = await call<Order>(base, 'POST', '/v1/orders', token, { serviceTypeId: types.body.data[0]!.id, startsAt, address });
      expect(created.status).toBe(201);
    }
    const before = await call<{ data: Order[] }>(base, 'GET', '/v1/orders', token);
    expect(before.body.data.map((o) => o.address).sort()).toEqual(['1 Whisker Lane', '2 Purr Street']);

    // Online: the platform keeps running (and writing) while the backup is taken.
    const backups = path.join(root, 'backups');
    const backedUp = await runCli(['backup', '--to', path.join(backups, 'nightly.tar.gz')], original, 180_000);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(new RegExp(`^backed up to ${path.join(backups, 'nightly.tar.gz')} \\(\\d+ kB\\)\\n$`));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const restoring = await runCli(['restore', path.join(backups, 'nightly.tar.gz')], restored, 180_000);
    expect(restoring.stderr).toBe('');
    expect(restoring.code).toBe(0);
    expect(restoring.stdout).toMatch(/^restored into .*restored \(\d+ migrations applied\)/);
    // A second restore into the same folder is refused: it would mix two databases.
    const again = await runCli(['restore', path.join(backups, 'nightly.tar.gz')], restored, 180_000);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a database: restore into a fresh CHORECAT_DATA_DIR/);

    // The admin bundle is rebuilt by any start and is not in a backup; copied here only to spare the test a rebuild.
    const bundle = path.join(original.CHORECAT_DATA_DIR, 'admin-bundle');
    if (existsSync(bundle)) cpSync(bundle, path.join(restored.CHORECAT_DATA_DIR, 'admin-bundle'), { recursive: true });
    const second = startCli(restored);
    started.push(second.child);
    await second.ready;
    try {
      // The token signed by the original still holds: the generated secrets were restored with the database.
      const after = await call<{ data: Order[] }>(base, 'GET', '/v1/orders', token);
      expect(after.status).toBe(200);
      expect(after.body.data).toEqual(before.body.data);
      expect(await login(base)).toEqual(expect.any(String));
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('leaves a managed database to its provider', { timeout: 150_000 }, async () => {
    const result = await runCli(['backup'], { DATABASE_URL: 'postgres://127.0.0.1:1/none', MAILDEV: '0' }, 120_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "chorecat: backup copies the embedded database; with DATABASE_URL use your provider's backups (or pg_dump of the server's major version)\n",
    );
  });
});
