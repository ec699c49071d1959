import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { loadConfig, resolveSecrets, type Config } from './platform/config.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import type { Database } from './platform/database.ts';
import { startEmbeddedPostgres, assertPortFree, embeddedUrl, PortInUseError, type EmbeddedDatabase } from './platform/embedded-db.ts';
import type { MailTransport } from './platform/mail.ts';
import type { DevMailbox } from './platform/dev-mailbox.ts';
import type { Platform } from './app.ts';
import type { SupplierStandIn } from './stand-ins/supplier-stand-in.ts';

/**
 * The heavy module graph (the modules, the composition root, Sequelize, Express, the validator, the stand-ins):
 * about 1.5 s of CPU to load, imported while the embedded PostgreSQL boots in its own process instead of before it.
 */
const loadPlatformCode = async () => {
  const [modules, app, module, migrations, admin, panel, supplier, goldenHat] = await Promise.all([
    import('./modules/index.ts'),
    import('./app.ts'),
    import('./platform/module.ts'),
    import('./platform/migrations.ts'),
    import('./admin.ts'),
    import('@chorecat/admin'),
    import('./stand-ins/supplier-stand-in.ts'),
    import('./stand-ins/golden-hat-stand-in.ts'),
  ]);
  return {
    MODULES: modules.MODULES,
    ROLES: modules.ROLES,
    createPlatform: app.createPlatform,
    seedDemoData: module.seedDemoData,
    migrate: migrations.migrate,
    mountAdmin: admin.mountAdmin,
    builtPanelBundle: panel.builtPanelBundle,
    startSupplierStandIn: supplier.startSupplierStandIn,
    startGoldenHatStandIn: goldenHat.startGoldenHatStandIn,
  };
};

