/**
 * The refusals the panel decides itself. The code is one of the platform's
 * stable error codes: the server maps it to its HTTP status and writes the
 * problem+json, in the one place it does so for every route.
 */
export type PanelProblemCode = 'AUTH.UNAUTHENTICATED' | 'AUTH.FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION.FAILED' | 'REQUEST.TOO_LARGE';

export interface PanelFieldError {
  path: string;
  message: string;
}

export class PanelProblem extends Error {
  readonly code: PanelProblemCode;
  readonly detail: string;
  readonly errors?: PanelFieldError[];

  constructor(code: PanelProblemCode, detail: string, errors?: PanelFieldError[]) {
    super(detail);
    this.name = 'PanelProblem';
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

export const invalid = (path: string, message: string) =>
  new PanelProblem('VALIDATION.FAILED', `The panel request is malformed: ${path} ${message}.`, [{ path, message }]);

/** Keys that would reach an object's prototype when a flattened form or query is unflattened. */
export const UNSAFE_KEY_SEGMENT = /(^|[.~])(__proto__|constructor|prototype)($|[.~])/;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL cannot store as it is: a NUL (refused in jsonb, silently turned into "\\0" in text) or a lone surrogate (no UTF-8 form). */
export const isMalformedText = (text: string): boolean => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);

/**
 * The first form field (by its flattened name) holding malformed text, as
 * the API refuses it for every operation: the panel's forms reach the use
 * cases without the contract in between. Iterative: a nested JSON body
 * cannot exhaust the stack.
 */
export function malformedField(fields: Record<string, unknown>): string | undefined {
  const stack: [unknown, string][] = Object.entries(fields).map(([key, value]) => [value, key]);
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    // The name itself is malformed: say so without echoing what cannot be printed.
    if (isMalformedText(path)) return '(a field name)';
    if (typeof value === 'string') {
      if (isMalformedText(value)) return path;
    } else if (Array.isArray(value)) value.forEach((child, i) => stack.push([child, `${path}.${i}`]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push([child, `${path}.${key}`]);
    }
  }
  return undefined;
}
