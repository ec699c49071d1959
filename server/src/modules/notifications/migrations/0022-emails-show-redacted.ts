import type { MigrationContext } from '../../../platform/migrations.ts';

// The read model shows each email as its record may be seen: with one-time
// codes redacted (`payload.shown`, written by templates that carry secrets).
// Delivery reads the outbox payload itself, which keeps the real text.
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE OR REPLACE VIEW emails AS
    SELECT id,
           payload->>'to' AS "to",
           coalesce(payload->'shown'->>'subject', payload->>'subject') AS subject,
           payload->>'template' AS template,
           coalesce(payload->'shown'->>'text', payload->>'text') AS text,
           coalesce(payload->'shown'->>'html', payload->>'html') AS html,
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
