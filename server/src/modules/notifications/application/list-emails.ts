import type { Kernel } from '../../../platform/module.ts';
import { sql } from '../../../platform/database.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { RowOf } from '../../../platform/table.ts';
import { emailsView } from '../infra/emails.table.ts';

export interface EmailView {
  id: string;
  to: string;
  subject: string;
  template: string;
  text: string;
  html: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const LISTED = ['id', 'to', 'subject', 'template', 'text', 'html', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'] as const;
type Row = Pick<RowOf<typeof emailsView>, (typeof LISTED)[number]>;

/** Every email, newest first; managers filter by recipient and status. */
export async function listEmails(
  kernel: Pick<Kernel, 'db'>,
  query: { recipient?: string; status?: string; limit: number; cursor?: string },
): Promise<{ data: EmailView[]; nextCursor: string | null }> {
  const cursor = decodeCursor(query.cursor);
  const rows = await sql<Row>(
    kernel.db,
    `SELECT ${emailsView.listOf(LISTED)}
     FROM emails
     WHERE ($1::text IS NULL OR lower("to") = lower($1))
       AND ($2::text IS NULL OR status = $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $5`,
    [query.recipient ?? null, query.status ?? null, cursor?.at ?? null, cursor?.id ?? null, query.limit + 1],
  );
  const views = rows.map((r): EmailView => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    template: r.template,
    text: r.text,
    html: r.html,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
  return page(views, query.limit, (v) => ({ at: v.createdAt, id: v.id }));
}
