import type { Request, NextFunction } from 'express';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { authenticateWithPassword, type AuthenticatedUser } from '../application/authenticate-with-password.ts';
import { login } from '../application/login.ts';
import { register } from '../application/register.ts';
import { sendCode } from '../application/send-code.ts';
import { verifyEmail } from '../application/verify-email.ts';
import { resetPassword } from '../application/reset-password.ts';
import { refreshTokens } from '../application/refresh.ts';
import { logout } from '../application/logout.ts';
import { getMe, updateMe } from '../application/me.ts';
import { exportMe, eraseMe } from '../application/personal-data.ts';
import { startSingleSignOn, finishSingleSignOn } from '../application/single-sign-on.ts';
import type { OidcProviders } from '../infra/oidc.ts';

export function identityHandlers(kernel: Kernel, providers: OidcProviders): OperationHandlers {
  // passport-local checks the email and password; sessions are ours (tokens), not passport's.
  const passport = new Passport();
  passport.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
      authenticateWithPassword(kernel, email, password).then((user) => done(null, user ?? false), done);
    }),
  );
  // passport only calls back here (no session, no redirect), so any response will do.
  const checkPassword = (req: Request, res: object, next: NextFunction) => () =>
    new Promise<AuthenticatedUser | null>((resolve, reject) => {
      passport.authenticate('local', { session: false }, (error: unknown, user: AuthenticatedUser | false) =>
        error ? reject(error) : resolve(user || null),
      )(req, res, next);
    });
  const address = (req: Request) => req.ip ?? 'unknown';
  return contractHandlers({
    async register(req, res) {
      res.status(202).json(await register(kernel, req.body));
    },
    async verifyEmail(req, res) {
      res.json(await verifyEmail(kernel, { ...req.body, address: address(req) }));
    },
    async resendVerification(req, res) {
      res.status(202).json(await sendCode(kernel, { email: req.body.email, purpose: 'verify_email' }));
    },
    async login(req, res, next) {
      const { email } = req.body;
      res.json(await login(kernel, { email, address: address(req), check: checkPassword(req, res, next) }));
    },
    async refreshTokens(req, res) {
      res.json(await refreshTokens(kernel, req.body.refreshToken));
    },
    async logout(req, res) {
      await logout(kernel, req.body.refreshToken);
      res.status(204).end();
    },
    async forgotPassword(req, res) {
      res.status(202).json(await sendCode(kernel, { email: req.body.email, purpose: 'reset_password' }));
    },
    async resetPassword(req, res) {
      await resetPassword(kernel, { ...req.body, address: address(req) });
      res.status(204).end();
    },
    async startSingleSignOn(req, res) {
      res.redirect(302, await startSingleSignOn(kernel, providers, req.params.provider));
    },
    async finishSingleSignOn(req, res) {
      // The full URL the provider redirected to: openid-client checks it (state, iss, code).
      const url = new URL(req.originalUrl, kernel.config.publicUrl);
      res.json(await finishSingleSignOn(kernel, providers, req.params.provider, url));
    },
    async getMe(req, res) {
      res.json(await getMe(kernel, req.principal!.id));
    },
    async updateMe(req, res) {
      res.json(await updateMe(kernel, req.principal!.id, req.body));
    },
    async eraseMe(req, res) {
      await eraseMe(kernel, req.principal!.id);
      res.status(204).end();
    },
    async exportMe(req, res) {
      res.json(await exportMe(kernel, req.principal!.id));
    },
  });
}
