import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { PNG_1x1, pngOfSize } from '../../../../test/helpers/images.ts';

/**
 * Issue #18, fault 6: the disk under the uploads really full (a 64 kB tmpfs
 * mounted over the files folder) and really read-only (a read-only bind
 * mount): root ignores file modes, so only a mount stops it. Every upload is
 * a 201 or a 503 FILES.STORAGE_UNAVAILABLE, never a 500; a refused one leaves
 * no row, no temporary file and no part of a file; once space or write
 * access is back, uploads work again without a restart.
 */
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });
const umount = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

/** Every regular file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('uploads on a disk that is full or not writable (issue #18, fault 6)', () => {
  let t: TestPlatform;
  let dataDir: string;
  let filesDir: string;
  let worker: { id: string; token: string };
  const statuses: number[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-disk-faults-'));
    filesDir = path.join(dataDir, 'files');
    mkdirSync(filesDir);
    // This test does not skip: without mount (not root, no CAP_SYS_ADMIN) it fails and says why.
    try {
      mount('-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', filesDir);
      umount(filesDir);
    } catch (error) {
      throw new Error(
        `disk-faults needs to mount a tmpfs (run as root, or with CAP_SYS_ADMIN in the container): ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`,
      );
    }
    t = await createTestPlatform({ env: { CHORECAT_DATA_DIR: dataDir } });
    worker = await t.userWithRoles(['worker']);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer, key?: string) => {
    let request = t.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`);
    if (key) request = request.set('idempotency-key', key);
    const res = await request.attach('file', bytes, { filename: 'photo.png', contentType: 'image/png' });
    statuses.push(res.status);
    return res;
  };
  const rowCount = async () =>
    Number((await sql<{ n: string }>(t.db, 'SELECT count(*) AS n FROM files WHERE owner_id = $1', [worker.id]))[0]!.n);
  const expectRefused = (res: Awaited<ReturnType<typeof upload>>) => {
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.body).toMatchObject({ status: 503, code: 'FILES.STORAGE_UNAVAILABLE' });
  };
  const expectStored = async (res: Awaited<ReturnType<typeof upload>>, bytes: Buffer) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sha256).toBe(sha(bytes));
    const back = await t.api.get(`/v1/files/${res.body.id}`).set('authorization', `Bearer ${worker.token}`);
    expect(back.status).toBe(200);
    expect(back.headers['x-content-sha256']).toBe(sha(bytes));
  };

  it('answers 503 FILES.STORAGE_UNAVAILABLE on a full disk, keeps no part of a refused file, and stores again once there is space', async () => {
    mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', filesDir);
    try {
      // Fill the disk to the last block: the write stops at ENOSPC.
      const filler = path.join(filesDir, 'filler');
      expect(() => writeFileSync(filler, Buffer.alloc(1024 * 1024, 1))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
      const before = await rowCount();

      // Full: not even a tiny file fits.
      expectRefused(await upload(PNG_1x1, 'disk-full-retry-0001'));
      expect(filesUnder(filesDir)).toEqual(['filler']);

      // Room for part of a file: 48 kB free, a 200 kB upload written until the disk is full, then removed.
      truncateSync(filler, 16 * 1024);
      const free = statfsSync(filesDir).bavail;
      expectRefused(await upload(pngOfSize(200 * 1024)));
      expect(filesUnder(filesDir)).toEqual(['filler']);
      expect(statfsSync(filesDir).bavail, 'the half-written temporary file gave its blocks back').toBe(free);
      expect(await rowCount()).toBe(before);

      // Space back: the same upload retried with its key runs (a 503 released the key) and is stored whole.
      rmSync(filler);
      const retried = await upload(PNG_1x1, 'disk-full-retry-0001');
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      await expectStored(retried, PNG_1x1);
      const bigger = pngOfSize(40 * 1024);
      const big = await upload(bigger);
      await expectStored(big, bigger);
      expect(await rowCount()).toBe(before + 2);
      // Exactly the two stored files, under their ids: no temporary file left from the refused ones.
      expect(
        filesUnder(filesDir)
          .map((f) => path.basename(f))
          .sort(),
      ).toEqual([retried.body.id, big.body.id].sort());
    } finally {
      umount(filesDir);
    }
  });

  it('answers 503 on a read-only disk while stored files stay readable, and stores again once it is writable', async () => {
    const stored = pngOfSize(2048);
    const first = await upload(stored);
    await expectStored(first, stored);
    const before = await rowCount();
    const onDisk = filesUnder(filesDir);

    mount('--bind', filesDir, filesDir);
    try {
      mount('-o', 'remount,bind,ro', filesDir);
      expect(() => writeFileSync(path.join(filesDir, 'probe'), 'x')).toThrow(expect.objectContaining({ code: 'EROFS' }));
      expectRefused(await upload(PNG_1x1));
      expectRefused(await upload(pngOfSize(100 * 1024)));
      expect(await rowCount()).toBe(before);
      expect(filesUnder(filesDir)).toEqual(onDisk);
      // What is stored is still served.
      await expectStored(first, stored);
    } finally {
      umount(filesDir);
    }
    const after = pngOfSize(4096);
    await expectStored(await upload(after), after);
    expect(await rowCount()).toBe(before + 1);
    expect(filesUnder(filesDir).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
  });

  it('never answered an upload with anything but 201 or 503', () => {
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(t.logLines.filter((line) => line.includes('"unexpected error"'))).toEqual([]);
  });
});
