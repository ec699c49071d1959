import type { components } from './generated/schema.ts';

type Problem = components['schemas']['Problem'];

/**
 * Every error the SDK throws is a ChorecatError: catch this one class, then
 * narrow with `instanceof` to
 * - ChorecatApiError: the API answered with a refusal (status, code, problem);
 * - ChorecatNetworkError: no answer at all (DNS, refused, dropped connection);
 * - ChorecatTimeoutError: no answer within `timeoutMs`.
 * `code` is always set (the problem's code, or NETWORK_ERROR / TIMEOUT);
 * `status` only when the API answered.
 */
export class ChorecatError extends Error {
  readonly status?: number;
  readonly code: string;

  constructor(message: string, code: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChorecatError';
    this.code = code;
    this.status = options?.status;
  }
}

/** An API refusal, carrying the problem+json body. */
export class ChorecatApiError extends ChorecatError {
  declare readonly status: number;
  /** The problem's `requestId` (or the `X-Request-Id` header): quote it to support. */
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (429, 503, AUTH.LOCKED …); undefined when absent. */
  readonly retryAfter: number | undefined;
  readonly problem: Problem;

  constructor(problem: Problem, options: { retryAfter?: number; requestId?: string } = {}) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`, problem.code, { status: problem.status });
    this.name = 'ChorecatApiError';
    this.problem = problem;
    this.requestId = problem.requestId ?? options.requestId;
    this.retryAfter = options.retryAfter;
  }
}

/** The request got no answer: the connection was refused, reset or dropped, or the name did not resolve. `cause` is the fetch error. */
export class ChorecatNetworkError extends ChorecatError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, 'NETWORK_ERROR', options);
    this.name = 'ChorecatNetworkError';
  }
}

/** No answer arrived within `timeoutMs` (the last attempt's; earlier ones were retried). */
export class ChorecatTimeoutError extends ChorecatError {
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message, 'TIMEOUT');
    this.name = 'ChorecatTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `Retry-After` as seconds from now: delta-seconds ("120") or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Returns `data` or throws a ChorecatApiError: `const clock = unwrap(await api.GET('/v1/sandbox/clock'))`.
 * A success without a body (204) returns undefined.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok || (result.data === undefined && result.response.status !== 204)) {
    throw apiError(result.response, result.error);
  }
  return result.data as T;
}

/** The ChorecatApiError for a refusal: the problem+json body when there is one, else what the response says. */
export function apiError(response: Response, body: unknown): ChorecatApiError {
  const error = (typeof body === 'object' && body !== null ? body : undefined) as Partial<Problem> | undefined;
  return new ChorecatApiError(
    {
      type: error?.type ?? 'about:blank',
      title: error?.title ?? response.statusText,
      status: error?.status ?? response.status,
      code: error?.code ?? 'UNKNOWN',
      detail: error?.detail,
      requestId: error?.requestId,
      errors: error?.errors,
    },
    { retryAfter: parseRetryAfter(response.headers.get('retry-after')), requestId: response.headers.get('x-request-id') ?? undefined },
  );
}

type Order = components['schemas']['Order'];

/** `waitFor` gave up: the order reached a status from which the wanted one cannot follow (the lifecycle only moves forward). */
export class ChorecatUnreachableStatusError extends ChorecatError {
  readonly order: Order;
  readonly wanted: Order['status'];

  constructor(order: Order, wanted: Order['status']) {
    super(`order ${order.id} is ${order.status}: it can no longer become ${wanted}`, 'UNREACHABLE_STATUS');
    this.name = 'ChorecatUnreachableStatusError';
    this.order = order;
    this.wanted = wanted;
  }
}
