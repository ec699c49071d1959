import type { Kernel } from '../../../platform/module.ts';
import type { PersonalDataContributor } from '../../../platform/privacy.ts';
import { sql, execute } from '../../../platform/database.ts';

/**
 * The emails sent to a user are personal data: exported in full, and on
 * erasure their address, subject and bodies are replaced. Emails still
 * waiting for delivery (the erasure confirmation itself) are left to go out.
 */
export function emailsPersonalData(kernel: Pick<Kernel, 'db'>): PersonalDataContributor {
  return {
    section: 'emails',
    async export(_userId, { email }) {
      return sql(
        kernel.db,
        `SELECT id, subject, template, text, status, created_at AS "createdAt", sent_at AS "sentAt"
         FROM emails WHERE lower("to") = lower($1) ORDER BY created_at`,
        [email],
      );
    },
    async erase(userId, { tx, email }) {
      await execute(
        kernel.db,
        `UPDATE outbox
         SET payload = (payload - 'shown') || jsonb_build_object('to', $2::text, 'subject', '[erased]', 'text', '[erased]', 'html', '[erased]')
         WHERE topic = 'email' AND status <> 'pending' AND lower(payload->>'to') = lower($1)`,
        [email, `erased-${userId}@erased.invalid`],
        tx,
      );
    },
  };
}
