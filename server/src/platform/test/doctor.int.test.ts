import { describe, it, expect, afterEach } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { runCli } from '../../../test/helpers/cli.ts';
import { connectDatabase, execute, type Database } from '../database.ts';
import { createLogger } from '../logger.ts';
import { enqueueEmail } from '../mail.ts';
import { PlatformClock } from '../clock.ts';
import { OutboxDispatcher, MAX_ATTEMPTS } from '../outbox.ts';
import { JobRegistry, Scheduler } from '../scheduler.ts';
import { SandboxClock } from '../sandbox-clock.ts';
import { createMetrics } from '../metrics.ts';

/**
 * `chorecat doctor` as an operator runs it, against a real database: a
 * healthy platform passes, and each problem, made real, fails it with the
 * line that names it.
 */
const CHECKS = [
  'config',
  'config.secrets',
  'config.public-url',
  'config.time-zone',
  'database',
  'database.dead-clients',
  'migrations',
  'outbox.backlog',
  'outbox.failed',
  'jobs.backlog',
  'jobs.failures',
  'webhooks.deliveries',
];

function lines(stdout: string): Map<string, { status: string; detail: string }> {
  const found = new Map<string, { status: string; detail: string }>();
  for (const line of stdout.trim().split('\n')) {
    const match = /^(ok|warn|fail)\s+(\S+)\s+(.*)$/.exec(line);
    if (match) found.set(match[2]!, { status: match[1]!, detail: match[3]! });
  }
  return found;
}

/** A doctor run loads the whole platform: on a busy machine that takes a while. */
const CLI_TIMEOUT_MS = 150_000;

/** Runs the doctor, which must fail, and returns the line of the check `name`. */
async function failedCheck(env: Record<string, string>, name: string): Promise<{ status: string; detail: string } | undefined> {
  const result = await runCli(['doctor'], env, CLI_TIMEOUT_MS);
  expect(result.code).toBe(1);
  return lines(result.stdout).get(name);
}

