import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { transaction } from '../../../platform/database.ts';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS, normaliseEmail } from '../domain/policy.ts';
import type { AuthenticatedUser } from './authenticate-with-password.ts';
import { issueSession, type Tokens } from './issue-session.ts';
import { assertNotLocked, recordFailure, clearFailures } from './throttle.ts';

export const loginKeys = (email: string, address: string) => ({
  account: `login:account:${normaliseEmail(email)}`,
  address: `login:address:${address}`,
});

/**
 * Password sign-in. Checks the lockout first (so a locked account costs no
 * hashing), then the password (passport-local calls
 * authenticateWithPassword), then the verified address.
 */
export async function login(
  kernel: Pick<Kernel, 'db' | 'tokens' | 'clock'>,
  input: { email: string; address: string; check: () => Promise<AuthenticatedUser | null> },
): Promise<Tokens> {
  const keys = loginKeys(input.email, input.address);
  await assertNotLocked(kernel, [
    { key: keys.account, limit: LOGIN_FAILURES_PER_ACCOUNT },
    { key: keys.address, limit: LOGIN_FAILURES_PER_ADDRESS },
  ]);
  const user = await input.check();
  if (!user) {
    await recordFailure(kernel, [keys.account, keys.address]);
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong.');
  }
  await clearFailures(kernel, keys.account);
  if (!user.emailVerified) {
    throw new AppError('AUTH.EMAIL_NOT_VERIFIED', 'Verify your email address first: enter the code we emailed you, or ask for a new one.');
  }
  return transaction(kernel.db, (tx) => issueSession(kernel, tx, user));
}
