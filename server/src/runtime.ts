import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { loadConfig, resolveSecrets, type Config } from './platform/config.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { connectDatabase, type Database } from './platform/database.ts';
import { startEmbeddedPostgres, assertPortFree, embeddedUrl, PortInUseError, type EmbeddedDatabase } from './platform/embedded-db.ts';
import { migrate } from './platform/migrations.ts';
import { SmtpTransport, MailchimpTransport, type MailTransport } from './platform/mail.ts';
import { startDevMailbox, type DevMailbox } from './platform/dev-mailbox.ts';
import { createPlatform, type Platform } from './app.ts';
import { seedDemoData } from './platform/module.ts';
import { MODULES, ROLES } from './modules/index.ts';
import { mountAdmin } from './admin.ts';
import { builtPanelBundle } from '@chorecat/admin';
import { startSupplierStandIn, type SupplierStandIn } from './stand-ins/supplier-stand-in.ts';
import { startGoldenHatStandIn } from './stand-ins/golden-hat-stand-in.ts';

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
  if (config.databaseUrl) return { db: connectDatabase(config.databaseUrl, logger) };
  // A running `npm start` already owns the embedded cluster: CLI commands share it.
  if (existsSync(path.join(config.dataDir, 'pg', 'postmaster.pid'))) {
    try {
      await assertPortFree(config.embeddedDbPort);
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      return { db: connectDatabase(embeddedUrl(config.embeddedDbPort, 'chorecat'), logger) };
    }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, database: 'chorecat', logger });
  return { db: connectDatabase(embedded.url, logger), embedded };
}

export async function createMailTransport(config: Config, logger: Logger): Promise<{ transport: MailTransport; mailbox?: DevMailbox }> {
  if (config.mail.mailchimpApiKey)
    return { transport: await MailchimpTransport.create(config.mail.mailchimpApiKey, config.mail.from, config.mail.mailchimpBaseUrl) };
  if (config.mail.smtpUrl) return { transport: new SmtpTransport(config.mail.smtpUrl, config.mail.from) };
  if (config.mail.devMailbox) {
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
  const config = loadConfig(options.env ?? process.env, MODULES);
  const logger = createLogger({ level: config.logLevel });
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
  await assertPortFree(config.port, '0.0.0.0');
  const secrets = resolveSecrets(config);
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
    // The database starts beside the mailbox and the stand-ins, which do not need it.
    const parts = [
      track(openDatabase(config, logger), ({ db, embedded }) => {
        phase('database');
        return async () => {
          // A database connection a stuck run still holds must not keep the stop waiting past its time.
          await withDeadline(db.close(), remaining());
          await embedded?.stop();
        };
      }),
      track(createMailTransport(config, logger), ({ transport, mailbox }) => async () => {
        // Its pooled SMTP connections, closed after the platform stopped sending and before the mailbox goes.
        transport.close?.();
        await mailbox?.stop();
      }),
      track(
        config.supplier.standIn
          ? // Development's stand-in for the external supplier: same protocol, delivers after a delay.
            startSupplierStandIn({
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
      track(
        config.goldenHat.standIn
          ? // Development's stand-in for the payout service: same protocol, pays after a delay.
            startGoldenHatStandIn({
              port: config.goldenHat.standInPort,
              apiKey: secrets.goldenHatApiKey,
              webhookSecret: secrets.goldenHatWebhookSecret,
              settleDelayMs: config.goldenHat.settleDelayMs,
              log: (line) => logger.info(line),
            })
          : Promise.resolve(undefined),
        (standIn) => standIn && (() => standIn.close()),
      ),
    ] as const;
    // Every part settles (and is stopped, below, if need be) before the first failure is thrown.
    const failed = (await Promise.allSettled(parts)).find((part) => part.status === 'rejected');
    if (failed) throw failed.reason;
    const [database, mail, supplier, goldenHat] = await Promise.all(parts);
    const { db } = database;
    const { transport, mailbox } = mail;
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
      mountBeforeApi: mountAdmin(panelBundle(config), { later: (build) => (buildPanel = build) }),
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
function panelBundle(config: Config): { dir: string; prebuilt: boolean } {
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
