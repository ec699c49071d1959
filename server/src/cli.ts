import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, resolveSecrets } from './platform/config.ts';
import { createLogger } from './platform/logger.ts';
import { PortInUseError } from './platform/embedded-db.ts';
import { start, openDatabase, createMailTransport } from './runtime.ts';

// The rest of the code (the modules, the composition root, migrations) is imported by the command that needs it:
// `start` loads it while the embedded PostgreSQL boots (see runtime.ts), not before.
const modules = () => import('./modules/index.ts');

/**
 * `chorecat start | migrate | seed | jobs list | jobs run <job> [--as-of ISO] | doctor`.
 * Failures an operator can fix (bad variable, taken port, unknown job) get
 * one plain line and exit code 1, never a stack trace.
 */
const USAGE = `usage: chorecat <command>
  start                          run the API, docs, admin and jobs
  migrate                        apply database migrations
  seed                           create the demo accounts and catalog (not in production)
  jobs list                      list the scheduled jobs
  jobs run <job> [--as-of ISO]   run one job once, as if the clock read that time
  doctor                         check configuration, database, migrations, backlogs and failures (exit 1 on a problem)
  backup [--to PATH]             back up the embedded database, secrets and files (default: <data dir>/backups)
  restore <file>                 restore a backup into a fresh CHORECAT_DATA_DIR`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStart();
    case 'migrate':
    case 'seed':
      return withDatabase(async ({ db, logger, config }) => {
        const [{ migrate }, { ROLES, MODULES }, { seedDemoData }] = await Promise.all([
          import('./platform/migrations.ts'),
          modules(),
          import('./platform/module.ts'),
        ]);
        const applied = await migrate(db, logger, ROLES);
        if (command === 'migrate') {
          process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
          return 0;
        }
        if (config.env === 'production') {
          process.stderr.write('chorecat: refusing to seed demo accounts in production\n');
          return 1;
        }
        const { PlatformClock } = await import('./platform/clock.ts');
        const clock = new PlatformClock();
        const created = await seedDemoData({ db, clock, config }, MODULES);
        process.stdout.write(created.length ? `created: ${created.join(', ')}\n` : 'demo data already exists\n');
        return 0;
      });
    case 'jobs':
      return runJobs(rest);
    case 'backup':
    case 'restore':
      return runBackup(command, rest);
    case 'doctor': {
      const [{ runDoctor }, { formatHealthLine }] = await Promise.all([import('./doctor.ts'), import('./platform/health.ts')]);
      const { results, code } = await runDoctor(process.env);
      process.stdout.write(`${results.map(formatHealthLine).join('\n')}\n`);
      return code;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 1 : 0;
  }
}

async function withDatabase(
  work: (context: {
    db: Awaited<ReturnType<typeof openDatabase>>['db'];
    logger: ReturnType<typeof createLogger>;
    config: ReturnType<typeof loadConfig>;
  }) => Promise<number>,
): Promise<number> {
  const config = loadConfig(process.env, (await modules()).MODULES);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const { db, embedded } = await openDatabase(config, logger);
  try {
    return await work({ db, logger, config });
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

async function runJobs(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'as-of': { type: 'string' } }, allowPositionals: true });
  const [sub, name] = positionals;
  if (sub !== 'run' && sub !== 'list') {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const asOfText = values['as-of'];
  if (asOfText !== undefined && Number.isNaN(Date.parse(asOfText))) {
    process.stderr.write(`chorecat: --as-of must be an ISO 8601 time, got "${asOfText}"\n`);
    return 1;
  }
  return withDatabase(async ({ db, logger, config }) => {
    const [{ migrate }, { ROLES }, { createPlatform }, { lockLifetimeOf }] = await Promise.all([
      import('./platform/migrations.ts'),
      modules(),
      import('./app.ts'),
      import('./platform/scheduler.ts'),
    ]);
    await migrate(db, logger, ROLES);
    const { transport } = await createMailTransport({ ...config, mail: { ...config.mail, devMailbox: false } }, logger);
    const platform = await createPlatform({ config, secrets: resolveSecrets(config), db, logger, mailTransport: transport });
    const registry = platform.kernel.scheduler.registry;
    if (sub === 'list') {
      for (const job of registry.list()) {
        const when =
          'cron' in job.schedule ? `cron "${job.schedule.cron}" (${config.businessTimeZone})` : `every ${job.schedule.everyMs} ms`;
        // The lock lifetime: how long a run of a process that died holds the job back from the others.
        const lock = `lock ${lockLifetimeOf(job) / 1000} s`;
        process.stdout.write(`${job.name.padEnd(28)} ${when.padEnd(36)} ${lock.padEnd(12)} ${job.description}\n`);
      }
      return 0;
    }
    if (!name) {
      process.stderr.write(`chorecat: name a job; known jobs: ${registry.names().join(', ')}\n`);
      return 1;
    }
    const asOf = asOfText ? new Date(asOfText) : platform.kernel.clock.now();
    const result = await platform.kernel.scheduler.runJob(name, asOf, 'cli');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.outcome === 'succeeded' ? 0 : 1;
  });
}

