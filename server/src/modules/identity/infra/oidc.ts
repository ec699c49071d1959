import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../platform/config.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * OpenID Connect relying party over openid-client: discovery (cached per
 * provider, retried after a failure), the authorization URL with PKCE, state
 * and nonce, and the code exchange that checks all three and the ID token.
 */
export class OidcProviders {
  private readonly configs = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly providers: OidcProviderConfig[],
    private readonly options: { allowInsecureIssuers: boolean; callbackUrl: (provider: string) => string },
  ) {}

  names(): string[] {
    return this.providers.map((p) => p.name);
  }

  get(name: string): OidcProviderConfig {
    const provider = this.providers.find((p) => p.name === name);
    if (!provider) throw new AppError('OIDC.UNKNOWN_PROVIDER', `No single sign-on provider is called "${name}".`);
    return provider;
  }

  private configuration(name: string): Promise<client.Configuration> {
    const provider = this.get(name);
    let pending = this.configs.get(name);
    if (!pending) {
      pending = client
        .discovery(
          new URL(provider.issuer),
          provider.clientId,
          provider.clientSecret,
          provider.clientSecret ? undefined : client.None(),
          this.options.allowInsecureIssuers ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configs.delete(name);
          throw new AppError('OIDC.PROVIDER_UNAVAILABLE', `The sign-on provider "${name}" cannot be reached; try again shortly.`, {
            cause: error,
          });
        });
      this.configs.set(name, pending);
    }
    return pending;
  }

  async authorizationUrl(name: string): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const config = await this.configuration(name);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.callbackUrl(name),
      scope: this.get(name).scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code; returns the ID token's claims. */
  async finish(name: string, callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }) {
    const config = await this.configuration(name);
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Many providers put scope claims (email, name) in UserInfo rather than the ID token.
      const claims: Record<string, unknown> =
        typeof idToken.email === 'string'
          ? idToken
          : { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub };
      return {
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : undefined,
      };
    } catch (error) {
      throw new AppError('OIDC.FAILED', 'The sign-on provider did not confirm this sign-in.', { cause: error });
    }
  }
}
