import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, watch } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../../../../test/helpers/database.ts';
import { runCli, startCli } from '../../../../test/helpers/cli.ts';
import { freePort } from '../../../../test/helpers/global-setup.ts';
import { pngOfSize } from '../../../../test/helpers/images.ts';
import { MAX_UPLOAD_BYTES } from '../../../platform/http/openapi.ts';
import { TEMP_PREFIX } from '../../../platform/storage.ts';
import { secretsEnv } from '../../../../test/helpers/secrets-env.ts';
import { filesUnder } from './files-on-disk.ts';

/**
 * A real `chorecat start` SIGKILLed in the middle of an upload, at three
 * moments, and started again after each kill:
 * - between storing the bytes and inserting their row (this test's connection
 *   holds a lock that makes the insert wait, so the kill falls exactly there,
 *   and ends the killed process's waiting session so its insert never runs):
 *   no row without its file; the file without a row is removed by
 *   `files.sweep` once it is an hour old (its time set back here, as the sweep
 *   reads the disk's);
 * - while the request body is still arriving (half of it sent, and read by the
 *   process, as the kernel's socket queues show): nothing on disk, no row;
 * - while the bytes are being written (killed the moment inotify reports the
 *   first write into the temporary file): that file and no row; the sweep keeps
 *   it while young and removes it once an hour old, and keeps what a row names.
 */
/**
 * The kernel's queues of the TCP connection from port `local` to port `remote`, seen from `local`'s end
 * (/proc/net/tcp and tcp6: a server listening on `::` holds IPv4 connections there): `rx`, bytes arrived that
 * the process has not read; `tx`, bytes written that the other end has not acknowledged.
 */
function tcpQueues(local: number, remote: number): { tx: number; rx: number } | undefined {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 5) continue;
      const port = (address: string) => parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
      if (port(fields[1]!) !== local || port(fields[2]!) !== remote) continue;
      const [tx, rx] = fields[4]!.split(':').map((hex) => parseInt(hex, 16));
      return { tx: tx!, rx: rx! };
    }
  }
  return undefined;
}

/** Polls `probe` every 20 ms until it answers true, failing with `what` after `timeoutMs`. */
async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

