import type { AddressInfo } from 'node:net';
import http from 'node:http';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) in the test process, with
 * its development login and consent pages, and a small browser that signs a
 * given account in and stops at the redirect back to us.
 */
export async function startOidcProvider(options: { redirectUri: string; accounts: Record<string, TestAccount> }) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'chorecat-test',
        client_secret: 'chorecat-test-secret',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) =>
      options.accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...options.accounts[id] }) } : undefined,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  } as never);
  server.on('request', provider.callback());

  /** Signs `accountId` in through the provider's pages; returns the URL it redirects back to. */
  async function signIn(authorizationUrl: string, accountId: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = authorizationUrl;
    let init: RequestInit = {};
    for (let step = 0; step < 20; step++) {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.href.startsWith(options.redirectUri)) return next;
        url = next.href;
        init = {};
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`the provider showed no form (status ${response.status}): ${html.slice(0, 300)}`);
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      const fields: Record<string, string> =
        prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt: prompt ?? 'consent' };
      url = new URL(action, url).href;
      init = {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    }
    throw new Error('the provider never redirected back');
  }

  return {
    issuer,
    clientId: 'chorecat-test',
    clientSecret: 'chorecat-test-secret',
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
