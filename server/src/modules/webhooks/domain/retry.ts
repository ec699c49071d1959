/**
 * Delivery retries: exponential backoff with jitter (1 minute doubling,
 * capped at 6 hours, each wait ±20 %), for 3 days from the first attempt;
 * a delivery still failing then is given up, and that disables its
 * endpoint. Pure: the caller passes the time and the random number.
 */
export const RETRY_WINDOW_MS = 3 * 24 * 60 * 60_000;
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;
export const JITTER = 0.2;

/** The wait after the `attempts`-th failed attempt (1-based); `random` in [0, 1). */
export function retryDelayMs(attempts: number, random: number): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 30), MAX_RETRY_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

export type AfterFailure = { retryAt: Date } | { giveUp: true };

/**
 * After a failed attempt: retry later, or give up when the next try would
 * fall after the window (`giveUpAt`, 3 days after the first attempt); the
 * last try lands on the deadline itself, so the window is used in full.
 */
export function afterFailure(input: { attempts: number; now: Date; giveUpAt: Date; random: number }): AfterFailure {
  if (input.now.getTime() >= input.giveUpAt.getTime()) return { giveUp: true };
  const next = input.now.getTime() + retryDelayMs(input.attempts, input.random);
  return { retryAt: new Date(Math.min(next, input.giveUpAt.getTime())) };
}
