import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { FormDefinition } from '../domain/forms.ts';
import { reviewFormVersionsTable, type FormVersionRow } from './tables.ts';

const VERSION_COLUMNS = reviewFormVersionsTable.listAs('v');

export interface CurrentFormRow extends FormVersionRow {
  form_created_at: Date;
}

export async function insertForm(db: Database, tx: Tx, form: FormDefinition, createdBy: string | null, now: Date): Promise<FormVersionRow> {
  const { rows } = await execute<{ id: string }>(
    db,
    'INSERT INTO review_forms (current_version, created_at, updated_at) VALUES (1, $1, $1) RETURNING id',
    [now],
    tx,
  );
  return insertVersion(db, tx, rows[0]!.id, 1, form, createdBy, now);
}

async function insertVersion(
  db: Database,
  tx: Tx,
  formId: string,
  version: number,
  form: FormDefinition,
  createdBy: string | null,
  now: Date,
): Promise<FormVersionRow> {
  const { rows } = await execute<FormVersionRow>(
    db,
    `INSERT INTO review_form_versions (form_id, version, name, fields, created_by, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     RETURNING ${reviewFormVersionsTable.list}`,
    [formId, version, form.name, JSON.stringify(form.fields), createdBy, now],
    tx,
  );
  return rows[0]!;
}

/** The form's next version, made current (the form row is locked, so two edits make versions n+1 and n+2). Undefined: no such form. */
export async function addVersion(
  db: Database,
  tx: Tx,
  formId: string,
  form: FormDefinition,
  createdBy: string | null,
  now: Date,
): Promise<{ before: FormVersionRow; after: FormVersionRow } | undefined> {
  const { rows } = await execute<{ current_version: number }>(
    db,
    'SELECT current_version FROM review_forms WHERE id = $1 FOR UPDATE',
    [formId],
    tx,
  );
  if (!rows[0]) return undefined;
  const before = (await findFormVersion(db, formId, rows[0].current_version, tx))!;
  const next = rows[0].current_version + 1;
  const after = await insertVersion(db, tx, formId, next, form, createdBy, now);
  await execute(db, 'UPDATE review_forms SET current_version = $2, updated_at = $3 WHERE id = $1', [formId, next, now], tx);
  return { before, after };
}

export const findFormVersion = async (db: Database, formId: string, version: number, tx?: Tx) =>
  (
    await sql<FormVersionRow>(
      db,
      `SELECT ${reviewFormVersionsTable.list} FROM review_form_versions WHERE form_id = $1 AND version = $2`,
      [formId, version],
      tx,
    )
  )[0];

/** Every form at its current version, oldest form first (the first is the default). */
export function currentForms(db: Database, q: { after?: { at: string; id: string }; limit: number; formId?: string }, tx?: Tx) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.formId) where.push(`f.id = $${params.push(q.formId)}`);
  if (q.after) where.push(`(f.created_at, f.id) > ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<CurrentFormRow>(
    db,
    `SELECT ${VERSION_COLUMNS}, f.created_at AS form_created_at
     FROM review_forms f JOIN review_form_versions v ON v.form_id = f.id AND v.version = f.current_version
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY f.created_at, f.id LIMIT $${params.push(q.limit)}`,
    params,
    tx,
  );
}

export const formCount = async (db: Database, tx?: Tx) =>
  Number((await sql<{ n: string }>(db, 'SELECT count(*)::text AS n FROM review_forms', [], tx))[0]!.n);

/** Serialises the demo seed across processes starting at once. */
export const lockFormSeed = (db: Database, tx: Tx) => execute(db, 'SELECT pg_advisory_xact_lock(4242130)', [], tx);
