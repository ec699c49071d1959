import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { sendEmail } from '../../notifications/index.ts';
import { hashPassword } from '../infra/passwords.ts';
import { findUserByEmail, insertUser } from '../infra/users.repository.ts';
import { issueCode } from '../infra/codes.repository.ts';
import { alreadyRegisteredEmail, verificationCodeEmail } from '../domain/emails.ts';
import { CODE_TTL_MS, CODES_SENT_PER_HOUR, normaliseEmail } from '../domain/policy.ts';
import { countHit } from '../../../platform/http/rate-limit.ts';

export const ACCEPTED = { status: 'accepted' as const, detail: 'If this address can receive email, a message is on its way.' };

/**
 * Creates a client account and emails a verification code. The answer is
 * the same whether or not the address is taken: the owner of an existing
 * account is told by email instead, so registration reveals nothing.
 */
export async function register(
  kernel: Pick<Kernel, 'db' | 'clock' | 'secrets'>,
  input: { email: string; password: string; name: string },
): Promise<typeof ACCEPTED> {
  const email = normaliseEmail(input.email);
  // Each address may be sent a bounded number of emails per hour, whatever asks for them.
  const sent = await countHit(kernel.db, `codes:sent:${email}`, 60 * 60_000);
  if (sent.count > CODES_SENT_PER_HOUR) return ACCEPTED;
  const passwordHash = await hashPassword(input.password);
  await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const created = await insertUser(kernel.db, tx, {
      email,
      name: input.name.trim(),
      passwordHash,
      roles: ['client'],
      verifiedAt: null,
      now,
    });
    if (created) {
      const { id, code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, created.id, 'verify_email', now);
      await sendEmail(kernel, tx, {
        template: verificationCodeEmail,
        to: email,
        data: { name: created.name, code, minutes: CODE_TTL_MS / 60_000 },
        dedupeKey: `code:${id}`,
      });
      return;
    }
    const existing = await findUserByEmail(kernel.db, email, tx);
    if (!existing || existing.erased_at) return;
    if (!existing.email_verified_at) {
      // Registering again before verifying: send a fresh code instead.
      const { id, code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, existing.id, 'verify_email', now);
      await sendEmail(kernel, tx, {
        template: verificationCodeEmail,
        to: existing.email,
        data: { name: existing.name, code, minutes: CODE_TTL_MS / 60_000 },
        dedupeKey: `code:${id}`,
      });
      return;
    }
    await sendEmail(kernel, tx, {
      template: alreadyRegisteredEmail,
      to: existing.email,
      data: { name: existing.name },
      dedupeKey: `already-registered:${existing.id}:${now.getTime()}`,
    });
  });
  return ACCEPTED;
}
