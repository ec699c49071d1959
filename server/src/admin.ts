import { createAdminRouter } from '@chorecat/admin';
import type { PlatformOptions } from './app.ts';
import { AppError } from './platform/errors.ts';
import { sendProblem } from './platform/http/problem.ts';
import { authenticateWithPassword, resolvePrincipal } from './modules/identity/index.ts';
import { getDashboard } from './modules/operations/index.ts';

/** Mounts the AdminJS panel at /admin with the modules' resources, users-table login and the dashboard. */
export function mountAdmin(bundleDir: string): NonNullable<PlatformOptions['mountBeforeApi']> {
  return async (app, kernel, panel) => {
    const { router, rootPath } = await createAdminRouter({
      resources: panel.resources,
      readPhoto: (user, id) => panel.readPhoto(user, id),
      authenticate: (email, password) => authenticateWithPassword(kernel, email, password),
      dashboard: () => getDashboard(kernel),
      sessionPool: kernel.db.pool,
      sessionSecret: kernel.secrets.session,
      bundleDir,
      production: kernel.config.env === 'production',
      secureCookies: kernel.config.publicUrl.startsWith('https:'),
      publicUrl: kernel.config.publicUrl,
      resolveUser: (id) => resolvePrincipal(kernel, id),
      // The panel's refusals become the platform's problems: one code, one status, as on every API route.
      sendProblem: (req, res, problem) =>
        sendProblem(res, new AppError(problem.code, problem.detail, { errors: problem.errors }), req.requestId),
    });
    app.use(rootPath, router);
  };
}
