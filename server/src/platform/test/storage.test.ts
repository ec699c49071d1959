import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskStorage, writeFileAtomically } from '../storage.ts';

/** The temp-and-rename writer on a real disk; the full and read-only disks are in files/test/disk-faults.faults.test.ts. */
describe('writing a stored file', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-storage-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('puts the whole file in place, readable only by us, and leaves no temporary file', async () => {
    const dir = scratch();
    const file = path.join(dir, 'ab', 'the-file');
    const body = Buffer.alloc(300_000, 7);
    await writeFileAtomically(file, body);
    expect(Buffer.compare(readFileSync(file), body)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['the-file']);
  });

  it('removes its temporary file and leaves nothing at the name when the rename fails', async () => {
    const dir = scratch();
    // A directory where the file should go: the bytes are written and flushed, then the rename fails (EISDIR).
    const file = path.join(dir, 'taken');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    await expect(writeFileAtomically(file, Buffer.alloc(10_000, 1))).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(file)).toEqual(['inside']);
  });

  it('keeps keys ours: a stored name is a UUID, and a delete of nothing is no error', async () => {
    const storage = new DiskStorage(scratch());
    const key = '0b7c2a50-52a4-4a4e-9b7c-0a1e9f7d2c11';
    await storage.put(key, Buffer.from('bytes'));
    expect((await storage.get(key)).toString()).toBe('bytes');
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('storage keys are UUIDs');
  });
});
