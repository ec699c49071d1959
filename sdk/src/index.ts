import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths, components } from './generated/schema.ts';

/**
 * The Chorecat SDK: typed from the OpenAPI contract (see generated/), built
 * on openapi-fetch. Works in browsers and Node 20+.
 *
 * - Every call is typed: paths, parameters, bodies and responses.
 * - Sign in with `login()` / `signIn()`; tokens live in a TokenStore
 *   (memory, localStorage, or yours) and are refreshed automatically on a
 *   401, with one retry. Or pass a fixed `token`.
 * - Every POST carries an `Idempotency-Key`: a fresh UUID, unless you pass
 *   your own in `headers`. To retry a POST safely, pass the same key again.
 *   Sign-in, refresh and email verification store no answer (it carries
 *   credentials): a retry runs again, and a spent refresh token sent twice
 *   ends that sign-in, so sign in again instead of retrying a refresh.
 * - Errors come back as `{ error }` with the problem+json body (`code`,
 *   `detail`, `errors`), or throw a ChorecatError with `unwrap()`.
 */
export type { paths, components };
export {
  verifyWebhook,
  WebhookVerificationError,
  type WebhookEvent,
  type ChorecatEvent,
  type WebhookHeaders,
  type WebhookVerificationReason,
  type VerifyWebhookOptions,
} from './webhooks.ts';
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export type Tokens = Schemas['Tokens'];
export { ChorecatError, unwrap } from './errors.ts';
import { unwrap } from './errors.ts';
import type { TokenStorage } from './token-storage.ts';
export type { TokenStorage } from './token-storage.ts';

/**
 * Where the SDK keeps the signed-in user's tokens. Ship your own (a cookie,
 * secure storage on mobile …) by implementing these two methods.
 */
export interface TokenStore {
  get(): Tokens | undefined | Promise<Tokens | undefined>;
  set(tokens: Tokens | undefined): void | Promise<void>;
}

/** Tokens in memory: gone when the process or page goes. */
export function memoryTokenStore(initial?: Tokens): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/** Tokens in the browser's localStorage (or any TokenStorage), under `key`. */
export function localStorageTokenStore(
  key = 'chorecat.tokens',
  storage: TokenStorage = (globalThis as { localStorage?: TokenStorage }).localStorage!,
): TokenStore {
  return {
    get() {
      const raw = storage.getItem(key);
      return raw ? (JSON.parse(raw) as Tokens) : undefined;
    },
    set(tokens) {
      if (tokens) storage.setItem(key, JSON.stringify(tokens));
      else storage.removeItem(key);
    },
  };
}

export interface ChorecatOptions {
  baseUrl: string;
  /** A fixed access token, or a function returning one before every request. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /**
   * Keeps the tokens and refreshes them: on a 401 the SDK exchanges the
   * refresh token once (one exchange at a time, however many requests are
   * waiting) and retries the request once. If the refresh fails the store is
   * cleared and the 401 is returned.
   */
  tokenStore?: TokenStore;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export type ChorecatClient = Client<paths>;

const AUTH_PATHS = /\/v1\/auth\//;

export function createChorecat(options: ChorecatOptions): ChorecatClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const client = createClient<paths>({ baseUrl, fetch: doFetch, headers: options.headers });
  const store = options.tokenStore;
  const originals = new WeakMap<Request, Request>();
  let refreshing: Promise<Tokens | undefined> | undefined;

  const currentToken = async () => {
    if (store) return (await store.get())?.accessToken;
    return typeof options.token === 'function' ? await options.token() : options.token;
  };

