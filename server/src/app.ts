import { createRequire } from 'node:module';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { apiReference } from '@scalar/express-api-reference';
import type { Config, Secrets } from './platform/config.ts';
import type { Database } from './platform/database.ts';
import type { Logger } from './platform/logger.ts';
import { PlatformClock, systemClock, type Clock } from './platform/clock.ts';
import { createMetrics } from './platform/metrics.ts';
import { OutboxDispatcher } from './platform/outbox.ts';
import { JobRegistry, Scheduler } from './platform/scheduler.ts';
import { SandboxClock } from './platform/sandbox-clock.ts';
import { TokenService, authenticate, type Role } from './platform/http/auth.ts';
import {
  loadSpec,
  listOperations,
  matchOperation,
  authorize,
  validator,
  bindOperations,
  type OperationHandlers,
} from './platform/http/openapi.ts';
import { idempotency } from './platform/http/idempotency.ts';
import { checkErrorCodes } from './platform/http/error-codes.ts';
import { requireWellFormedText } from './platform/http/well-formed-text.ts';
import { createRateLimiter } from './platform/http/rate-limit.ts';
import { requestLogging } from './platform/http/request-log.ts';
import { problemHandler, notFound } from './platform/http/problem.ts';
import type { MailTransport } from './platform/mail.ts';
import {
  assembleAdminResources,
  createModules,
  rolesOf,
  type ChorecatModule,
  type Kernel,
  type AdminResource,
  type ModuleDefinition,
  type KernelServices,
} from './platform/module.ts';
import { MODULES } from './modules/index.ts';
import { PrivacyRegistry } from './platform/privacy.ts';
import { allowRoles } from './platform/migrations.ts';
import { EventBus } from './platform/events.ts';
import type { DashboardFigure } from './platform/dashboard.ts';

/**
 * The composition root: builds the kernel, creates every module, and
 * assembles the HTTP app in the order of ARCHITECTURE.md's data path.
 */
export interface Platform {
  kernel: Kernel;
  modules: ChorecatModule[];
  app: Express;
  /** Starts jobs (Agenda) and the clock sync; what ROLE=worker|all runs besides HTTP. */
  startBackground(): Promise<void>;
  /** Stops the jobs: waits up to `timeoutMs` for runs in flight, then releases this process's job locks. */
  stop(timeoutMs?: number): Promise<void>;
}

