import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createChorecat, login, signIn, signOut, memoryTokenStore, localStorageTokenStore, unwrap } from '@chorecat/sdk';
import { ManualClock } from '../../src/platform/clock.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';

/** Sign-in, token stores and automatic refresh, through the SDK against a running server. */
describe('SDK sessions', () => {
  const tokenClock = new ManualClock('2026-09-01T10:00:00Z');
  let t: TestPlatform;
  let baseUrl: string;
  let user: { email: string };
  let refreshCalls = 0;
  const countingFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/v1/auth/refresh')) refreshCalls++;
    return fetch(input, init);
  };

  beforeAll(async () => {
    t = await createTestPlatform({ tokenClock });
    user = await t.userWithRoles(['manager']);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('refreshes an expired access token once and retries, even for many requests at once', async () => {
    tokenClock.set('2026-09-01T10:00:00Z');
    const { client, store, tokens } = await login({ baseUrl, fetch: countingFetch }, { email: user.email, password: 'test-password' });
    expect((await client.GET('/v1/me')).response.status).toBe(200);
    tokenClock.set('2026-09-01T10:20:00Z');
    refreshCalls = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => client.GET('/v1/me')));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(refreshCalls).toBe(1);
    const renewed = await store.get();
    expect(renewed!.refreshToken).not.toBe(tokens.refreshToken);
    // A POST with a body is replayed intact after the refresh.
    tokenClock.set('2026-09-01T10:40:00Z');
    const advanced = await client.POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1M' } });
    expect(advanced.response.status).toBe(200);
    expect(refreshCalls).toBe(2);
  });

  it('clears the store and returns the 401 when the refresh token is no good', async () => {
    tokenClock.set('2026-09-02T10:00:00Z');
    const store = memoryTokenStore();
    const client = createChorecat({ baseUrl, tokenStore: store });
    await signIn(client, store, { email: user.email, password: 'test-password' });
    const tokens = (await store.get())!;
    // Revoked elsewhere (another tab signed out).
    await fetch(`${baseUrl}/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    tokenClock.set('2026-09-02T10:30:00Z');
    const res = await client.GET('/v1/me');
    expect(res.response.status).toBe(401);
    expect(await store.get()).toBeUndefined();
  });

  it('tells onSessionExpired once, with the reason, when the refresh is refused', async () => {
    tokenClock.set('2026-09-04T10:00:00Z');
    const store = memoryTokenStore();
    const expired: string[] = [];
    const client = createChorecat({ baseUrl, tokenStore: store, onSessionExpired: (reason) => expired.push(reason) });
    await signIn(client, store, { email: user.email, password: 'test-password' });
    await fetch(`${baseUrl}/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: (await store.get())!.refreshToken }),
    });
    tokenClock.set('2026-09-04T10:30:00Z');
    const results = await Promise.all([client.GET('/v1/me'), client.GET('/v1/me'), client.GET('/v1/me')]);
    expect(results.map((r) => r.response.status)).toEqual([401, 401, 401]);
    expect((await client.GET('/v1/me')).response.status).toBe(401);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatch(/^AUTH\./);
  });

  it('refreshes once for two clients on one store with 401s at the same time; nobody is signed out', async () => {
    tokenClock.set('2026-09-05T10:00:00Z');
    const store = memoryTokenStore();
    const expired: string[] = [];
    const options = { baseUrl, tokenStore: store, fetch: countingFetch, onSessionExpired: (reason: string) => expired.push(reason) };
    const first = createChorecat(options);
    const second = createChorecat(options);
    await signIn(first, store, { email: user.email, password: 'test-password' });
    const signedIn = (await store.get())!;
    tokenClock.set('2026-09-05T10:20:00Z');
    refreshCalls = 0;
    const results = await Promise.all([first.GET('/v1/me'), second.GET('/v1/me'), first.GET('/v1/me'), second.GET('/v1/me')]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200]);
    expect(refreshCalls).toBe(1);
    expect(expired).toEqual([]);
    // A second exchange of the same refresh token would have revoked the family: the renewed tokens still work.
    const renewed = (await store.get())!;
    expect(renewed.refreshToken).not.toBe(signedIn.refreshToken);
    tokenClock.set('2026-09-05T10:40:00Z');
    expect((await second.GET('/v1/me')).response.status).toBe(200);
    expect(refreshCalls).toBe(2);
    expect(expired).toEqual([]);
  });

  it('keeps tokens in localStorage and signs out', async () => {
    tokenClock.set('2026-09-03T10:00:00Z');
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const store = localStorageTokenStore('chorecat.test', storage);
    const client = createChorecat({ baseUrl, tokenStore: store });
    await signIn(client, store, { email: user.email, password: 'test-password' });
    expect(JSON.parse(items.get('chorecat.test')!)).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect(unwrap(await client.GET('/v1/me')).email).toBe(user.email);
    const refreshToken = (await store.get())!.refreshToken;
    await signOut(client, store);
    expect(items.has('chorecat.test')).toBe(false);
    const refused = await fetch(`${baseUrl}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    expect(refused.status).toBe(401);
  });
});
