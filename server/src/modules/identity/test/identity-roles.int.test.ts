import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connectDatabase, sql, type Database } from '../../../platform/database.ts';
import { createLogger } from '../../../platform/logger.ts';
import { migrate } from '../../../platform/migrations.ts';
import { ROLES } from '../../index.ts';
import { createTestDatabase } from '../../../../test/helpers/database.ts';

/**
 * The database refuses a role no module introduced, while the list of roles
 * comes from the registry (`ROLES`): the migrator writes it into `roles`,
 * which a trigger on `users.roles` checks every element against. This file's
 * database is a plain clone of the migrated template, with no platform built
 * on it: what a migration alone leaves.
 */
describe('users.roles in the database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectDatabase(database.url, logger);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const insertUser = (roles: (string | null)[]) =>
    sql<{ id: string }>(
      db,
      `INSERT INTO users (email, name, roles) VALUES (gen_random_uuid() || '@roles.test', 'R', $1::text[]) RETURNING id`,
      [roles],
    );
  const refusal = async (work: Promise<unknown>) => {
    const error = (await work.then(
      () => undefined,
      (e: unknown) => e,
    )) as { parent?: { code?: string; message?: string } } | undefined;
    return error?.parent && { code: error.parent.code, message: error.parent.message };
  };

  it("holds the registry's roles once migrated", async () => {
    const rows = await sql<{ name: string }>(db, 'SELECT name FROM roles ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual([...ROLES].sort());
  });

  it('accepts every role of the registry, alone or together', async () => {
    for (const role of ROLES) expect(await insertUser([role])).toHaveLength(1);
    expect(await insertUser([...ROLES])).toHaveLength(1);
  });

  it('refuses an unknown role on insert and on update, a null one, and none at all', async () => {
    expect(await refusal(insertUser(['client', 'overlord']))).toEqual({ code: '23514', message: expect.stringContaining('"overlord"') });
    expect(await refusal(insertUser([null]))).toMatchObject({ code: '23514' });
    expect(await refusal(insertUser([]))).toMatchObject({ code: '23514' });
    const [user] = await insertUser(['client']);
    expect(await refusal(sql(db, "UPDATE users SET roles = roles || 'Client'::text WHERE id = $1", [user!.id]))).toMatchObject({
      code: '23514',
    });
    const [row] = await sql<{ roles: string[] }>(db, 'SELECT roles FROM users WHERE id = $1', [user!.id]);
    expect(row!.roles).toEqual(['client']);
  });

  it('allows a role once the migrator is given it, idempotently and with no new migration', async () => {
    expect(await refusal(insertUser(['night-watch']))).toMatchObject({ code: '23514' });
    expect(await migrate(db, logger, [...ROLES, 'night-watch'])).toEqual([]);
    expect(await migrate(db, logger, [...ROLES, 'night-watch'])).toEqual([]);
    expect(await insertUser(['night-watch'])).toHaveLength(1);
    const rows = await sql<{ name: string }>(db, 'SELECT name FROM roles ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual([...ROLES, 'night-watch'].sort());
  });
});