/**
 * Brings the platform up and down: the database (embedded or DATABASE_URL),
 * migrations, demo seed, mail transport, HTTP and jobs. Used by the CLI and
 * by the tests of start-up and shutdown.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  platform?: Platform;
  server?: Server;
  mailbox?: DevMailbox;
  supplier?: SupplierStandIn;
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger): Promise<{ db: Database; embedded?: EmbeddedDatabase }> {
  // Sequelize (a few hundred ms of CPU) is loaded only once the cluster is on its way.
  const connectDatabase = async (url: string) => (await import('./platform/database.ts')).connectDatabase(url, logger);
  if (config.databaseUrl) return { db: await connectDatabase(config.databaseUrl) };
  // A running `npm start` already owns the embedded cluster: CLI commands share it.
  if (existsSync(path.join(config.dataDir, 'pg', 'postmaster.pid'))) {
    try {
      await assertPortFree(config.embeddedDbPort);
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      return { db: await connectDatabase(embeddedUrl(config.embeddedDbPort, 'chorecat')) };
    }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, database: 'chorecat', logger });
  return { db: await connectDatabase(embedded.url), embedded };
}

export async function createMailTransport(config: Config, logger: Logger): Promise<{ transport: MailTransport; mailbox?: DevMailbox }> {
  const { SmtpTransport, MailchimpTransport } = await import('./platform/mail.ts');
  if (config.mail.mailchimpApiKey)
    return { transport: await MailchimpTransport.create(config.mail.mailchimpApiKey, config.mail.from, config.mail.mailchimpBaseUrl) };
  if (config.mail.smtpUrl) return { transport: new SmtpTransport(config.mail.smtpUrl, config.mail.from) };
  if (config.mail.devMailbox) {
    const { startDevMailbox } = await import('./platform/dev-mailbox.ts');
    const mailbox = await startDevMailbox({ smtpPort: config.mail.devSmtpPort, webPort: config.mail.devWebPort, logger });
    return { transport: new SmtpTransport(mailbox.smtpUrl, config.mail.from), mailbox };
  }
  // No transport configured (e.g. a worker-less API in CI): emails stay in the outbox as pending.
  return {
    transport: {
      name: 'none',
      send: async () => {
        throw new Error('no mail transport configured: set SMTP_URL or MAILCHIMP_API_KEY');
      },
    },
  };
}

export async function start(options: { env?: NodeJS.ProcessEnv } = {}): Promise<Runtime> {
  const env = options.env ?? process.env;
  // The kernel's settings alone (no module is loaded yet) say where the database is: enough to start it first.
  const kernelConfig = loadConfig(env, []);
  const logger = createLogger({ level: kernelConfig.logLevel });
  // Milliseconds since the process started, and of CPU this process used, at the end of each phase: logged once
  // the platform is up (wall time on a busy machine says little; the CPU time says what this process costs).
  const phases: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const phase = (name: string) => {
    const used = process.cpuUsage();
    phases[name] = Math.round(performance.now());
    cpu[name] = Math.round((used.user + used.system) / 1000);
  };
  phase('loaded');
  await assertPortFree(kernelConfig.port, '0.0.0.0');
  const stops: (() => Promise<void>)[] = [];
  // Set when a graceful stop begins (SHUTDOWN_GRACE_SECONDS from its first step, see drainHttp).
  let deadline: number | undefined;
  const remaining = () => (deadline === undefined ? undefined : Math.max(1_000, deadline - Date.now()));
  try {
    // Each part's stop is kept as soon as it has started, so that when another part fails the caller stops it.
    const track = <T>(step: Promise<T>, stopOf: (value: T) => (() => Promise<void>) | undefined): Promise<T> =>
      step.then((value) => {
        const stop = stopOf(value);
        if (stop) stops.unshift(stop);
        return value;
      });
    // The database first; the platform's code loads while PostgreSQL boots, then the full configuration (the
    // modules' settings too) is checked and the mailbox and the stand-ins, which do not need the database, start.
    const database = track(openDatabase(kernelConfig, logger), ({ db, embedded }) => {
      phase('database');
      return async () => {
        // A database connection a stuck run still holds must not keep the stop waiting past its time.
        await withDeadline(db.close(), remaining());
        await embedded?.stop();
      };
    });
    const code = loadPlatformCode().then((code) => {
      phase('imported');
      const config = loadConfig(env, code.MODULES);
      return { code, config, secrets: resolveSecrets(config) };
    });
    const mail = code.then(({ config }) =>
      track(createMailTransport(config, logger), ({ transport, mailbox }) => async () => {
        // Its pooled SMTP connections, closed after the platform stopped sending and before the mailbox goes.
        transport.close?.();
        await mailbox?.stop();
      }),
    );
    const supplierPart = code.then(({ code, config, secrets }) =>
      track(
        config.supplier.standIn
          ? // Development's stand-in for the external supplier: same protocol, delivers after a delay.
            code.startSupplierStandIn({
              port: config.supplier.standInPort,
              apiKey: secrets.supplierApiKey,
              webhookSecret: secrets.supplierWebhookSecret,
              webhookUrl: `${config.publicUrl}/v1/integrations/supplier/events`,
              deliveryDelayMs: config.supplier.deliveryDelayMs,
              log: (line) => logger.info(line),
            })
          : Promise.resolve(undefined),
        (standIn) => standIn && (() => standIn.close()),
      ),
    );
    const goldenHatPart = code.then(({ code, config, secrets }) =>
      track(
        config.goldenHat.standIn
          ? // Development's stand-in for the payout service: same protocol, pays after a delay.
            code.startGoldenHatStandIn({
              port: config.goldenHat.standInPort,
              apiKey: secrets.goldenHatApiKey,
              webhookSecret: secrets.goldenHatWebhookSecret,
              settleDelayMs: config.goldenHat.settleDelayMs,
              log: (line) => logger.info(line),
            })
          : Promise.resolve(undefined),
        (standIn) => standIn && (() => standIn.close()),
      ),
    );
    const parts = [database, code, mail, supplierPart, goldenHatPart] as const;
    // Every part settles (and is stopped, below, if need be) before the first failure is thrown.
    const failed = (await Promise.allSettled(parts)).find((part) => part.status === 'rejected');
    if (failed) throw failed.reason;
    const [{ db }, { code: loaded, config, secrets }, { transport, mailbox }, supplier, goldenHat] = await Promise.all(parts);
    const { MODULES, ROLES, createPlatform, seedDemoData, migrate, mountAdmin } = loaded;
    phase('services');
    await migrate(db, logger, ROLES);
    phase('migrations');
    let buildPanel: (() => Promise<void>) | undefined;
    const platform = await createPlatform({
      config,
      secrets,
      db,
      logger,
      mailTransport: transport,
      // The panel is built once the API listens: AdminJS's import (about 2 s of CPU) does not delay readiness.
      // PANEL=lazy leaves it to the first /admin request; PANEL=off serves none.
      mountBeforeApi:
        config.panel === 'off'
          ? undefined
          : mountAdmin(panelBundle(config, loaded.builtPanelBundle), {
              later: (build) => {
                if (config.panel === 'on') buildPanel = build;
              },
            }),
    });
    phase('platform');
    // The stand-in lives in the platform's time (the sandbox clock), so a delivery is dated as the platform sees it.
    if (supplier) supplier.options.now = () => platform.kernel.clock.now();
    if (config.seedDemo) {
      const created = await seedDemoData(platform.kernel, MODULES);
      if (created.length) logger.info({ created }, 'demo data seeded');
      phase('seed');
    }
    const server = platform.app.listen(config.port);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    phase('listening');
    await platform.startBackground();
    stops.unshift(() => platform.stop(remaining()));
    phase('jobs');
    stops.unshift(() => {
      deadline = Date.now() + config.shutdownGraceMs;
      return drainHttp(server, deadline);
    });
    // Before start() returns, so that a panel that cannot be built still fails the start.
    await buildPanel?.();
    phase('panel');
    logger.info({ startupMs: phases, startupCpuMs: cpu }, 'started');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    const urls: Record<string, string> = { api: base, docs: `${base}/docs`, admin: `${base}/admin`, openapi: `${base}/openapi.json` };
    if (mailbox) urls.mailbox = mailbox.webUrl;
    if (supplier) {
      urls.supplier = supplier.url;
      supplier.options.webhookUrl = `${base}/v1/integrations/supplier/events`;
    }
    if (goldenHat) {
      urls.goldenHat = goldenHat.url;
      goldenHat.options.webhookUrl = `${base}/v1/integrations/golden-hat/events`;
    }
    let stopping: Promise<void> | undefined;
    return {
      config,
      logger,
      db,
      platform,
      server,
      mailbox,
      supplier,
      urls,
      stop: () => (stopping ??= runAll(stops)),
    };
  } catch (error) {
    await runAll(stops);
    throw error;
  }
}

/** The build's prebuilt panel bundle when running from `npm run build`; else one bundled at start into the data folder. */
function panelBundle(config: Config, builtPanelBundle: () => string | undefined): { dir: string; prebuilt: boolean } {
  const built = builtPanelBundle();
  return built ? { dir: built, prebuilt: true } : { dir: path.join(config.dataDir, 'admin-bundle'), prebuilt: false };
}

/**
 * Stops accepting connections at once (a new one is refused, so a load
 * balancer moves on), lets the requests in flight finish, closes each
 * keep-alive connection as soon as it is idle, and at `deadline` closes
 * whatever is left.
 */
function drainHttp(server: Server, deadline: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function withDeadline(work: Promise<void>, ms: number | undefined): Promise<void> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

async function runAll(steps: (() => Promise<void>)[]): Promise<void> {
  for (const step of steps) await step().catch(() => undefined);
}
