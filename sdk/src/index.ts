import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths, components } from './generated/schema.ts';

/**
 * The Chorecat SDK: typed from the OpenAPI contract (see generated/), built
 * on openapi-fetch. Works in browsers and Node 20+.
 *
 * - Every call is typed: paths, parameters, bodies and responses.
 * - Resource methods generated from the contract's tags and operationIds:
 *   `chorecat.orders.cancel(id, body)` answers `{ data, error, response }`,
 *   `.orThrow(...)` the data; lists also iterate every page (`for await`).
 *   The raw `GET`/`POST` … stay. See resources.ts and the README.
 * - Sign in with `login()` / `signIn()`; tokens live in a TokenStore
 *   (memory, localStorage, or yours) and are refreshed on a 401, once per
 *   store however many clients, requests and tabs wait (see README
 *   "Sessions"). Or pass a fixed `token`.
 * - Every request has a timeout and takes a `signal`; 429, 502–504, network
 *   errors and timeouts are retried with backoff, honouring `Retry-After`
 *   (transport.ts). Every POST carries an `Idempotency-Key` (a fresh UUID
 *   unless you pass your own), the same on each retry.
 * - Refusals come back as `{ error }` with the problem+json body, or throw a
 *   ChorecatApiError with `unwrap()`; no answer throws a ChorecatNetworkError
 *   or ChorecatTimeoutError. All are ChorecatErrors.
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
export {
  ChorecatError,
  ChorecatApiError,
  ChorecatNetworkError,
  ChorecatTimeoutError,
  ChorecatUnreachableStatusError,
  unwrap,
  parseRetryAfter,
} from './errors.ts';
export { REPLAY, type TransportOptions, type RetryInfo, type TransportCallOptions } from './transport.ts';
export { waitFor, type WaitForOptions } from './wait.ts';
import { unwrap } from './errors.ts';
import { attachResources, type Resources } from './resources.ts';
export {
  attachResources,
  type ApiProblem,
  type CallOptions,
  type CommonErrorCode,
  type DataOf,
  type BodyOf,
  type Exact,
  type ItemOf,
  type ListCall,
  type ListMethod,
  type Method,
  type OperationErrorCodes,
  type Resources,
  type Result,
} from './resources.ts';
import { createTransport, type TransportOptions } from './transport.ts';
import { withTabLock } from './tab-lock.ts';
import type { TokenStorage } from './token-storage.ts';
export type { TokenStorage } from './token-storage.ts';

/**
 * Where the SDK keeps the signed-in user's tokens. Ship your own (a cookie,
 * secure storage on mobile …) by implementing these two methods.
 */
