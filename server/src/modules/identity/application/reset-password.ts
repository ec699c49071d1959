import type { Kernel } from '../../../platform/module.ts';
import { sendEmail } from '../../notifications/index.ts';
import { hashPassword } from '../infra/passwords.ts';
import { updateUser } from '../infra/users.repository.ts';
import { passwordChangedEmail } from '../domain/emails.ts';
import { redeemCode } from './redeem-code.ts';
import { signOutEverywhere } from './issue-session.ts';

/**
 * A right code sets the new password and signs out every session (refresh
 * tokens revoked, access tokens ended). Proving control of the inbox also
 * verifies the address.
 */
export async function resetPassword(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'secrets' | 'tokens'>,
  input: { email: string; code: string; newPassword: string; address: string },
): Promise<void> {
  await redeemCode(kernel, { ...input, purpose: 'reset_password' }, async (user, tx) => {
    // Hashed only for a right code: a flood of wrong ones (or a locked address) costs no argon2 work.
    const passwordHash = await hashPassword(input.newPassword);
    const now = kernel.clock.now();
    await updateUser(kernel.db, tx, user.id, { password_hash: passwordHash, email_verified_at: user.email_verified_at ?? now }, now);
    await signOutEverywhere(kernel, tx, user.id);
    await sendEmail(kernel, tx, {
      template: passwordChangedEmail,
      to: user.email,
      data: { name: user.name },
      dedupeKey: `password-changed:${user.id}:${now.getTime()}`,
    });
  });
}
