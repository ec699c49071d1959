import type { Request, RequestHandler } from 'express';
import { FAVICON_FILE, FAVICON_PATH, createAdminRouter } from '@chorecat/admin';
import type { PlatformOptions } from './app.ts';
import type { Kernel } from './platform/module.ts';
import { AppError } from './platform/errors.ts';
import { sendProblem } from './platform/http/problem.ts';
import { createRateLimiter } from './platform/http/rate-limit.ts';
import { signInToPanel, resolvePrincipal } from './modules/identity/index.ts';
import { describePeople } from './admin/people.ts';
import { describeOrders } from './admin/orders.ts';
import { alertOperators } from './modules/notifications/index.ts';
import { getDashboard } from './modules/operations/index.ts';

/**
 * The panel's sign-in is the API's: the same per-email lockout and
 * per-address failure limit (identity's password sign-in), and the same
 * per-address request limit as `/v1/auth` (its counters, by name), so
 * neither door is a way around the other. AdminJS shows on the login page
 * the message of whatever `authenticate` throws, so refusals are thrown as
 * their public message and anything unexpected as a generic one.
 */
function panelSignIn(kernel: Kernel, limited: WeakSet<Request>) {
  return async (email: unknown, password: unknown, request?: Request) => {
    if (request && limited.has(request)) throw new Error('Too many requests; slow down and try again in a minute.');
    // The API's contract bounds these; the panel's form does not.
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 1024) return null;
    // An address as the API's contract takes it (`format: email` is ASCII): no Unicode look-alikes of a real one.
    if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email.trim())) return null;
    try {
      return await signInToPanel(kernel, { email, password, address: request?.ip ?? 'unknown' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'AUTH.INVALID_CREDENTIALS') return null;
      if (error instanceof AppError && error.status < 500) throw new Error(error.detail);
      kernel.logger.error({ err: error }, 'admin panel sign-in failed');
      void alertOperators(kernel, {
        summary: 'Admin panel sign-in failed',
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        requestId: request?.requestId,
        fingerprint: `admin-sign-in ${error instanceof Error ? error.message : ''}`,
      });
      throw new Error('Signing in is not possible right now; try again later.');
    }
  };
}

const PANEL_PATH = '/admin';

/** The panel's groups, by job: the day's work first, the platform's plumbing last. */
export const PANEL_NAVIGATION = ['Operations', 'Hiring', 'Billing', 'Quality', 'Bids', 'Platform'];

/**
 * Mounts the AdminJS panel at /admin with the modules' resources, users-table login and the dashboard.
 * `bundle`: where its component bundle is; `prebuilt` when it was made beforehand (the build's, the tests'),
 * otherwise it is bundled at start (and watched in development).
 *
 * `later`: the panel is built when the caller says (`npm start` does once it listens: AdminJS's import is
 * about 2 s of CPU, which the API need not wait for), or at its first request, which waits for it.
 * Without it the panel is built before this returns.
 */
export function mountAdmin(
  bundle: { dir: string; prebuilt: boolean },
  options: { later?: (build: () => Promise<void>) => void } = {},
): NonNullable<PlatformOptions['mountBeforeApi']> {
  return async (app, kernel, panel) => {
    const limited = new WeakSet<Request>();
    const build = () =>
      createAdminRouter({
        resources: panel.resources,
        readPhoto: (user, id) => panel.readPhoto(user, id),
        authenticate: panelSignIn(kernel, limited),
        dashboard: (user) => getDashboard(kernel, panel.figures, user?.roles ?? []),
        sessionPool: kernel.db.pool,
        sessionSecret: kernel.secrets.session,
        bundleDir: bundle.dir,
        prebuiltBundle: bundle.prebuilt,
        production: kernel.config.env === 'production',
        secureCookies: kernel.config.publicUrl.startsWith('https:'),
        publicUrl: kernel.config.publicUrl,
        resolveUser: (id) => resolvePrincipal(kernel, id),
        timeZone: kernel.config.businessTimeZone,
        describePeople: describePeople(kernel),
        // AdminJS would title an order by its id: every Order column (reviews, bids, kits …) says which chore it is.
        describeReferences: { orders: describeOrders(kernel) },
        navigationOrder: PANEL_NAVIGATION,
        rootPath: PANEL_PATH,
        // The panel's refusals become the platform's problems: one code, one status, as on every API route.
        sendProblem: (req, res, problem) =>
          sendProblem(res, new AppError(problem.code, problem.detail, { errors: problem.errors }), req.requestId),
      });
    let building: Promise<RequestHandler> | undefined;
    let router: RequestHandler | undefined;
    const ready = () =>
      (building ??= build().then((built) => {
        router = built.router;
        return built.router;
      }));
    if (options.later) options.later(() => ready().then(() => undefined));
    else await ready();
    const authLimit = createRateLimiter(kernel.db, {
      name: 'auth',
      perWindow: kernel.config.rateLimit.authPerMinute,
      only: (req) => req.method === 'POST',
    });
    // A refusal is remembered for authenticate rather than answered here: the login page shows it.
    const countLogin: RequestHandler = (req, res, next) =>
      void authLimit(req, res, (error?: unknown) => {
        if (error) limited.add(req);
        next();
      });
    // Every browser asks for it, on the panel's pages and the API's alike: an icon rather than a 404 each time.
    app.get(FAVICON_PATH, (_req, res) => {
      res.type('image/x-icon').set('cache-control', 'public, max-age=86400').sendFile(FAVICON_FILE);
    });
    app.use(`${PANEL_PATH}/login`, countLogin);
    // Until the panel is built, its requests wait for it (and a failed build answers them with its error).
    app.use(PANEL_PATH, (req, res, next) => (router ? router(req, res, next) : ready().then((built) => built(req, res, next), next)));
  };
}