async function runBackup(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { to: { type: 'string' } }, allowPositionals: true });
  const config = loadConfig(process.env, (await modules()).MODULES);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const { backup, restore } = await import('./platform/backup.ts');
  if (command === 'backup') {
    const { file, bytes } = await backup(config, logger, { to: values.to });
    process.stdout.write(`backed up to ${file} (${Math.ceil(bytes / 1024)} kB)\n`);
    return 0;
  }
  const [file] = positionals;
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const restored = await restore(config, logger, file);
  process.stdout.write(`restored into ${restored.dataDir} (${restored.migrations} migrations applied); chorecat start runs on it\n`);
  return 0;
}

async function runStart(): Promise<number> {
  const runtime = await start();
  const { urls, config, logger } = runtime;
  const lines = [
    '',
    '  Chorecat is running.',
    `    API         ${urls.api}`,
    `    Docs        ${urls.docs}`,
    `    Admin       ${urls.admin}`,
    ...(urls.mailbox ? [`    Mailbox     ${urls.mailbox}`] : []),
    ...(urls.supplier ? [`    Supplier    ${urls.supplier} (local stand-in)`] : []),
    ...(urls.goldenHat ? [`    Golden Hat  ${urls.goldenHat} (local stand-in)`] : []),
    `    Database    ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}/pg (port ${config.embeddedDbPort})`}`,
    `    Jobs        ${config.role === 'api' ? 'off in this process (ROLE=api)' : 'running'}${config.sandbox ? '; sandbox clock on' : ''}`,
  ];
  if (config.seedDemo) {
    // Loaded by start() already: this import costs nothing more.
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('./modules/identity/index.ts');
    lines.push('', `  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(26)} ${account.roles.join(', ')}`);
  }
  lines.push('', '  Ctrl-C stops everything.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      // A second signal: the operator wants it gone now.
      if (stopping) {
        process.stderr.write(`chorecat: ${signal} again, exiting at once\n`);
        process.exit(130);
      }
      stopping = true;
      logger.info({ signal, graceSeconds: config.shutdownGraceMs / 1000 }, 'shutting down');
      // Requests, jobs and the outbox batch get SHUTDOWN_GRACE_SECONDS; closing the database and
      // stopping the helpers a few more. Whatever happens, the process is gone by then.
      setTimeout(() => {
        process.stderr.write('chorecat: shutdown took too long, exiting\n');
        process.exit(1);
      }, config.shutdownGraceMs + 10_000).unref();
      void runtime.stop().then(resolve);
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}

function explain(error: unknown): string | undefined {
  if (error instanceof ConfigError) return `invalid configuration: ${error.problems.join('; ')}`;
  if (error instanceof PortInUseError) {
    return `port ${error.port} is already in use; stop what uses it or choose another (PORT for the API, CHORECAT_DB_PORT for the embedded database, MAILDEV_*_PORT for the mailbox)`;
  }
  if (error instanceof Error && error.name === 'UnknownJobError') return error.message;
  if (error instanceof Error && error.name === 'BackupError') return error.message;
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const plain = explain(error);
    if (plain) process.stderr.write(`chorecat: ${plain}\n`);
    else process.stderr.write(`chorecat: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
