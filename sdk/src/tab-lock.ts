import type { TokenStorage } from './token-storage.ts';

type LeaseStorage = TokenStorage;

/**
 * Runs `run` while holding the lock `name` across the tabs of one origin:
 * a Web Lock where the browser has them (`navigator.locks`: every current
 * browser, secure contexts only, which includes http://localhost), else a
 * lease in `storage` (see leaseLock).
 */
export async function withTabLock<T>(name: string, storage: LeaseStorage, run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return (await locks.request(name, run)) as T;
  return leaseLock(name, storage, run);
}

const LEASE_MS = 15_000;
const SETTLE_MS = 60;
const POLL_MS = 50;

/**
 * The fallback without Web Locks: a lease `{ owner, until }` under `name` in
 * localStorage. A tab writes its lease when there is none (or it ran out),
 * waits SETTLE_MS and holds the lock if its lease is still there: of two
 * tabs writing at the same moment the last write wins and the other waits.
 * Storage has no compare-and-set, so two tabs writing more than SETTLE_MS
 * apart yet both before either read is not excluded; a lease ends after
 * LEASE_MS, so a tab closed while holding it does not block the others.
 */
async function leaseLock<T>(name: string, storage: LeaseStorage, run: () => Promise<T>): Promise<T> {
  const owner = globalThis.crypto.randomUUID();
  const read = () => {
    try {
      return JSON.parse(storage.getItem(name) ?? 'null') as { owner: string; until: number } | null;
    } catch {
      return null;
    }
  };
  for (;;) {
    const lease = read();
    if (!lease || lease.until < Date.now()) {
      storage.setItem(name, JSON.stringify({ owner, until: Date.now() + LEASE_MS }));
      await pause(SETTLE_MS);
      if (read()?.owner === owner) break;
    }
    await pause(POLL_MS);
  }
  try {
    return await run();
  } finally {
    if (read()?.owner === owner) storage.removeItem(name);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
