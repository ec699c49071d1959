import path from 'node:path';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import session, { type SessionOptions } from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import helmet from 'helmet';
import formidableMiddleware from 'express-formidable';
import { Router, type Request, type Response, type NextFunction, type RequestHandler } from 'express';
import type pg from 'pg';
import { PanelProblem, UNSAFE_KEY_SEGMENT, malformedField } from './problems.ts';
import { ADMIN_ROLES, prepareScreen, type DescribePeople, type DescribeRecords } from './screens.ts';
import { panelResourceAdapter } from './resource.ts';
import { checkListQuery, checkRecordId, screenSchema, type DecoratedResourceLike, type ScreenSchema } from './requests.ts';

export { PanelProblem, type PanelProblemCode, type PanelFieldError } from './problems.ts';
export { ADMIN_ROLES, changesState, prepareScreen, PEOPLE_SCREEN, type DescribePeople, type DescribeRecords } from './screens.ts';

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
  /** The modules' figures the signed-in user's roles may see (the server's `DashboardFigureView`). */
  timeZone: string;
  figures: unknown[];
  /** The platform's own delivery and job health: for managers and admins only. */
  platform: PlatformHealth | null;
}

export interface PlatformHealth {
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
  /** The dashboard as this panel user may see it. */
  dashboard(user: { roles: string[] } | undefined): Promise<DashboardData>;
  /** Reads a photo for a signed-in panel user (staff); undefined when there is none. */
  readPhoto(user: AdminUser, id: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
  sessionPool: pg.Pool;
  sessionSecret: string;
  /** Where AdminJS keeps its component bundle (`bundle.js`); the name must not start with a dot (Express 5 refuses dot-folders). */
  bundleDir: string;
  /**
   * The bundle in `bundleDir` was made beforehand (`npm run build`, the tests' global setup: `bundlePanelComponents`)
   * and is served as it is. Otherwise development bundles (and watches) the components at start, production bundles once.
   */
  prebuiltBundle?: boolean;
  production: boolean;
  secureCookies: boolean;
  /** The panel's public address (PUBLIC_URL): a state-changing request must come from it, or from the host it was sent to. */
  publicUrl: string;
  /** The signed-in panel user as the users table has them now (roles change, accounts get disabled); null when they may no longer sign in. */
  resolveUser(id: string): Promise<{ id: string; roles: string[] } | null>;
  /** The business time zone (TZ_BUSINESS): the panel writes every date in it, with its offset. */
  timeZone: string;
  /** Labels for user ids, all of a page's at once: every reference to the users screen shows one instead of an id. */
  describePeople?: DescribePeople;
  /** Labels for other screens' records by screen id (`orders`: service and start): every reference to that screen shows one instead of an id. */
  describeReferences?: Record<string, DescribeRecords>;
  /** The order of the navigation's groups (by name); screens of other groups follow. */
  navigationOrder?: string[];
  /** Answers a refusal as problem+json: the server maps the code to its status, as for every route. */
  sendProblem(req: Request, res: Response, problem: PanelProblem): void;
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

/** Name of the component that shows a quality review's whole case from the record's `dossier` param (a JSON string). */
export const REVIEW_DOSSIER = 'ChorecatReviewDossier';

/** Name of the component that shows an order's whole page from the record's `orderPage` param (a JSON string). */
export const ORDER_PAGE = 'ChorecatOrderPage';

/** Name of the component that shows one person's money (a client's balance, a worker's earnings) from the record's `moneyPage` param (a JSON string). */
export const MONEY_PAGE = 'ChorecatMoneyPage';

/** Name of the component that draws a JSON column (the audit log's before and after …) on show and list pages. */
export const JSON_VIEW = 'ChorecatJson';

/** Where the panel's pages say their icon is; the server serves FAVICON_FILE there (browsers ask for it at the root anyway). */
export const FAVICON_PATH = '/favicon.ico';
export const FAVICON_FILE = fileURLToPath(new URL('./assets/favicon.ico', import.meta.url));
/** The panel's own layout rules (table cells, action headers), linked from every page. */
const PANEL_CSS_FILE = fileURLToPath(new URL('./assets/panel.css', import.meta.url));

/** Name of the components that draw a date (business time zone, with offset), a status (coloured by meaning) and a computed text (money on one line, an email's line breaks). */
export const MOMENT_VALUE = 'ChorecatMoment';
export const STATUS_BADGE = 'ChorecatStatus';
export const TEXT_VALUE = 'ChorecatText';
/** Name of the component that draws a value naming another record as a link to its page (params[path], params[`${path}Href`]). */
export const LINK_VALUE = 'ChorecatLink';
/** Name of the component that draws a record's lines on its show page from a param holding a JSON array of rows; `custom.timeZone` is set for it. */
export const LINES_TABLE = 'ChorecatLines';

/** Screens in the order of their navigation group (AdminJS groups by first appearance), each group's own order kept. */
function inNavigationOrder<T extends { options?: Record<string, unknown> }>(resources: T[], order: string[] = []): T[] {
  const rank = (r: T) => {
    const name = (r.options?.navigation as { name?: string } | undefined)?.name;
    const at = name === undefined ? -1 : order.indexOf(name);
    return at === -1 ? order.length : at;
  };
  return resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** "serviceTypeId" → "Service Type": a reference is named for what it refers to, not for its id. */
const referenceLabel = (name: string) =>
  name
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase());

/**
 * The panel's own words for each screen: its actions' labels, and its
 * properties' (a property's `label` option; a reference without its "Id").
 */
function screenWords(resources: AdminOptions['resources']) {
  const words: Record<string, { actions?: Record<string, string>; properties?: Record<string, string> }> = {};
  for (const r of resources) {
    const id = (r.options?.id as string | undefined) ?? (r.resource as { tableName?: string }).tableName;
    if (!id) continue;
    const properties: Record<string, string> = {};
    for (const [name, p] of Object.entries((r.options?.properties as Record<string, { label?: string; reference?: string }>) ?? {})) {
      if (typeof p.label === 'string') properties[name] = p.label;
      else if (p.reference && /.Id$/.test(name)) properties[name] = referenceLabel(name);
    }
    words[id] = { ...(r.actionLabels ? { actions: r.actionLabels } : {}), ...(Object.keys(properties).length ? { properties } : {}) };
  }
  return words;
}

/** Replaces the request's session with a fresh one (a new id), keeping where the user was going. */
function renewSession(req: Request): Promise<void> {
  const { redirectTo } = req.session as unknown as { redirectTo?: string };
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      if (redirectTo) (req.session as unknown as { redirectTo?: string }).redirectTo = redirectTo;
      resolve();
    }),
  );
}

