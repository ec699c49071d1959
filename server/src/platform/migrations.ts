import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface } from 'sequelize';
import type { Database } from './database.ts';
import type { Logger } from './logger.ts';

/**
 * Forward-only, versioned migrations with umzug. Each module keeps its own
 * in `migrations/` (the platform's in `platform/migrations/`); they run in
 * the order of their numeric prefix across all modules, so the prefix is a
 * global version number. A migration is never edited once landed.
 */
export interface MigrationContext {
  queryInterface: QueryInterface;
  /** Runs raw SQL (several statements allowed). */
  sql(text: string): Promise<void>;
}

export interface MigrationModule {
  up(context: MigrationContext): Promise<void>;
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `.ts` in the source, `.js` in the build (`npm run build`): a migration's name is the same in both. */
const EXTENSION = path.extname(fileURLToPath(import.meta.url));

export function migrationFiles(): { name: string; file: string }[] {
  const folders = [path.join(SRC, 'platform', 'migrations')];
  const modulesDir = path.join(SRC, 'modules');
  for (const module of readdirSync(modulesDir)) {
    const folder = path.join(modulesDir, module, 'migrations');
    if (existsSync(folder)) folders.push(folder);
  }
  const files = folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /^\d{4}-[a-z0-9-]+$/.test(path.basename(name, EXTENSION)) && name.endsWith(EXTENSION))
      .map((name) => ({ name: path.basename(name, EXTENSION), file: path.join(folder, name) })),
  );
  files.sort((a, b) => a.name.localeCompare(b.name));
  const versions = new Set<string>();
  for (const { name } of files) {
    const version = name.slice(0, 4);
    if (versions.has(version)) throw new Error(`two migrations share the version ${version}`);
    versions.add(version);
  }
  return files;
}

// A session-level lock: several processes starting at once migrate one at a time.
const MIGRATION_LOCK = 4_242_001;

/**
 * Lets users hold these roles: writes them into the `roles` table that
 * identity's migration 0023 checks `users.roles` against. Never removes
 * one, since users may still hold a role its module no longer introduces.
 */
export async function allowRoles(db: Database, roles: readonly string[]): Promise<void> {
  await db.sequelize.query('INSERT INTO roles (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', { bind: [roles] });
}

function migrator(db: Database): Umzug<MigrationContext> {
  const queryInterface = db.sequelize.getQueryInterface();
  return new Umzug<MigrationContext>({
    migrations: migrationFiles().map(({ name, file }) => ({
      name,
      up: async ({ context }) => {
        const module = (await import(pathToFileURL(file).href)) as MigrationModule;
        await module.up(context);
      },
    })),
    context: {
      queryInterface,
      sql: async (text: string) => {
        await db.sequelize.query(text);
      },
    },
    storage: new SequelizeStorage({ sequelize: db.sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

/** The migrations this code has that the database has not applied (what `chorecat doctor` reports). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  return (await migrator(db).pending()).map((m) => m.name);
}

/**
 * Applies pending migrations, then allows the registry's roles (`ROLES`,
 * the kernel's and each module's), so that a module's role needs no
 * migration of its own.
 */
export async function migrate(db: Database, logger: Logger, roles: readonly string[]): Promise<string[]> {
  const umzug = migrator(db);
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await umzug.up();
    await allowRoles(db, roles);
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
    return applied.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
