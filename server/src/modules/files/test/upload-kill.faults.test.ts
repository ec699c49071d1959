import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../../../../test/helpers/database.ts';
import { runCli, startCli } from '../../../../test/helpers/cli.ts';
import { freePort } from '../../../../test/helpers/global-setup.ts';
import { pngOfSize } from '../../../../test/helpers/images.ts';
import { loadConfig } from '../../../platform/config.ts';
import { MODULES } from '../../index.ts';

/**
 * A real `chorecat start` SIGKILLed in the middle of an upload, between
 * storing the bytes and inserting their row (this test's connection holds
 * a lock that makes the insert wait, so the kill falls exactly there, and
 * ends the killed process's waiting session so its insert never runs). No row
 * without its file; the file without a row is removed by `files.sweep` once
 * it is an hour old (its time set back here, as the sweep reads the disk's).
 */
function secretsEnv(): Record<string, string> {
  const variables = Object.values(loadConfig({ NODE_ENV: 'development' }, MODULES).secretVariables);
  return Object.fromEntries(variables.map((name) => [name, `${name.toLowerCase()}-upload-kill-0123456789abcdef`]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('an upload killed between its bytes and its row', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-upload-kill-'));
  const filesDir = path.join(dataDir, 'files');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let env: Record<string, string>;
  let server: ReturnType<typeof startCli> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    env = {
      ...secretsEnv(),
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SUPPLIER_STAND_IN: '0',
      GOLDEN_HAT_STAND_IN: '0',
      PANEL: 'off',
      ROLE: 'api',
      PORT: String(await freePort()),
    };
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await observer?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('leaves no row without its file, and the sweep removes the file without a row', async () => {
    server = startCli(env);
    await server.ready;
    const url = `http://127.0.0.1:${env.PORT}`;
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'worker1@chorecat.test', password: 'chorecat-demo' }),
    });
    expect(login.status).toBe(200);
    const token = ((await login.json()) as { accessToken: string }).accessToken;

    // Inserts into files wait behind this lock (reads do not): the bytes get stored, their row cannot be.
    await observer.query('BEGIN');
    await observer.query('LOCK TABLE files IN SHARE MODE');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pngOfSize(2 * 1024 * 1024))], { type: 'image/png' }), 'photo.png');
    const upload = fetch(`${url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).catch(
      (error: unknown) => error,
    );
    try {
      for (let waited = 0; ; waited += 50) {
        const { rows } = await observer.query("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'files'::regclass");
        if (rows.length > 0) break;
        if (waited > 20_000) {
          const activity = await observer.query(
            'SELECT state, wait_event_type, left(query, 120) AS q FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
          );
          const early = await Promise.race([upload, sleep(100).then(() => 'pending')]);
          throw new Error(
            `the upload never reached its insert: ${JSON.stringify(activity.rows)} ${early instanceof Response ? `${early.status} ${await early.text()}` : String(early)}`,
          );
        }
        await sleep(50);
      }
      server.child.kill('SIGKILL');
      expect(await server.signal).toBe('SIGKILL');
      expect(await upload).toBeInstanceOf(Error);
      // A backend waiting on a lock does not notice its client died: left alone, it would insert the row once the
      // lock goes (the file and its row, whole: the other consistent outcome). Ended here for the outcome this test
      // is about, as when the kill falls before the insert reaches the database: bytes stored, no row.
      await observer.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE NOT granted AND relation = 'files'::regclass AND pid <> pg_backend_pid()",
      );
    } finally {
      await observer.query('ROLLBACK');
    }

    // The bytes whole under their key, no temporary file, and no row: garbage, not a broken reference.
    const left = filesUnder(filesDir);
    expect(left.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect((await observer.query('SELECT count(*)::int AS n FROM files')).rows[0].n).toBe(0);

    // Young, it is kept (an upload could still be in flight); an hour old, the sweep removes it.
    const sweep = () => runCli(['jobs', 'run', 'files.sweep'], { ...env, LOG_LEVEL: 'info' });
    expect((await sweep()).code).toBe(0);
    expect(filesUnder(filesDir)).toEqual(left);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(left[0]!, twoHoursAgo, twoHoursAgo);
    const swept = await sweep();
    expect(swept.code, swept.stdout + swept.stderr).toBe(0);
    expect(filesUnder(filesDir), swept.stdout + swept.stderr).toEqual([]);
  });
});