/** The panel's own React components, by name (resources refer to them by these names in their property options). */
export const PANEL_COMPONENTS: Readonly<Record<string, string>> = {
  ChorecatDashboard: 'dashboard.jsx',
  [PHOTO_THUMBNAIL]: 'photo-thumbnail.jsx',
  [ACTION_FORM]: 'action-form.jsx',
  [JSON_VIEW]: 'json-view.jsx',
  [REVIEW_DOSSIER]: 'review-dossier.jsx',
  [ORDER_PAGE]: 'order-page.jsx',
  [MONEY_PAGE]: 'money-page.jsx',
  [MOMENT_VALUE]: 'moment-value.jsx',
  [STATUS_BADGE]: 'status-badge.jsx',
  [TEXT_VALUE]: 'text-value.jsx',
  [LINES_TABLE]: 'lines-table.jsx',
  [LINK_VALUE]: 'link-value.jsx',
};

/** AdminJS's own components the panel replaces: every form's lists (a test's questions and choices …) key items by place, so "Add new item" works after typing. */
export const PANEL_OVERRIDES: Readonly<Record<string, string>> = {
  DefaultArrayEditProperty: 'array-edit.jsx',
};

/** The folder of the components' sources: what a prebuilt bundle was made from (its cache key hashes it). */
export const PANEL_COMPONENTS_DIR = fileURLToPath(new URL('./components/', import.meta.url));

/**
 * Adds the panel's components to an AdminJS ComponentLoader; returns the dashboard's. The same list
 * serves the panel and `bundlePanelComponents`, so a prebuilt bundle has every component the panel names.
 */
export function addPanelComponents(loader: {
  add(name: string, file: string): string;
  override(name: string, file: string): string;
}): string {
  for (const [name, file] of Object.entries(PANEL_COMPONENTS)) loader.add(name, path.join(PANEL_COMPONENTS_DIR, file));
  for (const [name, file] of Object.entries(PANEL_OVERRIDES)) loader.override(name, path.join(PANEL_COMPONENTS_DIR, file));
  return 'ChorecatDashboard';
}