export interface TokenStore {
  get(): Tokens | undefined | Promise<Tokens | undefined>;
  set(tokens: Tokens | undefined): void | Promise<void>;
  /**
   * For a store several tabs or processes share: runs the refresh while
   * holding a lock they all honour, so one refreshes and the others then
   * read its tokens (the SDK re-reads the store inside the lock).
   */
  refreshLock?<T>(run: () => Promise<T>): Promise<T>;
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

/**
 * Tokens in the browser's localStorage (or any TokenStorage), under `key`. Tabs
 * of one origin share them and take turns refreshing: a Web Lock named
 * `<key>.refresh`, or without Web Locks a lease under that key (tab-lock.ts).
 */
export function localStorageTokenStore(
  key = 'chorecat.tokens',
  storage: TokenStorage = (globalThis as { localStorage?: TokenStorage }).localStorage!,
): TokenStore {
  return {
    refreshLock: (run) => withTabLock(`${key}.refresh`, storage, run),
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

export interface ChorecatOptions extends TransportOptions {
  baseUrl: string;
  /** A fixed access token, or a function returning one before every request. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /**
   * Keeps the tokens and refreshes them: on a 401 the SDK exchanges the
   * refresh token once and retries the request once. One exchange at a time
   * per store, however many requests and clients are waiting (and across
   * tabs for a store with a `lockName`). If the refresh is refused the store
   * is cleared, `onSessionExpired` is told, and the 401 is returned.
   */
  tokenStore?: TokenStore;
  /**
   * Called once per sign-in when it ends without the app asking: the refresh
   * was refused (its problem code: AUTH.REFRESH_TOKEN_REUSED, AUTH.INVALID_TOKEN …)
   * or another client or tab cleared the shared store ('SIGNED_OUT').
   */
  onSessionExpired?: (reason: string) => void;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/** The raw openapi-fetch client (`GET`/`POST`/`use` …) plus the resource groups (`orders.cancel(id)` …; see resources.ts). */
export type ChorecatClient = Client<paths> & Resources;

const AUTH_PATHS = /\/v1\/auth\//;

type RefreshResult = { tokens?: Tokens; expired?: string };
/** The refresh in progress per store: every client on a store waits for the same one. */
const refreshes = new WeakMap<TokenStore, Promise<RefreshResult>>();

function refreshShared(store: TokenStore, stale: string | undefined, send: (refreshToken: string) => Promise<Response>) {
  let flight = refreshes.get(store);
  if (!flight) {
    flight = withStoreLock(store, () => refreshUnlessDone(store, stale, send)).finally(() => refreshes.delete(store));
    refreshes.set(store, flight);
  }
  return flight;
}

async function refreshUnlessDone(store: TokenStore, stale: string | undefined, send: (refreshToken: string) => Promise<Response>) {
  // Read inside the lock: another client or tab may have refreshed (or signed out) meanwhile.
  const current = await store.get();
  if (!current) return { expired: 'SIGNED_OUT' };
  if (current.accessToken !== stale) return { tokens: current };
  const response = await send(current.refreshToken);
  if (response.ok) {
    const tokens = (await response.json()) as Tokens;
    await store.set(tokens);
    return { tokens };
  }
  // A 5xx rolled back (the refresh token is unspent) and a 429 never ran: keep the session, return the 401.
  if (response.status >= 500 || response.status === 429) return {};
  const problem = (await response.json().catch(() => undefined)) as { code?: string } | undefined;
  await store.set(undefined);
  return { expired: problem?.code ?? `HTTP_${response.status}` };
}

function withStoreLock<T>(store: TokenStore, run: () => Promise<T>): Promise<T> {
  return store.refreshLock ? store.refreshLock(run) : run();
}

export function createChorecat(options: ChorecatOptions): ChorecatClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const transport = createTransport((request) => baseFetch(request), options);
  const client = createClient<paths>({ baseUrl, fetch: transport, headers: options.headers });
  const store = options.tokenStore;
  const notified = new Set<string>();

  const currentToken = async () => {
    if (store) return (await store.get())?.accessToken;
    return typeof options.token === 'function' ? await options.token() : options.token;
  };

  const sendRefresh = (refreshToken: string) =>
    transport(
      new Request(`${baseUrl}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': globalThis.crypto.randomUUID() },
        body: JSON.stringify({ refreshToken }),
      }),
    );

  const middleware: Middleware = {
    async onRequest({ request }) {
      const token = await currentToken();
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      // Set before the transport sees it, so every retry carries the same key.
      if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
      }
      return request;
    },
    async onResponse({ request, response }) {
      if (!store || response.status !== 401 || AUTH_PATHS.test(new URL(request.url).pathname)) return response;
      const stale = request.headers.get('authorization')?.replace(/^Bearer /, '');
      const { tokens, expired } = await refreshShared(store, stale, sendRefresh);
      if (expired && stale && !notified.has(stale)) {
        notified.add(stale);
        options.onSessionExpired?.(expired);
      }
      if (!tokens) return response;
      // The transport never reads `request` itself (it sends copies), so it can be sent again.
      const retry = Object.assign(new Request(request, { headers: new Headers(request.headers) }), {
        maxRetries: (request as Request & { maxRetries?: number }).maxRetries,
        timeoutMs: (request as Request & { timeoutMs?: number }).timeoutMs,
      });
      retry.headers.set('authorization', `Bearer ${tokens.accessToken}`);
      return transport(retry);
    },
  };
  client.use(middleware);
  return attachResources(client);
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
 * ("-12.50"): exact, never a float. In the types it is branded: a plain
 * string is not Money until `money()` has checked it (or `formatCents()`
 * made it), so "12.5" cannot reach a body. Add and compare amounts as
 * integer hundredths: `formatCents(toCents(a) + toCents(b))`.
 */
export type Money = Schemas['Money'];

const MONEY = /^(-?)(\d{1,15})\.(\d{2})$/;

/** Checks an amount such as "12.50" (exactly two decimals) and types it as Money; a RangeError otherwise. */
export function money(amount: string): Money {
  if (!MONEY.test(amount)) throw new RangeError(`"${amount}" is not an amount such as 12.50`);
  return amount as Money;
}

export function toCents(amount: Money): bigint {
  const match = MONEY.exec(amount);
  if (!match) throw new RangeError(`"${amount}" is not an amount such as 12.50`);
  const cents = BigInt(match[2]!) * 100n + BigInt(match[3]!);
  return match[1] ? -cents : cents;
}

/** A page's `limit` (1–100, the contract's Limit): `limit: 1000` does not compile; a computed number goes through `pageSize()`. */
export type PageSize = components['parameters']['Limit'];

/** Checks a computed page size (an integer 1–100) and types it as PageSize; a RangeError otherwise. */
export function pageSize(n: number): PageSize {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new RangeError(`${n} is not a page size (an integer from 1 to 100)`);
  return n as PageSize;
}

/** Integer hundredths back to the API's money string: 1250n → "12.50", -5n → "-0.05". */
export function formatCents(cents: bigint): Money {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}` as Money;
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
