import { sql, type Database } from '../../src/platform/database.ts';

/** The newest email to `to` as its recipient gets it (the outbox payload, codes included: the `emails` view redacts them). */
export async function lastEmailTo(
  db: Database,
  to: string,
  template?: string,
): Promise<{ subject: string; text: string; template: string } | undefined> {
  const rows = await sql<{ subject: string; text: string; template: string }>(
    db,
    `SELECT payload->>'subject' AS subject, payload->>'text' AS text, payload->>'template' AS template FROM outbox
     WHERE topic = 'email' AND lower(payload->>'to') = lower($1) AND ($2::text IS NULL OR payload->>'template' = $2)
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [to, template ?? null],
  );
  return rows[0];
}

export async function codeSentTo(db: Database, to: string, template: string): Promise<string> {
  const email = await lastEmailTo(db, to, template);
  const code = /code is (\d{6})/.exec(email?.text ?? '')?.[1];
  if (!code) throw new Error(`no ${template} code was emailed to ${to}`);
  return code;
}
