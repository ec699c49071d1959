import { sql, type Database } from '../../src/platform/database.ts';

/** The newest email to `to` (as written to the outbox), for reading codes out of it. */
export async function lastEmailTo(
  db: Database,
  to: string,
  template?: string,
): Promise<{ subject: string; text: string; template: string } | undefined> {
  const rows = await sql<{ subject: string; text: string; template: string }>(
    db,
    `SELECT subject, text, template FROM emails WHERE lower("to") = lower($1) AND ($2::text IS NULL OR template = $2) ORDER BY created_at DESC, id DESC LIMIT 1`,
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
