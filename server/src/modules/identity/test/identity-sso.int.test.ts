import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startOidcProvider, type TestAccount } from '../../../../test/helpers/oidc-provider.ts';
import { codeSentTo } from '../../../../test/helpers/mail.ts';

const CALLBACK = 'http://localhost:3000/v1/auth/oidc/testidp/callback';

describe('single sign-on with a real OpenID Connect provider', () => {
  const accounts: Record<string, TestAccount> = {
    'new-cat': { email: 'sso-new@chorecat.test', email_verified: true, name: 'Sso Newcomer' },
    'known-cat': { email: 'sso-known@chorecat.test', email_verified: true },
    'victim-cat': { email: 'sso-victim@chorecat.test', email_verified: true },
    'unverified-cat': { email: 'sso-unverified@chorecat.test', email_verified: false },
  };
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let t: TestPlatform;

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: CALLBACK, accounts });
    t = await createTestPlatform({
      env: {
        OIDC_PROVIDERS: 'testidp',
        OIDC_TESTIDP_ISSUER: idp.issuer,
        OIDC_TESTIDP_CLIENT_ID: idp.clientId,
        OIDC_TESTIDP_CLIENT_SECRET: idp.clientSecret,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  /** The whole dance: our login route → the provider's pages → our callback. */
  async function signOn(accountId: string) {
    const start = await t.api.get('/v1/auth/oidc/testidp/login');
    expect(start.status).toBe(302);
    const back = await idp.signIn(start.headers.location!, accountId);
    return { back, res: await t.api.get(`${back.pathname}${back.search}`) };
  }

  it('redirects to the provider with PKCE (S256), state and nonce', async () => {
    const res = await t.api.get('/v1/auth/oidc/testidp/login');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location!);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(location.searchParams.get('scope')).toBe('openid email profile');
  });

  it('creates a verified client account for a new, provider-verified email', async () => {
    const { res } = await signOn('new-cat');
    expect(res.status).toBe(200);
    const me = await t.api.get('/v1/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body).toMatchObject({ email: 'sso-new@chorecat.test', name: 'Sso Newcomer', roles: ['client'], emailVerified: true });
    // Signing on again reaches the same account.
    const again = await signOn('new-cat');
    const me2 = await t.api.get('/v1/me').set('authorization', `Bearer ${again.res.body.accessToken}`);
    expect(me2.body.id).toBe(me.body.id);
  });

  it('links to the existing account with the same verified email', async () => {
    const existing = await t.userWithRoles(['worker'], 'sso-known@chorecat.test');
    const { res } = await signOn('known-cat');
    expect(res.status).toBe(200);
    const me = await t.api.get('/v1/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body).toMatchObject({ id: existing.id, roles: ['worker'] });
    // The password still works too.
    expect((await t.api.post('/v1/auth/login').send({ email: 'sso-known@chorecat.test', password: 'test-password' })).status).toBe(200);
  });

  it('takes over an unverified registration of the address from whoever made it (no pre-hijacking)', async () => {
    await t.api
      .post('/v1/auth/register')
      .send({ email: 'sso-victim@chorecat.test', password: 'attacker knows this', name: 'Attacker' })
      .expect(202);
    expect(await codeSentTo(t.db, 'sso-victim@chorecat.test', 'identity-verify-email')).toMatch(/^\d{6}$/);
    const { res } = await signOn('victim-cat');
    expect(res.status).toBe(200);
    const login = await t.api.post('/v1/auth/login').send({ email: 'sso-victim@chorecat.test', password: 'attacker knows this' });
    expect(login.status).toBe(401);
    // Nor does the attacker's chosen name survive on the owner's account.
    const me = await t.api.get('/v1/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body).toMatchObject({ email: 'sso-victim@chorecat.test', emailVerified: true });
    expect(me.body.name).not.toBe('Attacker');
  });

  it('refuses a provider account without a verified email', async () => {
    const { res } = await signOn('unverified-cat');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('OIDC.EMAIL_NOT_VERIFIED');
    const users = await sql(t.db, "SELECT 1 FROM users WHERE email = 'sso-unverified@chorecat.test'");
    expect(users).toHaveLength(0);
  });

  it('refuses a replayed callback, a forged state and a tampered code', async () => {
    const { back, res } = await signOn('new-cat');
    expect(res.status).toBe(200);
    const replay = await t.api.get(`${back.pathname}${back.search}`);
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('OIDC.INVALID_STATE');
    const forged = await t.api.get('/v1/auth/oidc/testidp/callback?code=abc&state=made-up');
    expect(forged.body.code).toBe('OIDC.INVALID_STATE');

    const start = await t.api.get('/v1/auth/oidc/testidp/login');
    const fresh = await idp.signIn(start.headers.location!, 'new-cat');
    fresh.searchParams.set('code', 'tampered-code');
    const tampered = await t.api.get(`${fresh.pathname}${fresh.search}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe('OIDC.FAILED');
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await t.api.get('/v1/auth/oidc/nope/login')).body.code).toBe('OIDC.UNKNOWN_PROVIDER');
    expect((await t.api.get('/v1/auth/oidc/nope/callback?state=x')).body.code).toBe('OIDC.UNKNOWN_PROVIDER');
  });
});
