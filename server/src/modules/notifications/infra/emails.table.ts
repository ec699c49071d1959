import { col, defineTable } from '../../../platform/table.ts';

/**
 * The `emails` view (history: migrations/): every email in the outbox as its
 * record may be seen, one-time codes `[redacted]`. Read-only; nullability is
 * the outbox's and the templates' (PostgreSQL calls every view column nullable).
 */
export const emailsView = defineTable('emails', {
  id: col.uuid({ primaryKey: true }),
  to: col.text(),
  subject: col.text(),
  template: col.text(),
  text: col.text(),
  html: col.text(),
  status: col.text<'pending' | 'sent' | 'failed'>(),
  attempts: col.integer(),
  last_error: col.text.nullable(),
  created_at: col.timestamptz(),
  sent_at: col.timestamptz.nullable(),
  next_attempt_at: col.timestamptz(),
});
