import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../infra/users.repository.ts';
import { issueCode } from '../infra/codes.repository.ts';
import { CODE_TTL_MS, normaliseEmail } from '../domain/policy.ts';

/**
 * For hiring: the account an applicant follows its application with. A new
 * address gets an account with the `applicant` role and no password, and a
 * one-time code to set one (`POST /v1/auth/password/reset`); redeeming it
 * proves the inbox and verifies the address, so nobody can take over an
 * address by applying with it. An existing account simply gains the role;
 * one whose address was never verified also gets the code, and loses the
 * password its registration set (nobody proved that inbox).
 */
export async function openApplicantAccount(
  kernel: Pick<Kernel, 'db' | 'clock' | 'secrets'>,
  tx: Tx,
  input: { email: string; name: string },
): Promise<{ userId: string; setPasswordCode?: { code: string; minutes: number } }> {
  const now = kernel.clock.now();
  const email = normaliseEmail(input.email);
  const created = await insertUser(kernel.db, tx, {
    email,
    name: input.name.trim(),
    passwordHash: null,
    roles: ['applicant'],
    verifiedAt: null,
    now,
  });
  const user = created ?? (await findUserByEmail(kernel.db, email, tx))!;
  if (!created && !user.roles.includes('applicant')) {
    await updateUser(kernel.db, tx, user.id, { roles: [...user.roles, 'applicant'] }, now);
  }
  if (user.password_hash && user.email_verified_at) return { userId: user.id };
  // A password set by an unverified registration is unproven: applying is a second claim on the address, so it is
  // dropped (as when two registrations disagree) and the inbox chooses the password with the code.
  if (user.password_hash) await updateUser(kernel.db, tx, user.id, { password_hash: null }, now);
  const { code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, user.id, 'reset_password', now);
  return { userId: user.id, setPasswordCode: { code, minutes: CODE_TTL_MS / 60_000 } };
}

/** A hired applicant becomes a worker (the role takes effect on its next request). */
export async function makeWorker(kernel: Pick<Kernel, 'db' | 'clock'>, tx: Tx, userId: string): Promise<void> {
  const user = await findUserById(kernel.db, userId, tx, true);
  if (!user) throw new Error(`no user ${userId}`);
  const roles: Role[] = [...user.roles.filter((r) => r !== 'applicant' && r !== 'worker'), 'worker'];
  await updateUser(kernel.db, tx, userId, { roles }, kernel.clock.now());
}
