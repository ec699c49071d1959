import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../infra/users.repository.ts';
import type { OidcProviders } from '../infra/oidc.ts';
import { findLinkedUserId, linkIdentity, saveLoginState, spendLoginState } from '../infra/single-sign-on.repository.ts';
import { normaliseEmail } from '../domain/policy.ts';
import { issueSession, signOutEverywhere, type Tokens } from './issue-session.ts';

const LOGIN_STATE_TTL_MS = 10 * 60_000;

/** Starts a sign-in at a provider: remembers state, nonce and PKCE verifier, returns where to send the browser. */
export async function startSingleSignOn(
  kernel: Pick<Kernel, 'db' | 'tokens'>,
  providers: OidcProviders,
  provider: string,
): Promise<string> {
  providers.get(provider);
  const request = await providers.authorizationUrl(provider);
  const now = kernel.tokens.now();
  await saveLoginState(
    kernel.db,
    {
      state: request.state,
      provider,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS),
    },
    now,
  );
  return request.url;
}

/**
 * Finishes a sign-in: the state is spent at once (a replayed callback
 * fails), the code exchanged, and the provider's account mapped to a user:
 * 1. an account already linked → that user;
 * 2. a verified email matching a user → linked to it. If that user had
 *    never verified the address, whoever registered it did not control it:
 *    its password, name and sessions are wiped (no pre-hijacking);
 * 3. a verified email matching nobody → a new client account;
 * 4. no verified email → refused.
 */
export async function finishSingleSignOn(
  kernel: Pick<Kernel, 'db' | 'tokens' | 'clock'>,
  providers: OidcProviders,
  provider: string,
  callbackUrl: URL,
): Promise<Tokens> {
  providers.get(provider);
  if (callbackUrl.searchParams.get('error')) {
    throw new AppError('OIDC.FAILED', `The sign-on provider refused: ${callbackUrl.searchParams.get('error')}.`);
  }
  const state = callbackUrl.searchParams.get('state') ?? '';
  const saved = await spendLoginState(kernel.db, state, provider, kernel.tokens.now());
  if (!saved) throw new AppError('OIDC.INVALID_STATE', 'This sign-in is unknown, expired or already finished; start again.');
  const identity = await providers.finish(provider, callbackUrl, { state, nonce: saved.nonce, codeVerifier: saved.code_verifier });

  return transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const linkedUserId = await findLinkedUserId(kernel.db, tx, provider, identity.subject);
    if (linkedUserId) {
      const user = await findUserById(kernel.db, linkedUserId, tx);
      if (!user || user.disabled || user.erased_at) throw new AppError('AUTH.UNAUTHENTICATED', 'This account is closed or disabled.');
      return issueSession(kernel, tx, { ...user, tokenGeneration: user.token_generation });
    }
    if (!identity.email || !identity.emailVerified) {
      throw new AppError('OIDC.EMAIL_NOT_VERIFIED', 'The sign-on provider did not vouch for an email address; sign up with email instead.');
    }
    const email = normaliseEmail(identity.email);
    let user = await findUserByEmail(kernel.db, email, tx);
    if (user && (user.disabled || user.erased_at)) throw new AppError('AUTH.UNAUTHENTICATED', 'This account is closed or disabled.');
    if (user && !user.email_verified_at) {
      const name = identity.name ?? email.split('@')[0]!;
      user = await updateUser(kernel.db, tx, user.id, { email_verified_at: now, password_hash: null, name }, now);
      user = { ...user, token_generation: await signOutEverywhere(kernel, tx, user.id) };
    }
    if (!user) {
      user = await insertUser(kernel.db, tx, {
        email,
        name: identity.name ?? email.split('@')[0]!,
        passwordHash: null,
        roles: ['client'],
        verifiedAt: now,
        now,
      });
      if (!user) throw new AppError('OIDC.FAILED', 'The account could not be created; try again.');
    }
    await linkIdentity(kernel.db, tx, { provider, subject: identity.subject, userId: user.id, email }, now);
    return issueSession(kernel, tx, { ...user, tokenGeneration: user.token_generation });
  });
}