  // One refresh at a time: concurrent 401s wait for the same exchange.
  const refresh = (): Promise<Tokens | undefined> =>
    (refreshing ??= (async () => {
      try {
        const tokens = await store!.get();
        if (!tokens) return undefined;
        const response = await doFetch(`${baseUrl}/v1/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': globalThis.crypto.randomUUID() },
          body: JSON.stringify({ refreshToken: tokens.refreshToken }),
        });
        const next = response.ok ? ((await response.json()) as Tokens) : undefined;
        await store!.set(next);
        return next;
      } finally {
        refreshing = undefined;
      }
    })());

  const middleware: Middleware = {
    async onRequest({ request }) {
      const token = await currentToken();
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
      }
      // Keep an unread copy, so the request can be sent again after a refresh.
      if (store && !AUTH_PATHS.test(new URL(request.url).pathname)) originals.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response }) {
      const original = originals.get(request);
      if (!store || !original || response.status !== 401) return response;
      const sentWith = request.headers.get('authorization');
      const current = await store.get();
      // Another request may already have refreshed: use its tokens instead of refreshing again.
      const tokens = current && `Bearer ${current.accessToken}` !== sentWith ? current : await refresh();
      if (!tokens) return response;
      const retry = new Request(original, { headers: new Headers(original.headers) });
      retry.headers.set('authorization', `Bearer ${tokens.accessToken}`);
      return doFetch(retry);
    },
  };
  client.use(middleware);
  return client;
}

/** Uploads a photo (JPEG, PNG or WebP; 10 MB at most) for a check-in or report; returns its file info (`id`, `sha256` …). */
export async function uploadFile(client: ChorecatClient, file: Blob, filename = 'photo'): Promise<Schemas['FileInfo']> {
  const form = new FormData();
  form.append('file', file, filename);
  // The generated type describes the multipart fields; the body itself is this FormData, sent as is.
  return unwrap(await client.POST('/v1/files', { body: form as unknown as { file: string }, bodySerializer: () => form }));
}

/**
 * Fetches and solves the application form's proof-of-work (ALTCHA, a
 * fraction of a second), returning what `POST /v1/applications` takes as
 * `challenge`. Works in browsers and Node (Web Crypto).
 */
export async function solveApplicationChallenge(client: ChorecatClient): Promise<string> {
  const challenge = unwrap(await client.GET('/v1/application-challenge'));
  const { solveChallenge } = await import('altcha-lib/v1');
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('the application challenge could not be solved');
  const payload = {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: solution.number,
    salt: challenge.salt,
    signature: challenge.signature,
  };
  return btoa(JSON.stringify(payload));
}

/** Applies to a vacancy: solves the challenge, then submits (`201` new, `200` an open application already exists). */
export async function apply(
  client: ChorecatClient,
  application: Omit<Schemas['ApplicationCreate'], 'challenge'>,
): Promise<Schemas['ApplicationReceipt']> {
  const challenge = await solveApplicationChallenge(client);
  return unwrap(await client.POST('/v1/applications', { body: { ...application, challenge } }));
}

/** Signs in with email and password, keeping the tokens in `store`. */
export async function signIn(client: ChorecatClient, store: TokenStore, credentials: { email: string; password: string }): Promise<Tokens> {
  const tokens = unwrap(await client.POST('/v1/auth/login', { body: credentials }));
  await store.set(tokens);
  return tokens;
}

/** Signs out: revokes the refresh token on the server and empties `store`. */
export async function signOut(client: ChorecatClient, store: TokenStore): Promise<void> {
  const tokens = await store.get();
  if (tokens) await client.POST('/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } });
  await store.set(undefined);
}

/**
 * Money in the API is a string of cat-units with exactly two decimals
 * ("-12.50"): exact, never a float. Add and compare amounts as integer
 * hundredths: `formatCents(toCents(a) + toCents(b))`.
 */
export function toCents(amount: Schemas['Money']): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new RangeError(`"${amount}" is not an amount such as 12.50`);
  const cents = BigInt(match[2]!) * 100n + BigInt(match[3]!);
  return match[1] ? -cents : cents;
}

/** Integer hundredths back to the API's money string: 1250n → "12.50", -5n → "-0.05". */
export function formatCents(cents: bigint): Schemas['Money'] {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Signs in with email and password; returns the tokens and a client that
 * keeps them (in memory unless you pass a store) and refreshes them itself.
 */
export async function login(
  options: Omit<ChorecatOptions, 'token'>,
  credentials: { email: string; password: string },
): Promise<{ tokens: Tokens; client: ChorecatClient; store: TokenStore }> {
  const store = options.tokenStore ?? memoryTokenStore();
  const client = createChorecat({ ...options, tokenStore: store });
  const tokens = await signIn(client, store, credentials);
  return { tokens, client, store };
}
