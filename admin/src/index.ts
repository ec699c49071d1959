import path from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import { Router, type Request, type Response, type NextFunction } from 'express';
import type pg from 'pg';

/**
 * The Chorecat admin panel (AdminJS) for managers and supplies staff. It is
 * a shell: the server hands it the modules' resources (Sequelize models with
 * options), an `authenticate` callback backed by the users table and the
 * dashboard's data; every custom action calls a module's use case, never a
 * rule of its own.
 */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface DashboardData {
  now: string;
  sandbox: boolean;
  emails: { pending: number; sent: number; failed: number };
  /** Every outbox topic (emails, domain events): what was given up after its last attempt, and what is retrying after an error. */
  deliveries: {
    gaveUp: number;
    retrying: number;
    latestGivenUp: { id: string; topic: string; subscriber: string | null; event: string | null; error: string | null; queuedAt: string }[];
  };
  jobFailures24h: number;
  recentJobRuns: { id: string; job: string; asOf: string; trigger: string; outcome: string | null }[];
}

export interface AdminOptions {
  rootPath?: string;
  /** The modules' screens; `roles` lists the panel roles that may use one (default: managers and admins). */
  resources: { resource: unknown; options?: Record<string, unknown>; roles?: string[]; actionLabels?: Record<string, string> }[];
  /**
   * Returns the user when the email and password are right. Gets the login's request (its address counts
   * towards the sign-in limits); a refusal it throws (a lockout) is shown on the login page.
   */
  authenticate(email: string, password: string, request?: Request): Promise<AdminUser | null>;
  dashboard(): Promise<DashboardData>;
  /** Reads a photo for a signed-in panel user (staff); undefined when there is none. */
  readPhoto(user: AdminUser, id: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
  sessionPool: pg.Pool;
  sessionSecret: string;
  /** Where AdminJS writes its component bundle; the name must not start with a dot (Express 5 refuses dot-folders). */
  bundleDir: string;
  production: boolean;
  secureCookies: boolean;
}

/** Name of the component that shows a photo from a file-id property. */
export const PHOTO_THUMBNAIL = 'ChorecatPhotoThumbnail';

/**
 * Name of the component for a record action that needs a few inputs: give
 * the action `component: ACTION_FORM` and `custom: { fields: [{ name,
 * label, type?: 'textarea', placeholder? }], help?, submitLabel? }`; the
 * values arrive as the POST payload of the action's handler.
 */
export const ACTION_FORM = 'ChorecatActionForm';

/** Who may sign in to the panel at all; each screen then says which of them may use it. */
export const ADMIN_ROLES = ['manager', 'admin', 'supplies'];
const DEFAULT_SCREEN_ROLES = ['manager', 'admin'];
const STANDARD_ACTIONS = ['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete'];

type ActionOptions = { isAccessible?: boolean | ((context: { currentAdmin?: { roles?: string[] } }) => boolean) };

/**
 * Gates every action of a screen (standard and custom) by the signed-in
 * user's roles, on top of the action's own rule. A screen whose `list` is
 * not accessible also leaves the sidebar, so supplies staff see their queue
 * and nothing else.
 */
export function restrictToRoles(entry: { resource: unknown; options?: Record<string, unknown>; roles?: string[] }): {
  resource: unknown;
  options: Record<string, unknown>;
} {
  const roles = entry.roles ?? DEFAULT_SCREEN_ROLES;
  const options = { ...(entry.options ?? {}) };
  const actions = { ...((options.actions as Record<string, ActionOptions> | undefined) ?? {}) };
  for (const name of new Set([...STANDARD_ACTIONS, ...Object.keys(actions)])) {
    const own = actions[name] ?? {};
    const rule = own.isAccessible;
    actions[name] = {
      ...own,
      isAccessible: (context) => {
        const allowed = (context.currentAdmin?.roles ?? []).some((r) => roles.includes(r));
        if (!allowed || rule === false) return false;
        return typeof rule === 'function' ? rule(context) : true;
      },
    };
  }
  options.actions = actions;
  return { resource: entry.resource, options };
}

export async function createAdminRouter(options: AdminOptions): Promise<{ router: Router; rootPath: string }> {
  const rootPath = options.rootPath ?? '/admin';
  // AdminJS reads ADMIN_JS_TMP_DIR once, when it is first imported: set it, then import.
  process.env.ADMIN_JS_TMP_DIR = options.bundleDir;
  if (!options.production) rmSync(options.bundleDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.bundleDir), { recursive: true });
  const { default: AdminJS, ComponentLoader } = await import('adminjs');
  const { default: AdminJSExpress } = await import('@adminjs/express');
  const AdminJSSequelize = await import('@adminjs/sequelize');
  AdminJS.registerAdapter({ Resource: AdminJSSequelize.Resource, Database: AdminJSSequelize.Database });