/**
 * Where `npm run build` puts the panel's bundle, beside the built panel (`admin/dist/panel-bundle`);
 * undefined when this panel was not built (it runs from its TypeScript source).
 */
export function builtPanelBundle(): string | undefined {
  const dir = fileURLToPath(new URL('./panel-bundle/', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(path.join(dir, 'bundle.js')) ? dir : undefined;
}

let libraries: { dir: string; loading: ReturnType<typeof importPanelLibraries> } | undefined;

async function importPanelLibraries(bundleDir: string) {
  const [adminjs, bundler, express, sequelize] = await Promise.all([
    import('adminjs'),
    import('adminjs/bundler'),
    import('@adminjs/express'),
    import('@adminjs/sequelize'),
  ]);
  // Imported earlier in this process with another folder (or none), AdminJS would serve that folder's bundle.
  if (path.resolve(bundler.ADMIN_JS_TMP_DIR) !== path.resolve(bundleDir))
    throw new Error(`AdminJS serves the bundle in ${bundler.ADMIN_JS_TMP_DIR}, not ${bundleDir}: one bundle folder per process`);
  return { adminjs, AdminJSExpress: express.default, AdminJSSequelize: sequelize };
}

/**
 * Imports AdminJS and its Express and Sequelize adapters, once per process. AdminJS reads its bundle folder
 * (ADMIN_JS_TMP_DIR) when first imported, so the folder is set first, and nothing else here imports them
 * (resource.ts takes the adapter's types only). The import is the panel's largest start-up cost (about 2 s
 * of CPU: its bundlers, rollup and babel, come along even when the bundle is prebuilt).
 */
function loadPanelLibraries(bundleDir: string): ReturnType<typeof importPanelLibraries> {
  if (libraries) {
    if (path.resolve(libraries.dir) !== path.resolve(bundleDir))
      throw new Error(
        `the panel's libraries were loaded for the bundle in ${libraries.dir}, not ${bundleDir}: one bundle folder per process`,
      );
    return libraries.loading;
  }
  process.env.ADMIN_JS_TMP_DIR = bundleDir;
  libraries = { dir: bundleDir, loading: importPanelLibraries(bundleDir) };
  return libraries.loading;
}

export async function createAdminRouter(options: AdminOptions): Promise<{ router: Router; rootPath: string }> {
  const rootPath = options.rootPath ?? '/admin';
  if (options.prebuiltBundle) {
    if (!existsSync(path.join(options.bundleDir, 'bundle.js'))) throw new Error(`no prebuilt panel bundle in ${options.bundleDir}`);
  } else {
    if (!options.production) rmSync(options.bundleDir, { recursive: true, force: true });
    mkdirSync(path.dirname(options.bundleDir), { recursive: true });
  }
  const {
    adminjs: { default: AdminJS, ComponentLoader, ACTIONS, ValidationError, ForbiddenError, NotFoundError },
    AdminJSExpress,
    AdminJSSequelize,
  } = await loadPanelLibraries(options.bundleDir);
  AdminJS.registerAdapter({
    Resource: panelResourceAdapter(AdminJSSequelize, ValidationError as never),
    Database: AdminJSSequelize.Database,
  });

  const componentLoader = new ComponentLoader();
  const Dashboard = addPanelComponents(componentLoader);
  const display = {
    moment: MOMENT_VALUE,
    status: STATUS_BADGE,
    text: TEXT_VALUE,
    lines: LINES_TABLE,
    timeZone: options.timeZone,
    describePeople: options.describePeople,
    describeReferences: options.describeReferences,
  };

  const admin = new AdminJS({
    rootPath,
    loginPath: `${rootPath}/login`,
    logoutPath: `${rootPath}/logout`,
    componentLoader,
    resources: inNavigationOrder(options.resources, options.navigationOrder).map((entry) =>
      prepareScreen(entry, { defaultHandlers: ACTIONS, jsonView: JSON_VIEW, display }),
    ) as never,
    assets: { styles: [`${rootPath}/panel.css`] },
    dashboard: {
      component: Dashboard,
      handler: (_request, _response, context) => {
        const roles = (context.currentAdmin as { roles?: string[] } | undefined)?.roles;
        return options.dashboard(context.currentAdmin ? { roles: roles ?? [] } : undefined);
      },
    },
    branding: {
      companyName: 'Chorecat',
      withMadeWithLove: false,
      logo: false,
      favicon: FAVICON_PATH,
      theme: { colors: { primary100: '#7a4fd6', primary80: '#8f6ae0', primary60: '#a585e8', primary40: '#bba1ef', primary20: '#d2bdf6' } },
    },
    locale: {
      language: 'en',
      translations: {
        en: {
          // AdminJS's own words name AdminJS, or show their {{placeholders}} raw where it passes no values.
          components: { Login: { welcomeHeader: 'Chorecat', welcomeMessage: 'Operations for Chorecat: managers and supplies staff.' } },
          // AdminJS's generic words, where they read oddly for Chorecat's screens.
          actions: { new: 'New', bulkDelete: 'Delete the chosen' },
          buttons: { resetFilter: 'Clear filters', createFirstRecord: 'Add the first one' },
          messages: {
            noRecordsInResource: 'Nothing here yet.',
            noRecords: 'Nothing to show',
            loginWelcome: 'Operations for Chorecat: managers and supplies staff.',
            forbiddenError: 'Your role may not do this in the admin panel.',
            anyForbiddenError: 'Your role may not do this in the admin panel.',
          },
          resources: screenWords(options.resources),
        },
      },
    },
  });
  // A prebuilt bundle is served as it is: in production AdminJS serves bundle.js as a file, in development its
  // components route reads the file when there is one.
  if (options.prebuiltBundle) {
    /* nothing to bundle */
  } else if (options.production) await admin.initialize();
  else await admin.watch();
  // @adminjs/express's router calls initialize() again, which in production would bundle (again, or over the
  // prebuilt bundle, for some 15 s of CPU, unawaited): the bundle is there by now.
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  const PgStore = connectPgSimple(session);
  const sessionOptions: SessionOptions = {
    store: new PgStore({ pool: options.sessionPool, tableName: 'admin_sessions', createTableIfMissing: false }),
    secret: options.sessionSecret,
    resave: false,
    saveUninitialized: false,
    name: 'chorecat.admin',
    // Strict: the cookie never rides along on a request another site starts, not even a top-level link.
    cookie: { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, maxAge: 8 * 60 * 60_000 },
  };
  const screens = new Map<string, { decorated: PanelResource; schema: ScreenSchema }>();
  for (const resource of admin.resources as unknown as { decorate(): PanelResource; rawAttributes(): Record<string, never> }[]) {
    const decorated = resource.decorate();
    screens.set(decorated.id(), { decorated, schema: screenSchema(decorated, resource.rawAttributes()) });
  }
  const problem = (req: Request, res: Response, error: PanelProblem) => options.sendProblem(req, res, error);
  const fail = (next: NextFunction, code: PanelProblem['code'], detail: string) => next(new PanelProblem(code, detail));
  const signedIn = (req: Request) => (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;

  // One route match for the whole panel, as for the API: exact case, no trailing or doubled slashes. (Not the
  // router's `strict` option: AdminJS's dashboard route is '' and would then never match the panel's root.)
  const predefined = Router({ caseSensitive: true });
  predefined.use((req: Request, _res: Response, next: NextFunction) => {
    const canonical = req.baseUrl === rootPath && !req.path.includes('//') && (req.path === '/' || !req.path.endsWith('/'));
    if (!canonical) return fail(next, 'NOT_FOUND', 'There is no such page in the admin panel.');
    next();
  });
  predefined.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          // Inline scripts and styles are AdminJS's own page bootstrap and theme.
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
        },
      },
      // Not helmet's "no-referrer": with it a browser sends `Origin: null` on the panel's own POSTs, which the check below refuses.
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  predefined.get('/panel.css', (_req, res) => {
    res.type('text/css').sendFile(PANEL_CSS_FILE);
  });
  // The panel loads nothing from elsewhere: AdminJS's pages link Google Fonts, which would tell Google who
  // opens the panel and when (the system font is used instead).
  predefined.use((_req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => send(typeof body === 'string' ? body.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '') : body);
    next();
  });
  // The same session AdminJS uses (its own session middleware then finds it and steps aside), read early so the checks below know who asks.
  predefined.use(session(sessionOptions));
  // Roles and access as the users table has them now, not as they were at sign-in: a disabled or demoted user is out at once.
  predefined.use(async (req: Request, _res: Response, next: NextFunction) => {
    const user = signedIn(req);
    if (!user) return next();
    try {
      const current = await options.resolveUser(user.id);
      const sessionData = req.session as unknown as { adminUser?: SessionUser };
      if (!current || !current.roles.some((r) => ADMIN_ROLES.includes(r))) delete sessionData.adminUser;
      else user.roles = current.roles;
      next();
    } catch (error) {
      next(error);
    }
  });
  predefined.use(sameOrigin(options.publicUrl, '/login'));
  predefined.use('/api', (req: Request, res: Response, next: NextFunction) => {
    if (!signedIn(req)) return fail(next, 'AUTH.UNAUTHENTICATED', 'Sign in to the admin panel first.');
    // AdminJS answers a forbidden action or a missing record with a 200 and an error notice: the panel answers 403 and 404.
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      const type = (body as { record?: { baseError?: { type?: string } } } | undefined)?.record?.baseError?.type;
      if (type === 'ForbiddenError') {
        problem(req, res, new PanelProblem('AUTH.FORBIDDEN', 'Your role may not do this in the admin panel.'));
        return res;
      }
      if (type === 'NotFoundError') {
        problem(req, res, new PanelProblem('NOT_FOUND', 'There is no such record in the admin panel.'));
        return res;
      }
      return json(body);
    };
    next();
  });
  // The body, parsed here once (AdminJS's own parser then finds it parsed), so that no flattened form key that
  // would reach a prototype (`__proto__.x`) gets to AdminJS, which unflattens payloads before any hook runs.
  const parseForm = formidableMiddleware(FORM_LIMITS);
  predefined.use((req: Request, res: Response, next: NextFunction) => {
    // express-formidable reports a parse error twice (its error event, then its callback): go on once.
    let called = false;
    parseForm(req, res, (error?: unknown) => {
      if (called) return;
      called = true;
      next(error);
    });
  });
  predefined.use('/api', (req: Request, _res: Response, next: NextFunction) => {
    const fields = (req as unknown as { fields?: Record<string, unknown> }).fields ?? {};
    const unsafe = Object.keys(fields).find((key) => UNSAFE_KEY_SEGMENT.test(key));
    if (unsafe)
      return next(
        new PanelProblem('VALIDATION.FAILED', `The form field "${unsafe}" is not accepted.`, [
          { path: unsafe, message: 'is not accepted' },
        ]),
      );
    // A NUL or a lone surrogate: the API refuses it before any use case; so does the panel (else a 500, or "\\0" saved in its place).
    const malformed = malformedField(fields);
    if (malformed)
      return next(
        new PanelProblem('VALIDATION.FAILED', `The form field "${malformed}" must be text without NUL or unpaired surrogates.`, [
          { path: malformed, message: 'must be well-formed Unicode text without NUL characters' },
        ]),
      );
    next();
  });
  const checkAction =
    (kind: 'resource' | 'record' | 'bulk' | 'search', html = false): RequestHandler =>
    (req, _res, next) => {
      if (html && !signedIn(req)) return next();
      try {
        const screen = screens.get(String(req.params.resourceId));
        if (!screen) throw new PanelProblem('NOT_FOUND', 'There is no such screen in the admin panel.');
        const name = kind === 'search' ? 'search' : String(req.params.action);
        const action = Object.hasOwn(screen.decorated.actions, name) ? screen.decorated.actions[name] : undefined;
        const type = action && [action.action.actionType].flat();
        const expected = kind === 'search' ? 'resource' : kind;
        if (!action || !type!.includes(expected) || (req.params.query !== undefined && name !== 'search')) {
          throw new PanelProblem('NOT_FOUND', 'There is no such action on this screen.');
        }
        // Who may, before which record: a refusal says nothing about the records behind it.
        if (!html && !action.isAccessible(signedIn(req)))
          throw new PanelProblem('AUTH.FORBIDDEN', 'Your role may not do this in the admin panel.');
        if (kind === 'record') checkRecordId(screen.schema, String(req.params.recordId));
        if (kind === 'bulk') {
          const ids = req.query.recordIds;
          if (typeof ids !== 'string' || !ids) throw new PanelProblem('NOT_FOUND', 'Choose the records for this action.');
          for (const id of ids.split(',')) checkRecordId(screen.schema, id);
        }
        if (html) return next();
        if (name === 'list' || name === 'search') {
          checkListQuery(screen.schema, req.query as Record<string, unknown>, { text: req.params.query as string | undefined });
        }
        next();
      } catch (error) {
        next(error);
      }
    };
  predefined.all('/api/resources/:resourceId/actions/:action{/:query}', checkAction('resource'));
  predefined.all('/api/resources/:resourceId/records/:recordId/:action', checkAction('record'));
  predefined.all('/api/resources/:resourceId/bulk/:action', checkAction('bulk'));
  predefined.all('/api/resources/:resourceId/search{/:query}', checkAction('search'));
  predefined.get('/resources/:resourceId/actions/:action', checkAction('resource', true));
  predefined.get('/resources/:resourceId/records/:recordId/:action', checkAction('record', true));
  predefined.get('/resources/:resourceId/bulk/:action', checkAction('bulk', true));
  predefined.get('/resources/:resourceId', (req, _res, next) =>
    screens.has(String(req.params.resourceId)) ? next() : fail(next, 'NOT_FOUND', 'There is no such screen in the admin panel.'),
  );
  // The panel has no custom pages: AdminJS would answer any name with a placeholder.
  predefined.all(['/api/pages/:pageName', '/pages/:pageName'], (_req, _res, next) => fail(next, 'NOT_FOUND', 'There is no such page.'));
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      authenticate: async (email: string, password: string, context?: { req?: Request }) => {
        const user = await options.authenticate(email, password, context?.req);
        if (!user || !user.roles.some((r) => ADMIN_ROLES.includes(r))) return null;
        // A new session id at sign-in: a session id planted in the browser before (session fixation) signs nobody in.
        if (context?.req?.session) await renewSession(context.req);
        return { id: user.id, email: user.email, title: user.name, roles: user.roles };
      },
      cookieName: 'chorecat.admin',
      cookiePassword: options.sessionSecret,
    },
    predefined,
    sessionOptions,
    FORM_LIMITS,
  );
  // After AdminJS's own session check: only signed-in panel users reach it.
  router.get('/photos/:id', async (req, res, next) => {
    try {
      const user = signedIn(req);
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
  router.use((_req: Request, _res: Response, next: NextFunction) => fail(next, 'NOT_FOUND', 'There is no such page in the admin panel.'));
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (error instanceof PanelProblem) return problem(req, res, error);
    // Thrown by AdminJS outside an action (a bulk action with no records …).
    if (error instanceof ForbiddenError)
      return problem(req, res, new PanelProblem('AUTH.FORBIDDEN', 'Your role may not do this in the admin panel.'));
    if (error instanceof NotFoundError)
      return problem(req, res, new PanelProblem('NOT_FOUND', 'There is no such record in the admin panel.'));
    // formidable, over the limits above.
    if (error instanceof Error && /maxFile|maxFields|maxFieldsSize/i.test(error.message)) {
      // Answer once the rest of the upload has been read (and dropped): answering mid-upload resets the connection.
      const answer = () => problem(req, res, new PanelProblem('REQUEST.TOO_LARGE', 'The form is larger than the admin panel accepts.'));
      if (req.complete) return answer();
      req.once('end', answer).resume();
      return;
    }
    next(error);
  });
  return { router, rootPath };
}

// No panel form uploads files, and its fields are small.
const FORM_LIMITS = { maxFileSize: 1, maxFieldsSize: 1024 * 1024, maxFields: 500 };

interface SessionUser {
  id: string;
  email: string;
  title: string;
  roles: string[];
}

/** What the panel needs of an AdminJS-decorated screen. */
type PanelResource = DecoratedResourceLike & {
  actions: Record<string, { action: { actionType: string | string[] }; isAccessible(currentAdmin?: SessionUser): boolean }>;
};

/**
 * A state-changing request must come from the panel's own pages: its
 * Origin (or, when a browser sends none, its Referer) must be the panel's
 * public origin or the origin the request was sent to. Sign-in also
 * refuses a foreign origin (login CSRF) but, holding no session yet,
 * accepts a client that sends neither header.
 */
function sameOrigin(publicUrl: string, loginPath: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    const origin = req.get('origin') ?? originOf(req.get('referer'));
    const own = new Set([publicOrigin, `${req.protocol}://${req.get('host')}`]);
    if (origin === undefined && req.path === loginPath) return next();
    if (origin !== undefined && own.has(origin)) return next();
    next(new PanelProblem('AUTH.FORBIDDEN', 'A state-changing request to the admin panel must come from the panel itself.'));
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}
