import type { Kernel } from '../../../platform/module.ts';
import { sql, execute, transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { sendEmail } from '../../notifications/index.ts';
import { findUserById, updateUser } from '../infra/users.repository.ts';
import { accountErasedEmail } from '../domain/emails.ts';
import { ERASED_EMAIL_DOMAIN } from '../domain/policy.ts';
import { toMeView } from './me.ts';
import { signOutEverywhere } from './issue-session.ts';

/** Identity's own sections of the export: the profile, sign-in sessions and linked sign-on accounts. */
export function identityPersonalData(kernel: Pick<Kernel, 'db'>) {
  return [
    {
      section: 'profile',
      async export(userId: string) {
        const user = await findUserById(kernel.db, userId);
        return user ? toMeView(user) : null;
      },
      async erase() {
        // The profile itself is anonymised by eraseMe, last, after every other section.
      },
    },
    {
      section: 'sessions',
      async export(userId: string) {
        const rows = await sql<{ created_at: Date; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
          kernel.db,
          'SELECT created_at, expires_at, used_at, revoked_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at',
          [userId],
        );
        return rows.map((r) => ({ createdAt: r.created_at, expiresAt: r.expires_at, rotatedAt: r.used_at, revokedAt: r.revoked_at }));
      },
      async erase() {
        // Sessions are revoked by eraseMe; their timestamps hold no personal data.
      },
    },
    {
      section: 'signOnAccounts',
      async export(userId: string) {
        return sql(kernel.db, 'SELECT provider, subject, email, created_at AS "linkedAt" FROM user_identities WHERE user_id = $1', [
          userId,
        ]);
      },
      async erase(userId: string, { tx }: { tx: Tx }) {
        // Unlinked, so signing on again can never reach the anonymised account.
        await execute(kernel.db, 'DELETE FROM user_identities WHERE user_id = $1', [userId], tx);
      },
    },
  ];
}

/** Every piece of personal data, one section per contributing module. */
export async function exportMe(kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'privacy'>, userId: string) {
  const user = await findUserById(kernel.db, userId);
  if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
  const sections: Record<string, unknown> = {};
  for (const contributor of kernel.privacy.list()) sections[contributor.section] = await contributor.export(userId, { email: user.email });
  return { exportedAt: kernel.clock.now().toISOString(), userId, sections };
}

/**
 * Erasure (GDPR art. 17): every module anonymises its personal data in one
 * transaction, then the profile is anonymised, tokens revoked and sign-in
 * made impossible (no password, disabled, an address that cannot exist).
 * Financial records stay, pointing at the anonymous user.
 */
export async function eraseMe(kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'privacy' | 'tokens'>, userId: string): Promise<void> {
  await transaction(kernel.db, async (tx) => {
    const user = await findUserById(kernel.db, userId, tx, true);
    if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
    const now = kernel.clock.now();
    // Told before the address is gone; the email itself is then anonymised by the notifications section.
    await sendEmail(kernel, tx, { template: accountErasedEmail, to: user.email, data: {}, dedupeKey: `erased:${user.id}` });
    for (const contributor of kernel.privacy.list()) await contributor.erase(userId, { tx, email: user.email });
    await signOutEverywhere(kernel, tx, userId);
    await updateUser(
      kernel.db,
      tx,
      userId,
      {
        email: `erased-${user.id}@${ERASED_EMAIL_DOMAIN}`,
        name: 'Erased user',
        phone: null,
        address: null,
        avatar_url: null,
        home_lat_e6: null,
        home_lng_e6: null,
        password_hash: null,
        disabled: true,
        erased_at: now,
      },
      now,
    );
  });
}
