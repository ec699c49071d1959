import type { Kernel } from '../../../platform/module.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUserByEmail, type UserRow } from '../infra/users.repository.ts';
import { checkCode, type CodePurpose } from '../infra/codes.repository.ts';
import { CODE_FAILURES_PER_ADDRESS, CODE_MAX_ATTEMPTS } from '../domain/policy.ts';
import { startAttempt } from './throttle.ts';

const INVALID = () => new AppError('AUTH.INVALID_CODE', 'The code is wrong, expired or already used. Ask for a new one if needed.');

/**
 * Checks an emailed code and, when right, runs `then` in the same
 * transaction. Unknown email, wrong, expired and spent codes all get one
 * answer; wrong guesses are throttled per address on top of the code's own
 * attempt limit (the code's row lock counts those one by one).
 */
export async function redeemCode<T>(
  kernel: Pick<Kernel, 'db' | 'clock' | 'secrets'>,
  input: { email: string; code: string; purpose: CodePurpose; address: string },
  then: (user: UserRow, tx: Tx) => Promise<T>,
): Promise<T> {
  const attempt = await startAttempt(kernel, [{ key: `codes:failures:${input.address}`, limit: CODE_FAILURES_PER_ADDRESS }]);
  const outcome = await transaction(kernel.db, async (tx) => {
    // The user row first, as every writer of users and codes locks them (no deadlock with a registration).
    const user = await findUserByEmail(kernel.db, input.email, tx, true);
    if (!user || user.erased_at || user.disabled) return { ok: false as const };
    const check = await checkCode(
      kernel.db,
      tx,
      kernel.secrets.jwt,
      user.id,
      input.purpose,
      input.code,
      kernel.clock.now(),
      CODE_MAX_ATTEMPTS,
    );
    if (check !== 'ok') return { ok: false as const };
    return { ok: true as const, value: await then(user, tx) };
  });
  // A wrong guess keeps its slot of the address throttle (taken before the check, so guesses cannot race past it).
  if (!outcome.ok) throw INVALID();
  await attempt.succeeded();
  return outcome.value;
}
