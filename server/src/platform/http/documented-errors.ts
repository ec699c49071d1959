import { STATUS_BY_CODE, type ErrorCode } from '../errors.ts';

/**
 * Which error codes an operation can answer, read from the contract (issue
 * #15). Pure, so the contract's bundling (sdk/scripts/bundle.ts, which
 * writes each operation's codes into its description) and the test-mode
 * check (error-codes.ts) read the one rule.
 *
 * The rule, written the same in the contract's description and the README:
 * an operation documents its own codes in `x-error-codes`; besides those it
 * can answer every code of the root `x-common-error-codes` (the transport,
 * the rate limits, a bad bearer token, a bug: any operation); an operation
 * with `x-roles` also those of `x-role-error-codes`; a POST that stores its
 * answer for replay (every POST but `x-idempotency: none`) also those of
 * `x-idempotency-error-codes`. Each documented code's status
 * (STATUS_BY_CODE) is one the operation declares in its responses.
 */
/**
 * The codes no operation of the contract answers, each with why: the one
 * place a STATUS_BY_CODE code may go undocumented (the static test,
 * platform/test/error-codes.test.ts, holds every other code to being
 * documented by an operation or a common list).
 */
export const UNDOCUMENTED_CODES: Partial<Record<ErrorCode, string>> = {
  'REQUEST.METHOD_NOT_ALLOWED': 'answered only to a request that matches no operation (a path with other methods)',
  'IDENTITY.LAST_ADMIN': "the panel's user management only (setUserRoles, setUserDisabled)",
  'IDENTITY.SELF_CHANGE': "the panel's user management only (setUserRoles, setUserDisabled)",
  'BILLING.NOTHING_TO_RETRY': "the panel's payout retry only (retryPayoutNow)",
  'HIRING.TEST_ALREADY_ATTACHED': "the panel's vacancy tests only (attachVacancyTest)",
  'WEBHOOKS.ENDPOINT_DISABLED': "the panel's webhook endpoint actions only",
  'WEBHOOKS.ENDPOINT_ACTIVE': "the panel's webhook endpoint actions only",
};

export const COMMON_EXTENSIONS = {
  all: 'x-common-error-codes',
  roles: 'x-role-error-codes',
  idempotency: 'x-idempotency-error-codes',
} as const;

export type SpecOperation = {
  operationId?: string;
  security?: unknown[];
  'x-roles'?: string[];
  'x-idempotency'?: string;
  'x-error-codes'?: string[];
  responses?: Record<string, unknown>;
};
type Spec = Record<string, unknown> & { paths: Record<string, Record<string, SpecOperation>> };

export interface DocumentedErrors {
  operationId: string;
  method: string;
  path: string;
  /** Its own, from `x-error-codes`. */
  own: string[];
  /** Every code the operation may answer: its own and the common ones that apply. */
  codes: Set<string>;
  /** The statuses its `responses` declare. */
  statuses: Set<number>;
}

function list(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((code) => typeof code !== 'string')) throw new Error(`${where} must be a list of codes`);
  return value as string[];
}

/** The common codes by the rule above, for an operation of the (bundled) contract. */
export function commonCodesOf(spec: Record<string, unknown>, method: string, op: SpecOperation): string[] {
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  return [
    ...list(spec[COMMON_EXTENSIONS.all], COMMON_EXTENSIONS.all),
    ...(!isPublic ? list(spec[COMMON_EXTENSIONS.roles], COMMON_EXTENSIONS.roles) : []),
    ...(method === 'post' && op['x-idempotency'] !== 'none'
      ? list(spec[COMMON_EXTENSIONS.idempotency], COMMON_EXTENSIONS.idempotency)
      : []),
  ];
}

/** Per operationId, what the contract documents it can answer. */
export function documentedErrors(spec: Record<string, unknown>): Map<string, DocumentedErrors> {
  const result = new Map<string, DocumentedErrors>();
  for (const [path, item] of Object.entries((spec as Spec).paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const own = list(op['x-error-codes'], `${op.operationId}'s x-error-codes`);
      result.set(op.operationId, {
        operationId: op.operationId,
        method,
        path,
        own,
        codes: new Set([...own, ...commonCodesOf(spec, method, op)]),
        statuses: new Set(
          Object.keys(op.responses ?? {})
            .map(Number)
            .filter(Number.isInteger),
        ),
      });
    }
  }
  return result;
}

/** Why this answer breaks the operation's documented errors, or undefined when it keeps to them. */
export function violationOf(documented: DocumentedErrors, code: string, status: number): string | undefined {
  const expected = (STATUS_BY_CODE as Record<string, number>)[code];
  if (expected === undefined) return `answered ${code}, which is not in STATUS_BY_CODE (server/src/platform/errors.ts)`;
  if (expected !== status) return `answered ${code} with status ${status}, but STATUS_BY_CODE maps it to ${expected}`;
  if (!documented.codes.has(code)) {
    return `answered ${code} (${status}), which it does not document: add it to the operation's x-error-codes in openapi/<module>/paths.yaml, or stop the server answering it`;
  }
  if (!documented.statuses.has(status)) return `answered ${code} with status ${status}, which its responses do not declare`;
  return undefined;
}

/**
 * The sentence the docs page shows in an operation's description (Scalar
 * renders no `x-` extension): its own codes, then the common ones that
 * apply, each with its status.
 */
export function errorCodesSentence(spec: Record<string, unknown>, method: string, op: SpecOperation): string {
  const withStatus = (code: string) => `\`${code}\` (${(STATUS_BY_CODE as Record<string, number>)[code] ?? '?'})`;
  const own = list(op['x-error-codes'], `${op.operationId}'s x-error-codes`);
  const common = commonCodesOf(spec, method, op).filter((code) => !own.includes(code));
  return (
    `**Error codes** (\`code\` of a problem answer): ${own.length ? own.map(withStatus).join(', ') : 'none of its own'}; ` +
    `and, as for every operation of its kind (see *Error codes* in the introduction): ${common.map(withStatus).join(', ')}.`
  );
}
