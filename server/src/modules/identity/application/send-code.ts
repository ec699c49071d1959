import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { countHit } from '../../../platform/http/rate-limit.ts';
import { sendEmail } from '../../notifications/index.ts';
import { findUserByEmail } from '../infra/users.repository.ts';
import { issueCode, type CodePurpose } from '../infra/codes.repository.ts';
import { passwordResetCodeEmail, verificationCodeEmail } from '../domain/emails.ts';
import { CODE_TTL_MS, CODES_SENT_PER_HOUR, normaliseEmail } from '../domain/policy.ts';
import { ACCEPTED } from './register.ts';

/**
 * Emails a fresh code (verification or password reset) when the account
 * exists and needs one. Always the same answer, so it reveals nothing.
 */
export async function sendCode(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'secrets'>,
  input: { email: string; purpose: CodePurpose },
): Promise<typeof ACCEPTED> {
  const email = normaliseEmail(input.email);
  const sent = await countHit(kernel.db, `codes:sent:${email}`, 60 * 60_000);
  if (sent.count > CODES_SENT_PER_HOUR) return ACCEPTED;
  await transaction(kernel.db, async (tx) => {
    const user = await findUserByEmail(kernel.db, email, tx);
    if (!user || user.erased_at || user.disabled) return;
    if (input.purpose === 'verify_email' && user.email_verified_at) return;
    const now = kernel.clock.now();
    const { id, code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, user.id, input.purpose, now);
    const template = input.purpose === 'verify_email' ? verificationCodeEmail : passwordResetCodeEmail;
    await sendEmail(kernel, tx, {
      template,
      to: user.email,
      data: { name: user.name, code, minutes: CODE_TTL_MS / 60_000 },
      dedupeKey: `code:${id}`,
    });
  });
  return ACCEPTED;
}
