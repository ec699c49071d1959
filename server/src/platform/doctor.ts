import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, resolveSecrets, type Config, type Configurable } from './config.ts';
import type { Database } from './database.ts';
import type { HealthResult } from './health.ts';
import { pendingMigrations } from './migrations.ts';

/**
 * The kernel's part of `chorecat doctor`: the configuration, the database
 * and migrations. The modules' parts are their `health` checks; the
 * command (`server/src/doctor.ts`) runs both.
 */

/** Values that are no secret at all: what an example or a quick test leaves behind. */
const PLACEHOLDERS = new Set(['changeme', 'change-me', 'change_me', 'secret', 'password', 'chorecat', 'example', 'default']);

export function checkConfiguration(env: NodeJS.ProcessEnv, modules: readonly Configurable[]): { config?: Config; results: HealthResult[] } {
  let config: Config;
  try {
    config = loadConfig(env, modules);
    resolveSecrets(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { results: [{ name: 'config', status: 'fail', detail: error.problems.join('; ') }] };
  }
  const production = config.env === 'production';
  const results: HealthResult[] = [
    {
      name: 'config',
      status: 'ok',
      detail: `valid (NODE_ENV=${config.env}, ROLE=${config.role}, database ${config.databaseUrl ? 'DATABASE_URL' : 'embedded'})`,
    },
    checkSecrets(config),
    checkPublicUrl(config.publicUrl, production),
    { name: 'config.time-zone', status: 'ok', detail: `${config.businessTimeZone}, now ${offsetOf(config.businessTimeZone, new Date())}` },
  ];
  return { config, results };
}

/**
 * In production every secret is given (loadConfig insists) and none is a
 * placeholder, nor one this data folder generated for development (a copied
 * `secrets.json` would sign production tokens with a key a laptop holds).
 */
function checkSecrets(config: Config): HealthResult {
  const names = Object.keys(config.secretVariables);
  if (config.env !== 'production') {
    return {
      name: 'config.secrets',
      status: 'ok',
      detail: `${names.length} secrets (unset ones generated into the data dir outside production)`,
    };
  }
  const file = path.join(config.dataDir, 'secrets.json');
  const generated = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | undefined>) : {};
  const given = config.secrets as Record<string, string | undefined>;
  const bad: string[] = [];
  for (const name of names) {
    const value = given[name] ?? '';
    const variable = config.secretVariables[name]!;
    if (value.length < 16) bad.push(`${variable} is shorter than 16 characters`);
    else if (new Set(value).size === 1 || PLACEHOLDERS.has(value.toLowerCase())) bad.push(`${variable} is a placeholder`);
    else if (generated[name] === value) bad.push(`${variable} is the development secret generated into ${file}`);
  }
  if (bad.length) return { name: 'config.secrets', status: 'fail', detail: bad.join('; ') };
  return { name: 'config.secrets', status: 'ok', detail: `${names.length} secrets given, none a placeholder or a development one` };
}

/** PUBLIC_URL is an origin (links in emails, cookies' `Secure`, the served contract): https in production, never localhost. */
function checkPublicUrl(publicUrl: string, production: boolean): HealthResult {
  const url = new URL(publicUrl);
  const problems: string[] = [];
  if (url.pathname !== '/' || url.search || url.hash || publicUrl.endsWith('/'))
    problems.push('must be an origin, with no path, query or trailing slash');
  if (production) {
    if (url.protocol !== 'https:') problems.push('must be https in production');
    if (['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(url.hostname)) problems.push('must not be a local address in production');
  }
  if (problems.length)
    return { name: 'config.public-url', status: production ? 'fail' : 'warn', detail: `${publicUrl} ${problems.join('; ')}` };
  return { name: 'config.public-url', status: 'ok', detail: publicUrl };
}

function offsetOf(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'GMT';
}

/** PostgreSQL 15 is the oldest the migrations are known to run on (the embedded one is 18). */
const OLDEST_POSTGRES = 150_000;

export async function checkDatabase(db: Database, timeoutMs = 10_000): Promise<HealthResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = db.pool.query<{ version: string; num: number; database: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num, current_database() AS database",
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const { rows } = await Promise.race([query, timeout]);
    const row = rows[0]!;
    const detail = `PostgreSQL ${row.version}, database ${row.database}`;
    if (row.num < OLDEST_POSTGRES) return { name: 'database', status: 'warn', detail: `${detail} (older than 15)` };
    return { name: 'database', status: 'ok', detail };
  } catch (error) {
    return { name: 'database', status: 'fail', detail: `unreachable: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Without `client_connection_check_interval`, a process that dies while its
 * statement runs (SIGKILL, a lost machine) leaves that statement running in
 * its backend, with its locks (a job's advisory lock, the rows it updates),
 * until it ends: PostgreSQL sees the closed socket only when it answers. The
 * embedded server sets it; a managed one must be told (a server setting, so
 * it also holds for sessions through PgBouncer).
 */
export async function checkDeadClientCheck(db: Database): Promise<HealthResult> {
  const { rows } = await db.pool.query<{ ms: number }>(
    "SELECT setting::int AS ms FROM pg_settings WHERE name = 'client_connection_check_interval'",
  );
  const ms = rows[0]?.ms ?? 0;
  if (ms > 0) return { name: 'database.dead-clients', status: 'ok', detail: `client_connection_check_interval ${ms} ms` };
  return {
    name: 'database.dead-clients',
    status: 'warn',
    detail:
      "client_connection_check_interval is 0: a statement of a process that died keeps running, and holding its locks, until it ends; set it on the server (ALTER SYSTEM SET client_connection_check_interval = '1s')",
  };
}

export async function checkMigrations(db: Database): Promise<HealthResult> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return { name: 'migrations', status: 'ok', detail: 'none pending' };
  return { name: 'migrations', status: 'fail', detail: `${pending.length} pending (${pending.join(', ')}): run chorecat migrate` };
}