/** What the modules give the admin panel: their screens, and photo reading for staff. */
export interface AdminPanelParts {
  resources: AdminResource[];
  /** Every module's dashboard figures, in registry order. */
  figures: DashboardFigure[];
  readPhoto(user: { id: string; roles: string[] }, id: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

export interface PlatformOptions {
  config: Config;
  secrets: Secrets;
  db: Database;
  logger: Logger;
  mailTransport: MailTransport;
  clock?: PlatformClock;
  /** The clock tokens expire by (real time unless a test injects one). */
  tokenClock?: Clock;
  /** Mounts extra routers before the API (the admin panel); given the kernel and what the panel needs. */
  mountBeforeApi?: (app: Express, kernel: Kernel, panel: AdminPanelParts) => Promise<void>;
  /** The modules to build (default: the registry, `modules/index.ts`); tests add fixture modules this way. */
  modules?: readonly ModuleDefinition[];
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, secrets, db, logger, mailTransport } = options;
  const clock = options.clock ?? new PlatformClock();
  const definitions = options.modules ?? MODULES;
  const spec = loadSpec();
  const registry = new JobRegistry();
  const outbox = new OutboxDispatcher({
    db,
    clock,
    logger,
    // Called only during dispatch, long after `kernel` below exists.
    onGiveUp: (message, reason) => services.onOutboxGaveUp(message, reason),
  });
  const metrics = createMetrics({ collectOutboxBacklog: () => outbox.backlog() });
  const scheduler = new Scheduler(registry, {
    db,
    clock,
    logger,
    metrics,
    businessTimeZone: config.businessTimeZone,
    mongodbUrl: config.mongodbUrl,
  });
  const sandbox = new SandboxClock({ db, clock, scheduler });
  const kernel: Kernel = {
    config,
    secrets,
    db,
    clock,
    logger,
    metrics,
    // Tokens live in real time: advancing the sandbox clock must not sign everyone out.
    tokens: new TokenService(secrets.jwt, options.tokenClock ?? systemClock),
    outbox,
    scheduler,
    sandbox,
    mailTransport,
    privacy: new PrivacyRegistry(),
    events: new EventBus({ db, clock, outbox }),
    spec,
    roles: rolesOf(definitions),
  };
  // The roles this platform can hand out are allowed in the database, whichever registry it was built from
  // (the migrator allows the registry's; a test's or a benchmark's may add a fixture module's).
  await allowRoles(db, kernel.roles);
  if (config.sandbox) await sandbox.sync();

  const created = createModules(kernel, definitions);
  const { modules } = created;
  const services = requireServices(created.services);
  for (const module of modules) for (const job of module.jobs ?? []) registry.register(job);
  const handlers: OperationHandlers = {};
  for (const module of modules) {
    for (const [operationId, handler] of Object.entries(module.handlers ?? {})) {
      // A second module claiming an operation would silently replace the first one's handler.
      if (handlers[operationId]) throw new Error(`operation ${operationId} is handled by two modules`);
      handlers[operationId] = handler;
    }
  }
  const operations = listOperations(spec, kernel.roles);

  const app = express();
  app.disable('x-powered-by');
  // Exact paths only (ARCHITECTURE.md, convention 11): `/V1/EMAILS` or `/v1/emails/` is not `/v1/emails`.
  // Set before the first app.use, when Express builds its router from them; the validator reads them too.
  app.enable('case sensitive routing');
  app.enable('strict routing');
  app.set('trust proxy', 'loopback');
  // Express works the address out again (X-Forwarded-For parsed against the trusted proxies) at every read of
  // req.ip, and the rate limiters read it several times a request (issue #17: ~7 %): once is enough.
  app.use((req, _res, next) => {
    Object.defineProperty(req, 'ip', { value: req.ip, configurable: true, enumerable: true });
    next();
  });
  // Test mode: every refusal of an operation carries a code that operation documents (x-error-codes and the common
  // lists), first of all so that refusals answered before the route match (the rate limits) are seen too.
  // CHORECAT_RECORD_ERROR_CODES=<file> records them instead (a test-run tool, not configuration).
  if (config.validateResponses) {
    app.use(checkErrorCodes({ spec, operations, logger, recordFile: process.env.CHORECAT_RECORD_ERROR_CODES || undefined }));
  }
  app.use((req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      // Label by the spec's path template (also for requests refused before routing), never the raw URL.
      const operation = res.locals.operation as { path: string } | undefined;
      const route =
        operation?.path ??
        (res.locals.route as string | undefined) ??
        (req.path.startsWith('/admin') ? '/admin' : req.path.startsWith('/docs') ? '/docs' : 'unmatched');
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      stop(labels);
    });
    next();
  });
  // Flood defence first, before logging and everything else: refusing a flooded public route costs microseconds
  // and no database work (its limits refuse from memory once exceeded). Counted in /metrics, not logged.
  // Each is bound to its exact contract path (not a prefix: `/v1/applications/` is not the form).
  for (const module of modules) {
    for (const { path, handlers } of module.early ?? []) {
      const chain = express.Router();
      chain.use(...handlers);
      app.use((req, res, next) => {
        if (req.path !== path) return next();
        res.locals.route = path;
        chain(req, res, next);
      });
    }
  }
  app.use(requestLogging(logger, { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' }));

  // One budget per address for everything below, the docs and the admin panel included.
  app.use(createRateLimiter(db, { name: 'global', perWindow: config.rateLimit.perMinute }));

  // The docs page: Scalar, served entirely from this server (no CDN, no web fonts).
  const require = createRequire(import.meta.url);
  const scalarBundle = require.resolve('@scalar/api-reference/browser/standalone.js');
  app.get('/docs-assets/scalar.js', (_req, res) => res.sendFile(scalarBundle, { maxAge: '1h' }));
  app.use(
    '/docs',
    helmet({ contentSecurityPolicy: false }),
    apiReference({
      url: '/openapi.json',
      cdn: '/docs-assets/scalar.js',
      withDefaultFonts: false,
      theme: 'purple',
      pageTitle: 'Chorecat API',
      // Everything that would call Scalar's own services stays off: the page works with no network.
      agent: { disabled: true },
      showDeveloperTools: 'never',
      showToolbar: 'never',
      telemetry: false,
    } as never),
  );

  // The admin panel brings its own body parsing and sessions: mount it before ours.
  const adminResources = assembleAdminResources(modules);
  if (options.mountBeforeApi) {
    await options.mountBeforeApi(app, kernel, {
      resources: adminResources,
      figures: modules.flatMap((m) => m.dashboardFigures ?? []),
      readPhoto: (user, id) => services.readFile({ id: user.id, roles: user.roles as Role[] }, id),
    });
  }

  app.use(helmet());
  if (config.corsOrigins.length > 0) {
    app.use(cors({ origin: config.corsOrigins, exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Retry-After'] }));
  }
  app.use('/v1/auth', createRateLimiter(db, { name: 'auth', perWindow: config.rateLimit.authPerMinute }));
  // The one route match: every later step (roles, validation, idempotency, metrics, the handler) uses it.
  app.use(matchOperation(operations));
  // Who is calling and whether they may, before reading any body: a refused caller costs no parsing.
  app.use(authenticate(kernel.tokens, (userId) => services.resolveCaller(userId)));
  app.use(authorize());
  app.use(
    express.json({
      limit: config.bodyLimit,
      type: ['application/json', 'application/*+json'],
      // Kept for signed callbacks (the supplier's HMAC is over the exact bytes); no copy is made.
      verify: (req, _res, buffer) => {
        (req as express.Request).rawBody = buffer;
      },
    }),
  );
  app.use(...validator(spec, { validateResponses: config.validateResponses, ignorePaths: /^\/(admin|docs)(\/|$)/ }));
  app.use(requireWellFormedText());
  const guards: Record<string, RequestHandler[]> = Object.assign({}, ...modules.map((m) => m.guards ?? {}));
  // One for every operation: a key's settlement still waiting for the database is found by the key's next retry.
  const replayable = idempotency(db, logger);
  app.use(
    bindOperations(operations, handlers, (op) => [
      ...(guards[op.operationId] ?? []),
      ...(op.method === 'post' && op.replayable ? [replayable] : []),
    ]),
  );
  app.use(notFound);
  app.use(
    problemHandler({
      logger,
      onServerError: (error, req) => {
        // Named by the contract's path template (or the area), never the raw path: one bug is one alert,
        // however many distinct URLs a caller sends to it.
        const route =
          (req.res?.locals.operation as { path: string } | undefined)?.path ??
          (req.path.startsWith('/admin') ? '/admin' : req.path.startsWith('/docs') ? '/docs' : 'unmatched');
        void services.alertOperators({
          summary: `500 on ${req.method} ${route}`,
          detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          requestId: req.requestId,
          fingerprint: `${req.method} ${route} ${error instanceof Error ? error.name : ''}`,
        });
      },
    }),
  );

  let syncTimer: NodeJS.Timeout | undefined;
  return {
    kernel,
    modules,
    app,
    async startBackground() {
      if (config.sandbox) {
        // Other processes may advance the sandbox clock; follow them.
        syncTimer = setInterval(() => void sandbox.sync().catch(() => undefined), 2_000);
        syncTimer.unref();
      }
      if (config.role !== 'api') {
        await scheduler.start();
        // Delivers as messages commit (LISTEN/NOTIFY); the outbox.deliver job is the fallback poll.
        await outbox.start();
      }
    },
    async stop(timeoutMs) {
      if (syncTimer) clearInterval(syncTimer);
      // The running jobs and the outbox's batch in flight finish (jobs within the grace time) side by side.
      await Promise.all([scheduler.stop(timeoutMs), outbox.stop()]);
    },
  };
}

const KERNEL_SERVICES = [
  'resolveCaller',
  'alertOperators',
  'onOutboxGaveUp',
  'readFile',
] as const satisfies readonly (keyof KernelServices)[];

/** The platform does not start without a module supplying each kernel service. */
function requireServices(services: Partial<KernelServices>): KernelServices {
  const missing = KERNEL_SERVICES.filter((name) => !services[name]);
  if (missing.length) throw new Error(`no module supplies the kernel service${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return services as KernelServices;
}
