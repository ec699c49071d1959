import type { Kernel } from '../../../platform/module.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { sendEmail } from '../../notifications/index.ts';
import { hashPassword, verifyPassword } from '../infra/passwords.ts';
import { findUserByEmail, insertUser, updateUser, type UserRow } from '../infra/users.repository.ts';
import { issueCode, voidCode } from '../infra/codes.repository.ts';
import { alreadyRegisteredEmail, registrationContestedEmail, verificationCodeEmail } from '../domain/emails.ts';
import { CODE_TTL_MS, CODES_SENT_PER_HOUR, normaliseEmail } from '../domain/policy.ts';
import { countHit } from '../../../platform/http/rate-limit.ts';

export const ACCEPTED = { status: 'accepted' as const, detail: 'If this address can receive email, a message is on its way.' };

/**
 * Creates a client account and emails a verification code. The answer is
 * the same whether or not the address is taken (and every path does the
 * same password hashing work, so timing tells nothing either): the owner of
 * an existing account is told by email instead.
 *
 * A password given at registration is unproven until the address is: a
 * second registration of an unverified address with the same password is a
 * retry (a fresh code); with another password, two people claim one inbox
 * and nobody can tell which owns it, so neither password is kept (no
 * pre-hijacking: the one who registered first never wins by default). The
 * inbox then gets a code to choose the password with, and earlier codes die.
 */
export async function register(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'secrets'>,
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
    // A concurrent registration of the same address waits above for the first to commit, then queues here.
    const existing = created ? undefined : await findUserByEmail(kernel.db, email, tx, true);
    const unproven = existing && !existing.email_verified_at ? existing.password_hash : null;
    // Always one password check (a dummy one when there is nothing to compare), so timing tells nothing.
    const samePassword = await verifyPassword(unproven, input.password);
    if (created) return sendVerificationCode(kernel, tx, created, now);
    if (!existing || existing.erased_at || existing.disabled) return;
    if (existing.email_verified_at) {
      await sendEmail(kernel, tx, {
        template: alreadyRegisteredEmail,
        to: existing.email,
        data: { name: existing.name },
        dedupeKey: `already-registered:${existing.id}:${now.getTime()}`,
      });
      return;
    }
    if (samePassword) return sendVerificationCode(kernel, tx, existing, now);
    await contestRegistration(kernel, tx, existing, now);
  });
  return ACCEPTED;
}

async function sendVerificationCode(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'secrets'>,
  tx: Tx,
  user: UserRow,
  now: Date,
): Promise<void> {
  const { id, code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, user.id, 'verify_email', now);
  await sendEmail(kernel, tx, {
    template: verificationCodeEmail,
    to: user.email,
    data: { name: user.name, code, minutes: CODE_TTL_MS / 60_000 },
    dedupeKey: `code:${id}`,
  });
}

/**
 * Two claims on an unproven address: no chosen password or name survives,
 * no earlier verification code works, and the inbox gets a code that sets
 * the password (redeeming it proves the inbox and verifies the address).
 */
async function contestRegistration(
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'secrets'>,
  tx: Tx,
  user: UserRow,
  now: Date,
): Promise<void> {
  await updateUser(kernel.db, tx, user.id, { password_hash: null, name: user.email.split('@')[0]! }, now);
  await voidCode(kernel.db, tx, user.id, 'verify_email', now);
  const { id, code } = await issueCode(kernel.db, tx, kernel.secrets.jwt, user.id, 'reset_password', now);
  await sendEmail(kernel, tx, {
    template: registrationContestedEmail,
    to: user.email,
    data: { code, minutes: CODE_TTL_MS / 60_000 },
    dedupeKey: `code:${id}`,
  });
}
