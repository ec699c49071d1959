import type { components } from './generated/schema.ts';

type Problem = components['schemas']['Problem'];

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

/**
 * Returns `data` or throws a ChorecatError: `const clock = unwrap(await api.GET('/v1/sandbox/clock'))`.
 * A success without a body (204) returns undefined.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok || (result.data === undefined && result.response.status !== 204)) {
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
  return result.data as T;
}
