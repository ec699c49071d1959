import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths, components } from './generated/schema.ts';

/**
 * The Chorecat SDK: typed from the OpenAPI contract (see generated/), built
 * on openapi-fetch. Works in browsers and Node 20+.
 *
 * - Every call is typed: paths, parameters, bodies and responses.
 * - `token` is a string or a function returning one (sync or async), read
 *   before every request.
 * - Every POST carries an `Idempotency-Key`: a fresh UUID, unless you pass
 *   your own in `headers`. To retry a POST safely, pass the same key again.
 * - Errors come back as `{ error }` with the problem+json body (`code`,
 *   `detail`, `errors`), or throw a ChorecatError with `unwrap()`.
 */
export type { paths, components };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export interface ChorecatOptions {
  baseUrl: string;
  token?: string | (() => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export type ChorecatClient = Client<paths>;

export function createChorecat(options: ChorecatOptions): ChorecatClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: options.fetch,
    headers: options.headers,
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
      }
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** An API refusal, carrying the problem+json body. */
export class ChorecatError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ChorecatError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

/** Returns `data` or throws a ChorecatError: `const clock = unwrap(await api.GET('/v1/sandbox/clock'))`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const error = result.error as Partial<Problem> | undefined;
    throw new ChorecatError({
      type: error?.type ?? 'about:blank',
      title: error?.title ?? result.response.statusText,
      status: error?.status ?? result.response.status,
      code: error?.code ?? 'UNKNOWN',
      detail: error?.detail,
      requestId: error?.requestId,
      errors: error?.errors,
    });
  }
  return result.data;
}

/** Signs in with email and password; returns the tokens and a client that uses them. */
export async function login(
  options: Omit<ChorecatOptions, 'token'>,
  credentials: { email: string; password: string },
): Promise<{ tokens: Schemas['Tokens']; client: ChorecatClient }> {
  const anonymous = createChorecat(options);
  const tokens = unwrap(await anonymous.POST('/v1/auth/login', { body: credentials }));
  return { tokens, client: createChorecat({ ...options, token: tokens.accessToken }) };
}
