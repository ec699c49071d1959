import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { seedDemoAccounts } from './application/seed-demo-accounts.ts';
import { resolvePrincipal } from './application/resolve-principal.ts';
import { identityHandlers } from './http/handlers.ts';
import { defineUserModel } from './infra/user.model.ts';
import { IDENTITY_TABLES } from './infra/tables.ts';
import { usersAdminResource } from './admin/screens.ts';
import { OidcProviders } from './infra/oidc.ts';
import { identityPersonalData } from './application/personal-data.ts';

export { type AuthenticatedUser } from './application/authenticate-with-password.ts';
export { signInToPanel } from './application/login.ts';
export { resolvePrincipal } from './application/resolve-principal.ts';
export { findContact, contactsOf, contactsWithRole, activeWorkerIds, userIdsMatching } from './application/contacts.ts';
export { nearestWorkers, homeBasesOf } from './application/worker-locations.ts';
export { openApplicantAccount, makeWorker } from './application/applicant-accounts.ts';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './application/seed-demo-accounts.ts';
export { hashPassword } from './infra/passwords.ts';
export { setUserRoles, setUserDisabled } from './application/manage-users.ts';

export const identityModule = defineModule({
  name: 'identity',
  create: (kernel) => createIdentityModule(kernel),
  seed: seedDemoAccounts,
  tables: IDENTITY_TABLES,
});

/**
 * Identity: accounts, roles, sign-in (password, and single sign-on),
 * tokens, password reset, the profile, GDPR export and erasure.
 */
export function createIdentityModule(kernel: Kernel): ChorecatModule {
  const User = defineUserModel(kernel.db.sequelize);
  const providers = new OidcProviders(kernel.config.oidcProviders, {
    // Plain-http issuers only outside production (a local Keycloak, the tests' provider).
    allowInsecureIssuers: kernel.config.env !== 'production',
    callbackUrl: (name) => `${kernel.config.publicUrl}/v1/auth/oidc/${name}/callback`,
  });
  return {
    name: 'identity',
    handlers: identityHandlers(kernel, providers),
    adminResources: [usersAdminResource(kernel, User)],
    personalData: identityPersonalData(kernel),
    services: { resolveCaller: (userId) => resolvePrincipal(kernel, userId) },
  };
}
