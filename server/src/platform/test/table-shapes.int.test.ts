import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { MODULES } from '../../modules/index.ts';
import { KERNEL_TABLES } from '../tables.ts';
import { expectedShape, type Table } from '../table.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';

/**
 * Each table is described once for the code (platform/table.ts) and its
 * history is the migrations: this keeps the two the same shape, column by
 * column, and makes sure no migrated table (or view) is left undescribed.
 */
describe('table descriptions against the migrated database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const tables: Table[] = [...KERNEL_TABLES, ...MODULES.flatMap((m) => [...(m.tables ?? [])])];

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function columnsOf(table: string) {
    const { rows } = await client.query<{
      column_name: string;
      udt_name: string;
      is_nullable: string;
      table_type: string;
    }>(
      `SELECT c.column_name, c.udt_name, c.is_nullable, t.table_type
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND c.table_name = $1 ORDER BY c.ordinal_position`,
      [table],
    );
    return {
      isView: rows[0]?.table_type === 'VIEW',
      columns: Object.fromEntries(rows.map((r) => [r.column_name, { udtName: r.udt_name, nullable: r.is_nullable === 'YES' }])),
    };
  }

  it('describes each table at most once', () => {
    const names = tables.map((t) => t.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(tables.map((t) => [t.name, t] as const))('%s matches its migrations', async (_name, table) => {
    const { isView, columns } = await columnsOf(table.name);
    const expected = expectedShape(table);
    if (!isView) {
      expect(columns).toEqual(expected);
      return;
    }
    // PostgreSQL calls every column of a view nullable; its description keeps the underlying tables'
    // nullability, so a view is compared by its columns and their types.
    const typesOf = (shape: Record<string, { udtName: string }>) =>
      Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.udtName]));
    expect(typesOf(columns)).toEqual(typesOf(expected));
  });

  it('leaves no migrated table or view undescribed', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'VIEW')`,
    );
    // Libraries' own bookkeeping, no module's: Agenda's job store, the migrator's record (umzug), the panel's
    // sessions (connect-pg-simple for express-session).
    const bookkeeping = /^(agenda_jobs|schema_migrations|admin_sessions)$/;
    const described = new Set(tables.map((t) => t.name));
    const undescribed = rows.map((r) => r.table_name).filter((n) => !described.has(n) && !bookkeeping.test(n));
    expect(undescribed.sort()).toEqual([]);
  });
});
