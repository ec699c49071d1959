import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { transaction } from '../../../platform/database.ts';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS, normaliseEmail } from '../domain/policy.ts';
import { authenticateWithPassword, type AuthenticatedUser } from './authenticate-with-password.ts';
import { issueSession, type Tokens } from './issue-session.ts';
import { startAttempt } from './throttle.ts';

export const loginKeys = (email: string, address: string) => ({
  account: `login:account:${normaliseEmail(email)}`,
  address: `login:address:${address}`,
});

/**
 * Every password sign-in, the API's and the admin panel's, goes through
 * here, so both share one lockout counted in one place. The attempt is
 * counted before the password is checked (a locked account costs no
 * hashing, and concurrent guesses cannot outrun the count); only a right
 * password gives its slot back. Earlier failures stay counted for the rest
 * of their window: forgiving them on a success would let guesses racing
 * that success be checked beyond the limit.
 */
export async function signInWithPassword(
  kernel: Pick<Kernel, 'db'>,
  input: { email: string; address: string; check: () => Promise<AuthenticatedUser | null> },
): Promise<AuthenticatedUser> {
  const keys = loginKeys(input.email, input.address);
  const attempt = await startAttempt(kernel, [
    { key: keys.account, limit: LOGIN_FAILURES_PER_ACCOUNT },
    { key: keys.address, limit: LOGIN_FAILURES_PER_ADDRESS },
  ]);
  const user = await input.check();
  if (!user) throw new AppError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong.');
  await attempt.succeeded();
  if (!user.emailVerified) {
    throw new AppError('AUTH.EMAIL_NOT_VERIFIED', 'Verify your email address first: enter the code we emailed you, or ask for a new one.');
  }
  return user;
}

/** Password sign-in on the API (passport-local checks the password through `check`). */
export async function login(
  kernel: Pick<Kernel, 'db' | 'tokens' | 'clock'>,
  input: { email: string; address: string; check: () => Promise<AuthenticatedUser | null> },
): Promise<Tokens> {
  const user = await signInWithPassword(kernel, input);
  return transaction(kernel.db, (tx) => issueSession(kernel, tx, user));
}

/** Password sign-in to the admin panel: the API's lockout and rules, no tokens (the panel keeps a session). */
export function signInToPanel(
  kernel: Pick<Kernel, 'db'>,
  input: { email: string; password: string; address: string },
): Promise<AuthenticatedUser> {
  return signInWithPassword(kernel, {
    email: input.email,
    address: input.address,
    check: () => authenticateWithPassword(kernel, input.email, input.password),
  });
}
