import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { reserveHit, releaseHit } from '../../../platform/http/rate-limit.ts';
import { LOCKOUT_WINDOW_MS } from '../domain/policy.ts';

export interface Attempt {
  /** The attempt succeeded: it gives its slots back. A failed attempt keeps them (it is the failure). */
  succeeded(): Promise<void>;
}

/**
 * Failure throttles for sign-in and codes, per account (keyed by the
 * normalised email, so unknown emails lock exactly like real ones) and per
 * address. An attempt takes a slot of every throttle BEFORE anything is
 * checked, in one atomic statement each: twenty concurrent guesses cannot
 * all pass a check that reads the count first and writes it after.
 */
export async function startAttempt(kernel: Pick<Kernel, 'db'>, throttles: { key: string; limit: number }[]): Promise<Attempt> {
  const taken: string[] = [];
  const giveBack = () => Promise.all(taken.map((key) => releaseHit(kernel.db, key))).then(() => undefined);
  for (const { key, limit } of throttles) {
    const slot = await reserveHit(kernel.db, key, limit, LOCKOUT_WINDOW_MS);
    if (!slot.reserved) {
      await giveBack();
      const seconds = Math.max(1, Math.ceil(((slot.resetAt?.getTime() ?? Date.now()) - Date.now()) / 1000));
      throw new AppError('AUTH.LOCKED', 'Too many failed attempts; try again later.', { headers: { 'Retry-After': String(seconds) } });
    }
    taken.push(key);
  }
  return { succeeded: giveBack };
}
