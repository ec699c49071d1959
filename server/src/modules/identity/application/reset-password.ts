import type { Kernel } from '../../../platform/module.ts';
import { sendEmail } from '../../notifications/index.ts';
import { hashPassword } from '../infra/passwords.ts';
import { updateUser } from '../infra/users.repository.ts';
import { revokeAllForUser } from '../infra/refresh-tokens.repository.ts';
import { passwordChangedEmail } from '../domain/emails.ts';
import { redeemCode } from './redeem-code.ts';

/**
 * A right code sets the new password and signs out every session. Proving
 * control of the inbox also verifies the address.
 */
export async function resetPassword(
  kernel: Pick<Kernel, 'db' | 'clock' | 'secrets'>,
  input: { email: string; code: string; newPassword: string; address: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  await redeemCode(kernel, { ...input, purpose: 'reset_password' }, async (user, tx) => {
    const now = kernel.clock.now();
    await updateUser(kernel.db, tx, user.id, { password_hash: passwordHash, email_verified_at: user.email_verified_at ?? now }, now);
    await revokeAllForUser(kernel.db, tx, user.id, now);
    await sendEmail(kernel, tx, {
      template: passwordChangedEmail,
      to: user.email,
      data: { name: user.name },
      dedupeKey: `password-changed:${user.id}:${now.getTime()}`,
    });
  });
}
