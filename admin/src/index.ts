import path from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import AdminJS, { type ResourceWithOptions, type CurrentAdmin } from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import * as AdminJSSequelize from '@adminjs/sequelize';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type { Router } from 'express';
import type pg from 'pg';

/**
 * The Chorecat admin panel (AdminJS) for managers and supplies staff. It is
 * a shell: the server hands it the modules' resources (Sequelize models with
 * options) and an `authenticate` callback backed by the users table, and
 * every custom action calls a module's use case, never a rule of its own.
 */
AdminJS.registerAdapter({ Resource: AdminJSSequelize.Resource, Database: AdminJSSequelize.Database });

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface AdminOptions {
  rootPath?: string;
  resources: { resource: unknown; options?: Record<string, unknown> }[];
  /** Returns the user when the email and password are right and the user may use the panel. */
  authenticate(email: string, password: string): Promise<AdminUser | null>;
  sessionPool: pg.Pool;
  sessionSecret: string;
  /** Where AdminJS writes its component bundle; the name must not start with a dot (Express 5 refuses dot-folders). */
  bundleDir: string;
  production: boolean;
  secureCookies: boolean;
}

// Supplies staff join when their screens arrive (supplies issue).
export const ADMIN_ROLES = ['manager', 'admin'];

export async function createAdminRouter(options: AdminOptions): Promise<{ router: Router; rootPath: string }> {
  const rootPath = options.rootPath ?? '/admin';
  // AdminJS reads ADMIN_JS_TMP_DIR at bundle time; a stale bundle from an older version breaks the UI.
  process.env.ADMIN_JS_TMP_DIR = options.bundleDir;
  if (!options.production) rmSync(options.bundleDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.bundleDir), { recursive: true });
  const admin = new AdminJS({
    rootPath,
    loginPath: `${rootPath}/login`,
    logoutPath: `${rootPath}/logout`,
    resources: options.resources as ResourceWithOptions[],
    branding: {
      companyName: 'Chorecat',
      withMadeWithLove: false,
      logo: false,
      theme: { colors: { primary100: '#7a4fd6', primary80: '#8f6ae0', primary60: '#a585e8', primary40: '#bba1ef', primary20: '#d2bdf6' } },
    },
    locale: {
      language: 'en',
      translations: { en: { labels: { Email: 'Emails', User: 'Users' }, messages: { loginWelcome: 'Operations for Chorecat: managers and supplies staff.' } } },
    },
  });
  if (options.production) await admin.initialize();
  else admin.watch();
  const PgStore = connectPgSimple(session);
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      authenticate: async (email: string, password: string) => {
        const user = await options.authenticate(email, password);
        if (!user || !user.roles.some((r) => ADMIN_ROLES.includes(r))) return null;
        return { id: user.id, email: user.email, title: user.name, roles: user.roles } as CurrentAdmin;
      },
      cookieName: 'chorecat.admin',
      cookiePassword: options.sessionSecret,
    },
    null,
    {
      store: new PgStore({ pool: options.sessionPool, tableName: 'admin_sessions', createTableIfMissing: false }),
      secret: options.sessionSecret,
      resave: false,
      saveUninitialized: false,
      name: 'chorecat.admin',
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: 8 * 60 * 60_000 },
    },
  );
  return { router, rootPath };
}
