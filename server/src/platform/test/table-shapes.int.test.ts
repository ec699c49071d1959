import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { MODULES } from '../../modules/index.ts';
import { expectedShape, type Table } from '../table.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';

/**
 * Each table is described once for the code (platform/table.ts) and its
 * history is the migrations: this keeps the two the same shape, column by
 * column, and makes sure no migrated table is left undescribed.
 */
describe('table descriptions against the migrated database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const tables: Table[] = MODULES.flatMap((m) => [...(m.tables ?? [])]);

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
    const { rows } = await client.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return Object.fromEntries(rows.map((r) => [r.column_name, { dataType: r.data_type, nullable: r.is_nullable === 'YES' }]));
  }

  it('describes each table at most once', () => {
    const names = tables.map((t) => t.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(tables.map((t) => [t.name, t] as const))('%s matches its migrations', async (_name, table) => {
    expect(await columnsOf(table.name)).toEqual(expectedShape(table));
  });

  it('leaves no migrated table undescribed', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    // The job store's and the migrator's own bookkeeping are theirs, not a module's.
    const bookkeeping = /^(agenda_jobs|chorecat_migrations|session)$/;
    const described = new Set(tables.map((t) => t.name));
    const undescribed = rows.map((r) => r.table_name).filter((n) => !described.has(n) && !bookkeeping.test(n));
    expect(undescribed.sort()).toEqual([]);
  });
});
