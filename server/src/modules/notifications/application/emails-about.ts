import type { Kernel } from '../../../platform/module.ts';
import { sql } from '../../../platform/database.ts';

/**
 * Read-only door for quality reviews: the emails sent about an order, oldest
 * first — those whose dedupe key names it (`order:<id>:…`, and other
 * modules' keys that carry `:order:<id>:`, like a review's outcome). Shown as their
 * record may be seen (secrets redacted by the emails view).
 */
export async function emailsAboutOrder(kernel: Pick<Kernel, 'db'>, orderId: string) {
  const rows = await sql<{
    id: string;
    to: string;
    subject: string;
    template: string;
    status: string;
    created_at: Date;
    sent_at: Date | null;
  }>(
    kernel.db,
    `SELECT e.id, e."to", e.subject, e.template, e.status, e.created_at, e.sent_at
     FROM outbox o JOIN emails e ON e.id = o.id
     WHERE o.topic = 'email' AND (o.dedupe_key LIKE 'email:order:' || $1 || ':%' OR o.dedupe_key LIKE 'email:%:order:' || $1 || ':%')
     ORDER BY e.created_at, e.id LIMIT 200`,
    [orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    template: r.template,
    status: r.status as 'pending' | 'sent' | 'failed',
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
}
