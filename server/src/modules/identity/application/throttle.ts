import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { countHit, peekHits, clearHits } from '../../../platform/http/rate-limit.ts';
import { LOCKOUT_WINDOW_MS } from '../domain/policy.ts';

/**
 * Failure throttles for sign-in and codes, per account (keyed by the email
 * as typed, so unknown emails lock exactly like real ones) and per address.
 */
export async function assertNotLocked(kernel: Pick<Kernel, 'db'>, keys: { key: string; limit: number }[]): Promise<void> {
  for (const { key, limit } of keys) {
    const { count, resetAt } = await peekHits(kernel.db, key);
    if (count >= limit) {
      const seconds = Math.max(1, Math.ceil(((resetAt?.getTime() ?? Date.now()) - Date.now()) / 1000));
      throw new AppError('AUTH.LOCKED', 'Too many failed attempts; try again later.', { headers: { 'Retry-After': String(seconds) } });
    }
  }
}

export async function recordFailure(kernel: Pick<Kernel, 'db'>, keys: string[]): Promise<void> {
  for (const key of keys) await countHit(kernel.db, key, LOCKOUT_WINDOW_MS);
}

export async function clearFailures(kernel: Pick<Kernel, 'db'>, key: string): Promise<void> {
  await clearHits(kernel.db, key);
}
