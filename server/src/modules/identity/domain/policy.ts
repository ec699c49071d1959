/** Identity's numbers, in one place (tested at their boundaries). */
export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;
export const CODE_TTL_MS = 15 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;

/** Sign-in lockout: this many failures for one email within the window locks it for the rest of the window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
/** …and this many failures from one address (any emails). */
export const LOGIN_FAILURES_PER_ADDRESS = 20;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
/** Codes (verification, reset) one email may be sent per hour. */
export const CODES_SENT_PER_HOUR = 5;
/** Wrong codes one address may submit per window, across emails. */
export const CODE_FAILURES_PER_ADDRESS = 20;

export const ERASED_EMAIL_DOMAIN = 'erased.invalid';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The six-digit form of a random integer below 1,000,000 (leading zeros kept). */
export function formatCode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError('a code is a number below 1,000,000');
  return String(n).padStart(6, '0');
}