  const componentLoader = new ComponentLoader();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const Dashboard = componentLoader.add('ChorecatDashboard', path.join(here, 'components/dashboard.jsx'));
  // Resources refer to these by name in their property options.
  componentLoader.add(PHOTO_THUMBNAIL, path.join(here, 'components/photo-thumbnail.jsx'));
  componentLoader.add(ACTION_FORM, path.join(here, 'components/action-form.jsx'));

  const admin = new AdminJS({
    rootPath,
    loginPath: `${rootPath}/login`,
    logoutPath: `${rootPath}/logout`,
    componentLoader,
    resources: options.resources.map(restrictToRoles) as never,
    dashboard: { component: Dashboard, handler: () => options.dashboard() },
    branding: {
      companyName: 'Chorecat',
      withMadeWithLove: false,
      logo: false,
      theme: { colors: { primary100: '#7a4fd6', primary80: '#8f6ae0', primary60: '#a585e8', primary40: '#bba1ef', primary20: '#d2bdf6' } },
    },
    locale: {
      language: 'en',
      translations: {
        en: {
          messages: { loginWelcome: 'Operations for Chorecat: managers and supplies staff.' },
          resources: Object.fromEntries(
            options.resources
              .filter((r) => r.actionLabels && typeof r.options?.id === 'string')
              .map((r) => [r.options!.id as string, { actions: r.actionLabels as Record<string, string> }]),
          ),
        },
      },
    },
  });
  if (options.production) await admin.initialize();
  else await admin.watch();
  const PgStore = connectPgSimple(session);
  // AdminJS throws a plain Error (a 500) for a screen it does not know: answer 404 before it is asked.
  const screens = new Set((admin.resources as { id(): string; _decorated?: { id(): string } }[]).map((r) => r._decorated?.id() ?? r.id()));
  const predefined = Router();
  // The panel loads nothing from elsewhere: AdminJS's pages link Google Fonts, which would tell Google who
  // opens the panel and when (the system font is used instead). Inline scripts and styles are AdminJS's own.
  predefined.use((_req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => send(typeof body === 'string' ? body.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '') : body);
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    next();
  });
  predefined.use(['/api/resources/:resourceId', '/resources/:resourceId'], (req: Request, res: Response, next: NextFunction) => {
    if (screens.has(String(req.params.resourceId))) return next();
    const detail = 'No such screen in the admin panel.';
    if (req.originalUrl.startsWith(`${rootPath}/api/`)) {
      return res
        .status(404)
        .type('application/problem+json')
        .json({ type: 'https://chorecat.test/problems/not-found', title: 'Not Found', status: 404, code: 'NOT_FOUND', detail });
    }
    return res.status(404).type('text/plain').send(detail);
  });
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      authenticate: async (email: string, password: string, context?: { req?: Request }) => {
        const user = await options.authenticate(email, password, context?.req);
        if (!user || !user.roles.some((r) => ADMIN_ROLES.includes(r))) return null;
        return { id: user.id, email: user.email, title: user.name, roles: user.roles };
      },
      cookieName: 'chorecat.admin',
      cookiePassword: options.sessionSecret,
    },
    predefined,
    {
      store: new PgStore({ pool: options.sessionPool, tableName: 'admin_sessions', createTableIfMissing: false }),
      secret: options.sessionSecret,
      resave: false,
      saveUninitialized: false,
      name: 'chorecat.admin',
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: 8 * 60 * 60_000 },
    },
  );
  // After AdminJS's own session check: only signed-in panel users reach it.
  router.get('/photos/:id', async (req, res, next) => {
    try {
      const user = (req.session as unknown as { adminUser?: { id: string; email: string; title: string; roles: string[] } }).adminUser;
      const id = String(req.params.id);
      if (!user || !/^[0-9a-f-]{36}$/.test(id)) return res.status(404).end();
      const photo = await options.readPhoto({ id: user.id, email: user.email, name: user.title, roles: user.roles }, id);
      if (!photo) return res.status(404).end();
      res.type(photo.contentType).setHeader('Cache-Control', 'private, max-age=3600');
      res.send(photo.bytes);
    } catch (error) {
      next(error);
    }
  });
  return { router, rootPath };
}