describe('an upload killed mid-way', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-upload-kill-'));
  const filesDir = path.join(dataDir, 'files');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let env: Record<string, string>;
  let server: ReturnType<typeof startCli> | undefined;
  let token: string | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    env = {
      ...secretsEnv('upload-kill'),
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SUPPLIER_STAND_IN: '0',
      GOLDEN_HAT_STAND_IN: '0',
      PANEL: 'off',
      ROLE: 'api',
    };
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await observer?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** A fresh `chorecat start` (the previous one must have ended), on a fresh port: the process and its base URL. */
  async function start(): Promise<{ cli: ReturnType<typeof startCli>; url: string }> {
    if (server && server.child.exitCode === null && server.child.signalCode === null) throw new Error('the last server still runs');
    env.PORT = String(await freePort());
    const cli = startCli(env);
    server = cli;
    await cli.ready;
    return { cli, url: `http://127.0.0.1:${env.PORT}` };
  }

  /** A worker's access token (signed with the fixed secrets, so good across restarts); logged in once. */
  async function accessToken(url: string): Promise<string> {
    if (token) return token;
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'worker1@chorecat.test', password: 'chorecat-demo' }),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
    return token;
  }

  function upload(url: string, bytes: Buffer): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
    return fetch(`${url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  }

  /** Once the killed process's sessions are gone: PostgreSQL has run, or dropped, every statement it had sent. */
  async function untilSessionsGone(): Promise<void> {
    await until('the killed process has no session left', async () => {
      const { rows } = await observer.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return rows[0].n === 0;
    });
  }

  const fileRows = async (): Promise<string[]> =>
    (await observer.query('SELECT id FROM files ORDER BY id')).rows.map((r) => r.id as string);
  const sweep = () => runCli(['jobs', 'run', 'files.sweep'], { ...env, LOG_LEVEL: 'info' });

  it('leaves no row without its file, and the sweep removes the file without a row', async () => {
    const { cli, url } = await start();
    await accessToken(url);

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
        // This database's: every test database is a clone of one template, its `files` table the same oid in each.
        const { rows } = await observer.query(
          "SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'files'::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        );
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
      cli.child.kill('SIGKILL');
      expect(await cli.signal).toBe('SIGKILL');
      expect(await upload).toBeInstanceOf(Error);
      // A backend waiting on a lock does not notice its client died: left alone, it would insert the row once the
      // lock goes (the file and its row, whole: the other consistent outcome). Ended here for the outcome this test
      // is about, as when the kill falls before the insert reaches the database: bytes stored, no row.
      await observer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE NOT granted AND relation = 'files'::regclass AND pid <> pg_backend_pid()
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
    } finally {
      await observer.query('ROLLBACK');
    }

    // The bytes whole under their key, no temporary file, and no row: garbage, not a broken reference.
    const left = filesUnder(filesDir);
    expect(left.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect((await observer.query('SELECT count(*)::int AS n FROM files')).rows[0].n).toBe(0);

    // Young, it is kept (an upload could still be in flight); an hour old, the sweep removes it.
    expect((await sweep()).code).toBe(0);
    expect(filesUnder(filesDir)).toEqual(left);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(left[0]!, twoHoursAgo, twoHoursAgo);
    const swept = await sweep();
    expect(swept.code, swept.stdout + swept.stderr).toBe(0);
    expect(filesUnder(filesDir), swept.stdout + swept.stderr).toEqual([]);
  });

  it('leaves nothing on disk and no row when killed while the request body is still arriving', async () => {
    const { cli, url } = await start();
    await accessToken(url);
    const rowsBefore = await fileRows();
    const filesBefore = filesUnder(filesDir);

    // The multipart body by hand, so that only its first half is sent: one part, a 2 MB PNG (the limit is 10 MB).
    const boundary = 'chorecat-upload-kill-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
      pngOfSize(2 * 1024 * 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const half = Math.floor(body.length / 2);
    const request = http.request(`${url}/v1/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
    });
    const outcome = new Promise<string>((resolve) => {
      request.on('response', (response) => resolve(`answered ${response.statusCode}`));
      request.on('error', (error) => resolve(`failed: ${error.message}`));
    });
    // Called once the half has left this process for the kernel.
    await new Promise<void>((resolve, reject) => request.write(body.subarray(0, half), (error) => (error ? reject(error) : resolve())));
    const socket = request.socket!;
    const [serverPort, clientPort] = [Number(env.PORT), socket.localPort!];
    // The process has read the half: the kernel holds none of it, the client's end having every byte acknowledged
    // and the server's end none unread. Node stops reading a request's socket once 16 kB of its body wait unread,
    // so the reader is the upload's multipart parser, which keeps the parts in memory.
    await until('the server has read every byte sent', () => {
      const ours = tcpQueues(clientPort, serverPort);
      const theirs = tcpQueues(serverPort, clientPort);
      return ours?.tx === 0 && theirs?.rx === 0;
    });
    expect(socket.bytesWritten).toBeGreaterThanOrEqual(half); // the half and the request's head
    expect(socket.bytesWritten).toBeLessThan(body.length);
    // And it is still in the request, waiting for the rest: no answer (a refusal, such as a 401 or 413, would be one).
    expect(await Promise.race([outcome, sleep(300).then(() => 'no answer yet')])).toBe('no answer yet');
    cli.child.kill('SIGKILL');
    expect(await cli.signal).toBe('SIGKILL');
    expect(await outcome).toMatch(/^failed: /);
    await untilSessionsGone();

    // Nothing of it anywhere under the files folder (no temporary file either), and no row.
    expect(filesUnder(filesDir)).toEqual(filesBefore);
    expect(await fileRows()).toEqual(rowsBefore);

    // Started again, the same photo sent whole is stored: its file and its row, and nothing else.
    const again = await start();
    const answer = await upload(again.url, body.subarray(body.indexOf('\r\n\r\n') + 4, body.length - `\r\n--${boundary}--\r\n`.length));
    expect(answer.status, await answer.clone().text()).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    expect(await fileRows()).toEqual([...rowsBefore, id].sort());
    expect(filesUnder(filesDir)).toEqual([...filesBefore, path.join(filesDir, id.slice(0, 2), id)].sort());
    again.cli.child.kill('SIGTERM');
    expect(await again.cli.exited).toBe(0);
  });

  it('leaves a temporary file and no row when killed while the bytes are written; the sweep removes it an hour old', async () => {
    // A watcher on every folder a key can be stored in (its first two hex digits), made beforehand: a folder the
    // upload made would be watched only after its temporary file had been opened in it.
    const folders = Array.from({ length: 256 }, (_, i) => path.join(filesDir, i.toString(16).padStart(2, '0')));
    for (const folder of folders) mkdirSync(folder, { recursive: true });
    const before = filesUnder(filesDir);
    const named = new Set(await fileRows());
    expect(before.filter((file) => !named.has(path.basename(file)))).toEqual([]); // all of them to be kept
    // Near the size limit, so that the write (512 kB at a time) and its fsync last long enough to be hit.
    const bytes = pngOfSize(MAX_UPLOAD_BYTES - 64 * 1024);
    const keyOf = (temporaryFile: string) => path.basename(temporaryFile).slice(TEMP_PREFIX.length).split('.')[0]!;

    // Killed the moment inotify reports a write into the temporary file (its first 512 kB; not its creation, so the
    // kill falls among the writes, not before the first). That can come too late (the write done, renamed, even
    // the row inserted): then the try's outcome is recorded, and the next try is a fresh process.
    const MAX_TRIES = 10;
    const tooLate: { file: string; stored: boolean; row: boolean; answer: string }[] = [];
    let temporary: string | undefined;
    let tries = 0;
    while (!temporary && tries < MAX_TRIES) {
      tries++;
      const { cli, url } = await start();
      await accessToken(url);
      let seen: string | undefined;
      const watchers = folders.map((folder) =>
        watch(folder, (event, name) => {
          if (seen || event !== 'change' || !name?.startsWith(TEMP_PREFIX)) return;
          cli.child.kill('SIGKILL');
          seen = path.join(folder, name);
        }),
      );
      let answer: string;
      try {
        const settled = await upload(url, bytes).catch((error: unknown) => error);
        answer = settled instanceof Response ? `answered ${settled.status}` : `failed: ${(settled as Error).message}`;
        await until(`the watcher saw a write into the temporary file (the upload ${answer})`, () => seen !== undefined, 5_000);
      } finally {
        for (const watcher of watchers) watcher.close();
      }
      expect(await cli.signal).toBe('SIGKILL');
      await untilSessionsGone();
      if (existsSync(seen!)) temporary = seen;
      else {
        const file = path.join(path.dirname(seen!), keyOf(seen!));
        const { rows } = await observer.query('SELECT 1 FROM files WHERE id = $1', [keyOf(seen!)]);
        tooLate.push({ file, stored: existsSync(file), row: rows.length > 0, answer });
      }
    }
    console.info(
      `upload-kill: the kill fell while the bytes were written on try ${tries} of at most ${MAX_TRIES}` +
        (temporary ? ` (the temporary file ${statSync(temporary).size} of ${bytes.length} bytes long)` : ': never') +
        (tooLate.length ? `; too late before: ${JSON.stringify(tooLate)}` : ''),
    );
    expect(temporary, `no try of ${tries} left a temporary file: every kill came after its rename`).toBeDefined();

    // The temporary file, no file under its key and no row; beside it only what was there and what the late tries stored.
    const key = keyOf(temporary!);
    expect(statSync(temporary!).size).toBeGreaterThan(0);
    expect(statSync(temporary!).size).toBeLessThanOrEqual(bytes.length);
    expect(existsSync(path.join(path.dirname(temporary!), key))).toBe(false);
    expect((await observer.query('SELECT 1 FROM files WHERE id = $1', [key])).rows).toEqual([]);
    const stored = tooLate.filter((late) => late.stored);
    expect(filesUnder(filesDir)).toEqual([...before, temporary!, ...stored.map((late) => late.file)].sort());

    // Started again, it stores an upload: its file (with a row) is one more thing the sweep must keep.
    const again = await start();
    const answer = await upload(again.url, pngOfSize(64 * 1024));
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const kept = [...before, ...stored.filter((late) => late.row).map((late) => late.file), path.join(filesDir, id.slice(0, 2), id)].sort();
    const rows = await fileRows();
    const all = filesUnder(filesDir);
    expect(all).toEqual([...kept, temporary!, ...stored.filter((late) => !late.row).map((late) => late.file)].sort());

    // Young, everything is kept: the temporary file could be an upload still being written.
    const young = await sweep();
    expect(young.code, young.stdout + young.stderr).toBe(0);
    expect(filesUnder(filesDir)).toEqual(all);
    // An hour old (all of them), the temporary file goes, and any bytes a late try stored without a row; what a row names stays.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const file of all) utimesSync(file, twoHoursAgo, twoHoursAgo);
    const old = await sweep();
    expect(old.code, old.stdout + old.stderr).toBe(0);
    expect(filesUnder(filesDir), old.stdout + old.stderr).toEqual(kept);
    expect(await fileRows()).toEqual(rows);
    const served = await fetch(`${again.url}/v1/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
  });
});