describe('chorecat doctor', { timeout: 240_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function platformDatabase(): Promise<{ db: Database; env: Record<string, string> }> {
    const database = await createTestDatabase();
    const db = connectDatabase(database.url, createLogger({ level: 'silent' }));
    cleanups.push(
      () => database.drop(),
      () => db.close(),
    );
    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'development',
      MAILDEV: '0',
      JWT_SECRET: 'j'.repeat(40),
      SESSION_SECRET: 's'.repeat(40),
    };
    return { db, env };
  }

  it('passes a healthy platform with one ok line per check', async () => {
    const { env } = await platformDatabase();
    const result = await runCli(['doctor'], env, CLI_TIMEOUT_MS);
    const found = lines(result.stdout);
    expect([...found.keys()]).toEqual(CHECKS);
    expect([...found.values()].filter((l) => l.status !== 'ok')).toEqual([]);
    expect(found.get('database')!.detail).toMatch(/^PostgreSQL \d+/);
    expect(found.get('database.dead-clients')!.detail).toBe('client_connection_check_interval 1000 ms');
    expect(result.code).toBe(0);
  });

  it('warns, and still passes, on a server that never checks for a dead client (client_connection_check_interval 0)', async () => {
    const { db, env } = await platformDatabase();
    // A managed server left at PostgreSQL's default; the embedded one sets it to 1 s for every database.
    const { rows } = await execute<{ name: string }>(db, 'SELECT current_database() AS name');
    await execute(db, `ALTER DATABASE ${pg.escapeIdentifier(rows[0]!.name)} SET client_connection_check_interval = 0`);
    const result = await runCli(['doctor'], env, CLI_TIMEOUT_MS);
    expect(result.code).toBe(0);
    const found = lines(result.stdout);
    expect(found.get('database.dead-clients')).toEqual({
      status: 'warn',
      detail:
        "client_connection_check_interval is 0: a statement of a process that died keeps running, and holding its locks, until it ends; set it on the server (ALTER SYSTEM SET client_connection_check_interval = '1s')",
    });
  });

  it('fails on a pending migration, naming it', async () => {
    const { db, env } = await platformDatabase();
    // The database one release behind the code: its latest migration not applied.
    const { rows } = await execute<{ name: string }>(
      db,
      'DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations) RETURNING name',
    );
    expect(await failedCheck(env, 'migrations')).toEqual({
      status: 'fail',
      detail: `1 pending (${rows[0]!.name}): run chorecat migrate`,
    });
  });

  it('fails on an email undelivered for an hour of platform time', async () => {
    const { db, env } = await platformDatabase();
    const clock = new PlatformClock();
    await enqueueEmail(db, undefined, clock, {
      to: 'x@chorecat.test',
      subject: 's',
      text: 't',
      html: 'h',
      template: 'test',
      dedupeKey: 'stuck',
    });
    // An hour passes on the sandbox clock and nothing delivers (no worker, or its SMTP down).
    const logger = createLogger({ level: 'silent' });
    const scheduler = new Scheduler(new JobRegistry(), { db, clock, logger, metrics: createMetrics(), businessTimeZone: 'UTC' });
    await new SandboxClock({ db, clock, scheduler }).advance(new Date(clock.now().getTime() + 61 * 60_000));
    const backlog = (await failedCheck(env, 'outbox.backlog'))!;
    expect(backlog.status).toBe('fail');
    expect(backlog.detail).toMatch(/^1 undelivered \(0 retrying after an error\), the oldest queued 6[12] min ago$/);
  });

  it('fails on an email the outbox gave up delivering', async () => {
    const { db, env } = await platformDatabase();
    const clock = new PlatformClock();
    const dispatcher = new OutboxDispatcher({ db, clock, logger: createLogger({ level: 'silent' }) });
    dispatcher.handle('email', () => Promise.reject(new Error('550 mailbox unavailable')));
    await enqueueEmail(db, undefined, clock, {
      to: 'x@chorecat.test',
      subject: 's',
      text: 't',
      html: 'h',
      template: 'test',
      dedupeKey: 'bounced',
    });
    // Every retry, each after its backoff (at most an hour): the eighth failure gives up.
    let at = clock.now().getTime();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = await clock.runAt(new Date(at), () => dispatcher.dispatch());
      expect(outcome.failed).toBe(1);
      at += 3_600_000;
    }
    expect(await failedCheck(env, 'outbox.failed')).toEqual({
      status: 'fail',
      detail: "1 given up in the last 24 h (email: 1); see the dashboard's deliveries",
    });
  });

  it('fails on a job left locked past its lock lifetime', async () => {
    const { db, env } = await platformDatabase();
    // What a worker killed mid-run leaves in Agenda's table.
    await execute(
      db,
      `INSERT INTO agenda_jobs (name, type, next_run_at, locked_at, last_modified_by)
       VALUES ('billing.invoices', 'single', now() + interval '1 day', now() - interval '11 minutes', 'gone:1')`,
    );
    expect(await failedCheck(env, 'jobs.backlog')).toEqual({
      status: 'fail',
      detail: 'locked past the lock lifetime: billing.invoices (11 min)',
    });
  });

  it('fails on a bad configuration, naming the variable, and checks nothing that needs it', async () => {
    const result = await runCli(['doctor'], { TZ_BUSINESS: 'Mars/Olympus_Mons', MAILDEV: '0' }, CLI_TIMEOUT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('fail config                 TZ_BUSINESS must be an IANA time zone such as Europe/Paris');
  });

  it('fails production on a local http PUBLIC_URL and a placeholder secret', async () => {
    const { env } = await platformDatabase();
    const result = await runCli(
      ['doctor'],
      {
        ...env,
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://localhost:3000',
        JWT_SECRET: 'changeme'.padEnd(40, 'x'),
        SESSION_SECRET: 's'.repeat(40),
        SMTP_URL: 'smtp://127.0.0.1:1',
        SUPPLIER_URL: 'https://supplier.example',
        SUPPLIER_API_KEY: 'Supplier-key-7f3a9c2e1b',
        SUPPLIER_WEBHOOK_SECRET: 'Supplier-hook-4d8e2a6f0c',
        GOLDEN_HAT_URL: 'https://golden-hat.example',
        GOLDEN_HAT_API_KEY: 'GoldenHat-key-9b1c3e5a7d',
        GOLDEN_HAT_WEBHOOK_SECRET: 'GoldenHat-hook-2f4a6c8e0b',
        WEBHOOKS_ENCRYPTION_KEY: 'Webhooks-encryption-key-3a5c7e9b1d2f4a6c',
      },
      CLI_TIMEOUT_MS,
    );
    expect(result.code).toBe(1);
    const found = lines(result.stdout);
    expect(found.get('config.public-url')).toEqual({
      status: 'fail',
      detail: 'http://localhost:3000 must be https in production; must not be a local address in production',
    });
    expect(found.get('config.secrets')).toEqual({ status: 'fail', detail: 'SESSION_SECRET is a placeholder' });
    expect(found.get('database')!.status).toBe('ok');
  });
});
