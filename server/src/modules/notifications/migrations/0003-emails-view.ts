import type { MigrationContext } from '../../../platform/migrations.ts';

// Emails are outbox rows of topic 'email'; this view is the notifications
// module's read model of them (API list and admin screen).
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE VIEW emails AS
    SELECT id,
           payload->>'to' AS "to",
           payload->>'subject' AS subject,
           payload->>'template' AS template,
           payload->>'text' AS text,
           payload->>'html' AS html,
           status,
           attempts,
           last_error,
           created_at,
           sent_at,
           available_at AS next_attempt_at
    FROM outbox
    WHERE topic = 'email';
  `);
}
