import { ChorecatNetworkError, ChorecatTimeoutError, parseRetryAfter } from './errors.ts';

/**
 * The SDK's fetch: every request gets a timeout and the caller's signal, and
 * is sent again (exponential backoff, full jitter, `Retry-After` honoured)
 * when the answer says it can be: 429, 502, 503, 504, a dropped connection,
 * a timeout, or an Idempotency-Key still in flight. A POST is resent with
 * the same Idempotency-Key, so the server runs it once and replays its
 * answer. Operations whose answer the server does not store (the contract's
 * `x-idempotency: none`) are retried only when that is safe, see REPLAY.
 */
export interface TransportOptions {
  /** Retries after the first attempt (default 2; 0 = send once). */
  maxRetries?: number;
  /** How long each attempt may wait for the response's status and headers (default 30 000 ms). */
  timeoutMs?: number;
  /** Backoff: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs · 2ⁿ)] (defaults 500 ms and 8 000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (default 60 000 ms) is not waited for: the answer is returned as it is. */
  maxRetryAfterMs?: number;
  /** Told before each retry (logging, metrics). */
  onRetry?: (retry: RetryInfo) => void;
  /** How to wait between attempts; a seam for tests (defaults to setTimeout, aborted by the signal). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  /** The status that is retried, or 'network' / 'timeout'. */
  reason: number | 'network' | 'timeout';
  request: Request;
}

/**
 * Per call, next to `params`/`body`: `client.GET('/v1/me', { timeoutMs: 5_000, maxRetries: 0, signal })`.
 * (openapi-fetch hands unknown init keys on to the Request it builds; the transport reads them there.)
 */
export interface TransportCallOptions {
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * How an `x-idempotency: none` operation may be sent again (paths relative to the base URL):
 * - never: refresh; a spent refresh token sent twice is taken for theft and ends the sign-in.
 * - refused: only when the server certainly did not run it (429: refused before the handler).
 *   A dropped connection or a 502–504 may come after it ran: verify-email would then answer
 *   AUTH.INVALID_CODE (the code is spent) and the tokens are lost; creating a webhook endpoint
 *   would create a second one; rotating a secret again drops the secret still in use.
 * - replay: login; running it twice signs in twice, and the unused session simply expires.
 * Every other POST stores its answer under its Idempotency-Key, and GET/HEAD/PUT/PATCH/DELETE
 * are replayable (Chorecat's PATCHes set values, they do not add to them).
 * A test keeps this table equal to the contract's `x-idempotency: none` operations.
 */
export const REPLAY: Record<string, 'never' | 'refused' | 'replay'> = {
  'POST /v1/auth/refresh': 'never',
  'POST /v1/auth/verify-email': 'refused',
  'POST /v1/webhook-endpoints': 'refused',
  'POST /v1/webhook-endpoints/{id}/rotate-secret': 'refused',
  'POST /v1/auth/login': 'replay',
};

const REPLAY_ENTRIES = Object.entries(REPLAY).map(([operation, policy]) => {
  const [method, template] = operation.split(' ') as [string, string];
  return { method, segments: template.split('/').slice(1), policy };
});

/** Compared at the end of the URL's path, so a base URL with a path prefix works; `{id}` takes any one segment. */
function matches(segments: string[], path: string): boolean {
  const tail = path.split('/').slice(-segments.length);
  return tail.length === segments.length && segments.every((s, i) => s.startsWith('{') || s === tail[i]);
}

function policyOf(request: Request): 'never' | 'refused' | 'replay' {
  const path = new URL(request.url).pathname;
  const entry = REPLAY_ENTRIES.find((e) => e.method === request.method && matches(e.segments, path));
  if (entry) return entry.policy;
  if (request.method === 'POST') return request.headers.has('idempotency-key') ? 'replay' : 'refused';
  return 'replay';
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const DEFAULTS = { maxRetries: 2, timeoutMs: 30_000, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

export function createTransport(baseFetch: (request: Request) => Promise<Response>, options: TransportOptions = {}) {
  const sleep = options.sleep ?? abortableSleep;

  return async function transport(request: Request): Promise<Response> {
    const call = request as Request & TransportCallOptions;
    const maxRetries = call.maxRetries ?? options.maxRetries ?? DEFAULTS.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULTS.timeoutMs;
    const policy = policyOf(request);
    const callerSignal = request.signal;

    for (let attempt = 0; ; attempt++) {
      const retriesLeft = policy !== 'never' && attempt < maxRetries;
      const timer = new AbortController();
      const timeout = setTimeout(() => timer.abort(), timeoutMs);
      let outcome: { response: Response } | { failure: 'network' | 'timeout'; error: unknown };
      try {
        // A copy per attempt: the original stays unread for the next one (and for a refresh-and-retry).
        const response = await baseFetch(new Request(request.clone(), { signal: anySignal([callerSignal, timer.signal]) }));
        outcome = { response };
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason;
        outcome = timer.signal.aborted ? { failure: 'timeout', error } : { failure: 'network', error };
      } finally {
        clearTimeout(timeout);
      }

      if ('response' in outcome) {
        const { response } = outcome;
        const retryable =
          retriesLeft &&
          (response.status === 429 || (policy === 'replay' && (RETRIED_STATUSES.has(response.status) || (await isInFlight(response)))));
        if (!retryable) return response;
        const retryAfterMs = retryAfterOf(response);
        if (retryAfterMs !== undefined && retryAfterMs > (options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs)) return response;
        const delayMs = retryAfterMs ?? backoff(attempt, options);
        await response.body?.cancel().catch(() => undefined);
        options.onRetry?.({ attempt: attempt + 1, delayMs, reason: response.status, request });
        await sleep(delayMs, callerSignal);
        continue;
      }

      if (!retriesLeft || policy !== 'replay') {
        if (outcome.failure === 'timeout') {
          throw new ChorecatTimeoutError(`${request.method} ${request.url}: no answer within ${timeoutMs} ms`, timeoutMs);
        }
        const cause = outcome.error;
        const detail = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
        throw new ChorecatNetworkError(`${request.method} ${request.url}: ${detail}`, { cause });
      }
      const delayMs = backoff(attempt, options);
      options.onRetry?.({ attempt: attempt + 1, delayMs, reason: outcome.failure, request });
      await sleep(delayMs, callerSignal);
    }
  };
}

/** 409 IDEMPOTENCY.IN_FLIGHT: the first attempt with this key is still running (its answer was lost, say); ask again shortly. */
async function isInFlight(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  try {
    const body = (await response.clone().json()) as { code?: string };
    return body.code === 'IDEMPOTENCY.IN_FLIGHT';
  } catch {
    return false;
  }
}

function retryAfterOf(response: Response): number | undefined {
  const seconds = parseRetryAfter(response.headers.get('retry-after'));
  return seconds === undefined ? undefined : seconds * 1000;
}

function backoff(attempt: number, options: TransportOptions): number {
  const ceiling = Math.min(options.maxDelayMs ?? DEFAULTS.maxDelayMs, (options.baseDelayMs ?? DEFAULTS.baseDelayMs) * 2 ** attempt);
  return Math.floor(Math.random() * ceiling);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** AbortSignal.any where the platform has it (Node 20.3+, browsers since 2023/24), else the same by hand. */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
