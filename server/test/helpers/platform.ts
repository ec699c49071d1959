import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { loadConfig, type Config, type Secrets } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { connectDatabase, type Database } from '../../src/platform/database.ts';
import { PlatformClock, type Clock } from '../../src/platform/clock.ts';
import type { MailTransport, EmailPayload } from '../../src/platform/mail.ts';
import type { Role } from '../../src/platform/http/auth.ts';
import { createPlatform, type Platform, type PlatformOptions } from '../../src/app.ts';
import { hashPassword } from '../../src/modules/identity/index.ts';
import { MODULES } from '../../src/modules/index.ts';
import type { ModuleDefinition } from '../../src/platform/module.ts';
import { createTestDatabase } from './database.ts';
import { startSupplierStandIn, type SupplierStandIn, type SupplierStandInOptions } from '../../src/stand-ins/supplier-stand-in.ts';
import { startGoldenHatStandIn, type GoldenHatStandIn } from '../../src/stand-ins/golden-hat-stand-in.ts';

export const TEST_SUPPLIER_KEY = 'test-supplier-key-0123456789';
export const TEST_SUPPLIER_SECRET = 'test-supplier-webhook-secret-0123456789';
export const TEST_GOLDEN_HAT_KEY = 'test-golden-hat-key-0123456789';
export const TEST_GOLDEN_HAT_SECRET = 'test-golden-hat-webhook-secret-0123456789';

/** A transport that keeps what it is asked to send (for tests that do not need real SMTP). */
export class MemoryTransport implements MailTransport {
  readonly name = 'memory';
  readonly sent: (EmailPayload & { messageId: string })[] = [];
  failNext = 0;

  async send(email: EmailPayload, messageId: string): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('transport refused (test)');
    }
    this.sent.push({ ...email, messageId });
  }
}

export interface TestPlatform {
  /** Serves the app on a real loopback port (for the SDK and other real HTTP clients); closed by close(). */
  listen(): Promise<string>;
  platform: Platform;
  db: Database;
  config: Config;
  clock: PlatformClock;
  mail: MailTransport;
  logLines: string[];
  api: supertest.Agent;
  /** The supplier stand-in this platform talks to (delivers only when told, unless options say otherwise). */
  supplier: SupplierStandIn;
  /** The Golden Hat stand-in (payouts settle only when told). */
  goldenHat: GoldenHatStandIn;
  /** Creates a user with these roles and returns a bearer token for it. */
  userWithRoles(roles: Role[], email?: string): Promise<{ id: string; email: string; token: string }>;
  close(): Promise<void>;
}

export async function createTestPlatform(
  options: {
    env?: Record<string, string>;
    mailTransport?: MailTransport;
    databaseUrl?: string;
    tokenClock?: Clock;
    mountBeforeApi?: PlatformOptions['mountBeforeApi'];
    supplier?: Partial<SupplierStandInOptions>;
    /** The module registry to build (default: the real one); fixture modules come in this way. */
    modules?: readonly ModuleDefinition[];
    /**
     * Where the sandbox clock starts (forward of today). Advancing there
     * instead would replay every weekly and monthly job due on the way (a
     * few hundred runs on an empty database, tens of seconds): a test that
     * lives in a future week starts in it.
     */
    startsAt?: Date;
    /**
     * The real time the platform clock counts from (default: Date.now). A
     * constant stops the clock between moves, for tests that answer at an
     * exact millisecond (a deadline): time then moves only by moveTo and
     * the sandbox clock.
     */
    clockBase?: () => number;
  } = {},
): Promise<TestPlatform> {
  const modules = options.modules ?? MODULES;
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const url = options.databaseUrl ?? database!.url;
  const supplier = await startSupplierStandIn({
    apiKey: TEST_SUPPLIER_KEY,
    webhookSecret: TEST_SUPPLIER_SECRET,
    deliveryDelayMs: null,
    ...options.supplier,
  });
  const goldenHat = await startGoldenHatStandIn({
    apiKey: TEST_GOLDEN_HAT_KEY,
    webhookSecret: TEST_GOLDEN_HAT_SECRET,
    settleDelayMs: null,
  });
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
      SESSION_SECRET: 'test-session-secret-test-session-secret-0123',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      SUPPLIER_URL: supplier.url,
      SUPPLIER_API_KEY: TEST_SUPPLIER_KEY,
      SUPPLIER_WEBHOOK_SECRET: TEST_SUPPLIER_SECRET,
      GOLDEN_HAT_URL: goldenHat.url,
      GOLDEN_HAT_API_KEY: TEST_GOLDEN_HAT_KEY,
      GOLDEN_HAT_WEBHOOK_SECRET: TEST_GOLDEN_HAT_SECRET,
      WEBHOOKS_ENCRYPTION_KEY: 'test-webhooks-encryption-key-0123456789',
      ...options.env,
    },
    modules,
  );
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  });
  const db = connectDatabase(url, logger);
  const clock = new PlatformClock(options.clockBase);
  if (options.startsAt) {
    // The shared offset the platform reads at start (and every process after), as an advance would leave it.
    if (options.startsAt.getTime() <= Date.now()) throw new Error(`startsAt ${options.startsAt.toISOString()} is not ahead of today`);
    await db.pool.query('UPDATE sandbox_clock SET offset_ms = $1, updated_at = now()', [options.startsAt.getTime() - Date.now()]);
  }
  const mail = options.mailTransport ?? new MemoryTransport();
  const platform = await createPlatform({
    config,
    secrets: {
      // A fixture module's secrets come from its variables, like the real ones.
      ...(config.secrets as Secrets),
      jwt: config.secrets.jwt!,
      session: config.secrets.session!,
      supplierApiKey: TEST_SUPPLIER_KEY,
      supplierWebhookSecret: TEST_SUPPLIER_SECRET,
      goldenHatApiKey: TEST_GOLDEN_HAT_KEY,
      goldenHatWebhookSecret: TEST_GOLDEN_HAT_SECRET,
    },
    db,
    logger,
    mailTransport: mail,
    clock,
    tokenClock: options.tokenClock,
    mountBeforeApi: options.mountBeforeApi,
    modules,
  });
  // The supplier dates deliveries by the platform's clock, as in `npm start`.
  supplier.options.now ??= () => clock.now();
  const passwordHash = await hashPassword('test-password');
  let server: Server | undefined;
  return {
    async listen() {
      server ??= platform.app.listen(0, '127.0.0.1');
      if (!server.listening) await new Promise((resolve) => server!.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // The supplier announces deliveries here (as a real supplier's dashboard would be told).
      supplier.options.webhookUrl ??= `${base}/v1/integrations/supplier/events`;
      goldenHat.options.webhookUrl ??= `${base}/v1/integrations/golden-hat/events`;
      return base;
    },
    platform,
    db,
    config,
    clock,
    mail,
    logLines,
    supplier,
    goldenHat,
    api: supertest.agent(platform.app),
    async userWithRoles(roles, email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@chorecat.test`) {
      const [rows] = (await db.sequelize.query(
        'INSERT INTO users (email, name, password_hash, roles, email_verified_at) VALUES ($1, $2, $3, $4::text[], now()) RETURNING id',
        { bind: [email, `Test ${roles.join(' ')}`, passwordHash, roles] },
      )) as [{ id: string }[], unknown];
      const id = rows[0]!.id;
      const { token } = await platform.kernel.tokens.issueAccessToken({ id, roles });
      return { id, email, token };
    },
    async close() {
      await supplier.close();
      await goldenHat.close();
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      await platform.stop();
      await db.close();
      await database?.drop();
    },
  };
}
