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
