import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../../../../test/helpers/database.ts';
import { REPO, startCli, type CliUser } from '../../../../test/helpers/cli.ts';
import { freePort } from '../../../../test/helpers/global-setup.ts';
import { pngOfSize } from '../../../../test/helpers/images.ts';
import { TEMP_PREFIX } from '../../../platform/storage.ts';
import { secretsEnv } from '../../../../test/helpers/secrets-env.ts';
import { filesUnder } from './files-on-disk.ts';

/**
 * Issue #18, fault 6, the commonest case of a disk the server cannot write:
 * a files folder that is not its user's to write (another owner, or its write
 * bits taken away). A real `chorecat start` running as an unprivileged user
 * (`nobody` when the test runs as root, since root ignores file modes; else
 * the test's own user, whom modes bind anyway): the files folder owned by
 * root, then every key's subfolder there but read-only. Each upload is a 503
 * FILES.STORAGE_UNAVAILABLE with Retry-After, its log line naming EACCES,
 * with no row, no file and no temporary file; a file stored before stays
 * served; write access given back, uploads are stored again without a
 * restart. No answer in the whole test is a 500.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const asRoot = process.getuid!() === 0;

/** The user the server runs as: `nobody` under root (looked up, not assumed), else the test's own. */
function serverUser(): Required<CliUser> {
  if (!asRoot) return { uid: process.getuid!(), gid: process.getgid!() };
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

describe('uploads into a files folder the server may not write (issue #18, fault 6)', () => {
  const user = serverUser();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-disk-permissions-'));
  const filesDir = path.join(dataDir, 'files');
  const home = path.join(dataDir, 'home');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let observer: pg.Client;
  let server: ReturnType<typeof startCli>;
  let url: string;
  let token: string;
  const statuses: { request: string; status: number }[] = [];
  let stored: { id: string; bytes: Buffer };

  beforeAll(async () => {
    // The server's user must own its data folder (it writes secrets and the files folder there) and a home.
    mkdirSync(home);
    if (asRoot) for (const dir of [dataDir, home]) chownSync(dir, user.uid, user.gid);
    // It reads the repository (the code, node_modules) as that user: readable and searchable by others, up to /.
    for (let dir = REPO; asRoot; dir = path.dirname(dir)) {
      expect(statSync(dir).mode & 0o005, `${dir} must be readable and searchable by others`).toBe(0o005);
      if (path.dirname(dir) === dir) break;
    }
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    const port = await freePort();
    server = startCli(
      {
        ...secretsEnv('disk-permissions'),
        NODE_ENV: 'development',
        DATABASE_URL: database.url,
        CHORECAT_DATA_DIR: dataDir,
        // tsx keeps its cache under os.tmpdir() (/tmp/tsx-<uid>, world-writable /tmp); HOME is the server user's own.
        HOME: home,
        MAILDEV: '0',
        SUPPLIER_STAND_IN: '0',
        GOLDEN_HAT_STAND_IN: '0',
        PANEL: 'off',
        ROLE: 'api',
        PORT: String(port),
      },
      user,
    );
    await server.ready;
    url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'worker1@chorecat.test', password: 'chorecat-demo' }),
    });
    statuses.push({ request: 'login', status: login.status });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await observer?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  async function upload(bytes: Buffer, key?: string): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (key) headers['idempotency-key'] = key;
    const res = await fetch(`${url}/v1/files`, { method: 'POST', headers, body: form });
    statuses.push({ request: 'upload', status: res.status });
    return res;
  }

  /** The file served under `id`: 200 with exactly `bytes`. */
  async function expectServed(id: string, bytes: Buffer): Promise<void> {
    const res = await fetch(`${url}/v1/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
    statuses.push({ request: 'download', status: res.status });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-sha256')).toBe(sha(bytes));
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  }

  async function expectStored(res: Response, bytes: Buffer): Promise<string> {
    const body = (await res.json()) as { id: string; sha256: string };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.sha256).toBe(sha(bytes));
    await expectServed(body.id, bytes);
    return body.id;
  }

  /** A 503 FILES.STORAGE_UNAVAILABLE with Retry-After; the server's log line for it, found by its requestId. */
  async function expectRefused(res: Response): Promise<string> {
    const text = await res.text();
    expect(res.status, text).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('retry-after')).toBe('60');
    const problem = JSON.parse(text) as { status: number; code: string; requestId: string };
    expect(problem).toMatchObject({ status: 503, code: 'FILES.STORAGE_UNAVAILABLE' });
    // The line reaches this test's end of the pipe when the process's write gets there, which can be after the
    // answer: looked for every 20 ms, for at most 5 s.
    const warning = () =>
      server
        .output()
        .split('\n')
        .slice(0, -1) // whole lines only: the last piece may be a line still arriving
        .find((l) => l.includes(`"requestId":"${problem.requestId}"`) && l.includes('"level":40'));
    for (let waited = 0; !warning() && waited < 5_000; waited += 20) await sleep(20);
    expect(warning(), `no warning logged for ${problem.requestId}:\n${server.output()}`).toBeDefined();
    return warning()!;
  }

  const fileRows = async (): Promise<string[]> =>
    (await observer.query('SELECT id FROM files ORDER BY id')).rows.map((r) => r.id as string);

  /** The files folder's subfolders (one per key's first two hex digits). */
  const subfolders = () =>
    readdirSync(filesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(filesDir, d.name));

  /** Sets a folder's owner and mode, and returns a function that puts back what they were. */
  function setAccess(dir: string, owner: { uid: number; gid: number }, mode: number): () => void {
    const before = statSync(dir);
    if (owner.uid !== before.uid || owner.gid !== before.gid) chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, mode);
    return () => {
      if (owner.uid !== before.uid || owner.gid !== before.gid) chownSync(dir, before.uid, before.gid);
      chmodSync(dir, before.mode & 0o7777);
    };
  }

  it('runs the server as an unprivileged user, and stores a photo while the folder is its own', async () => {
    // /proc's Uid and Gid lines: real, effective, saved and filesystem ids, all the server user's (not root's).
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    expect(status).toMatch(new RegExp(`^Uid:\\t${user.uid}\\t${user.uid}\\t${user.uid}\\t${user.uid}$`, 'm'));
    expect(status).toMatch(new RegExp(`^Gid:\\t${user.gid}\\t${user.gid}\\t${user.gid}\\t${user.gid}$`, 'm'));
    if (asRoot) expect(user.uid).not.toBe(0);

    const bytes = pngOfSize(3000);
    stored = { id: await expectStored(await upload(bytes), bytes), bytes };
    // Made by the server, as its user: the files folder and the key's subfolder.
    expect(statSync(filesDir).uid).toBe(user.uid);
    expect(filesUnder(filesDir)).toEqual([path.join(filesDir, stored.id.slice(0, 2), stored.id)]);
    expect(statSync(filesUnder(filesDir)[0]!).uid).toBe(user.uid);
  });

  it('answers 503 with nothing stored while the files folder is not its own, serves the stored photo, and stores again once it is', async () => {
    const rowsBefore = await fileRows();
    const onDisk = filesUnder(filesDir);
    // The files folder and its subfolder owned by root, 0755, as after a `chown -R root` of the folders (the server
    // user no longer may write there); not root's to give, then the test's own user with the write bits taken away.
    const owner = asRoot ? { uid: 0, gid: 0 } : user;
    const mode = asRoot ? 0o755 : 0o555;
    const restore = [filesDir, ...subfolders()].map((dir) => setAccess(dir, owner, mode));
    const lines: string[] = [];
    try {
      // Random keys: a new subfolder (its mkdir refused) nearly always; the existing one (its open refused) 1 in 256.
      for (const size of [1000, 200 * 1024, 5000]) {
        lines.push(await expectRefused(await upload(pngOfSize(size))));
      }
      for (const line of lines) {
        expect(line).toMatch(
          new RegExp(
            `EACCES: permission denied, (mkdir '${escape(filesDir)}/[0-9a-f]{2}'|open '${escape(filesDir)}/[0-9a-f]{2}/${escape(TEMP_PREFIX)})`,
          ),
        );
      }
      expect(await fileRows()).toEqual(rowsBefore);
      expect(filesUnder(filesDir)).toEqual(onDisk);
      expect(subfolders().map((dir) => statSync(dir).uid)).toEqual(subfolders().map(() => owner.uid)); // none made
      // What is stored is still served.
      await expectServed(stored.id, stored.bytes);
    } finally {
      for (const back of restore) back();
    }
    const bytes = pngOfSize(4000);
    const id = await expectStored(await upload(bytes), bytes);
    expect(await fileRows()).toEqual([...rowsBefore, id].sort());
    expect(filesUnder(filesDir)).toEqual([...onDisk, path.join(filesDir, id.slice(0, 2), id)].sort());
  });

  it("answers 503 with nothing stored while every key's subfolder exists but is read-only, and stores the retried upload once writable", async () => {
    // Every subfolder a key can land in, there and read-only (mode 0555, still the server user's): each upload's
    // mkdir finds its folder, and the temporary file's open is refused.
    for (let i = 0; i < 256; i++) {
      const dir = path.join(filesDir, i.toString(16).padStart(2, '0'));
      if (!existsSync(dir)) {
        mkdirSync(dir);
        if (asRoot) chownSync(dir, user.uid, user.gid);
      }
    }
    const rowsBefore = await fileRows();
    const onDisk = filesUnder(filesDir);
    const restore = subfolders().map((dir) => setAccess(dir, user, 0o555));
    const retried = pngOfSize(6000);
    try {
      const lines = [await expectRefused(await upload(retried, 'disk-permissions-retry-0001'))];
      lines.push(await expectRefused(await upload(pngOfSize(300 * 1024))));
      for (const line of lines) {
        expect(line).toMatch(new RegExp(`EACCES: permission denied, open '${escape(filesDir)}/[0-9a-f]{2}/${escape(TEMP_PREFIX)}`));
      }
      expect(await fileRows()).toEqual(rowsBefore);
      expect(filesUnder(filesDir)).toEqual(onDisk);
      await expectServed(stored.id, stored.bytes);
    } finally {
      for (const back of restore) back();
    }
    // Writable again: the refused upload retried with its key runs (a 503 released it) and is stored whole.
    const again = await upload(retried, 'disk-permissions-retry-0001');
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const id = await expectStored(again, retried);
    expect(await fileRows()).toEqual([...rowsBefore, id].sort());
    expect(filesUnder(filesDir)).toEqual([...onDisk, path.join(filesDir, id.slice(0, 2), id)].sort());
    expect(filesUnder(filesDir).filter((file) => path.basename(file).startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('never answered with a 500, and logged no unexpected error', async () => {
    expect(statuses.filter((s) => s.request === 'upload').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
    expect(statuses.filter((s) => s.status === 503 && s.request !== 'upload')).toEqual([]);
    expect(server.output()).not.toContain('"unexpected error"');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
