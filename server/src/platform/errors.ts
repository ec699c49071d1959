/**
 * One error type for every expected failure. The `code` is the stable,
 * namespaced contract partners program against; the HTTP status is derived
 * from it in exactly one place (STATUS_BY_CODE) so two routes can never
 * answer the same problem differently.
 */
export const STATUS_BY_CODE = {
  'VALIDATION.FAILED': 400,
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.MALFORMED': 400,
  'OIDC.INVALID_STATE': 400,
  'EVENTS.UNKNOWN_CURSOR': 400,
  'EVENTS.UNKNOWN_TYPE': 400,
  'OIDC.FAILED': 400,
  'AUTH.INVALID_CODE': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'SUPPLIES.BAD_SIGNATURE': 401,
  'BILLING.BAD_SIGNATURE': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_REFRESH_TOKEN': 401,
  'AUTH.REFRESH_TOKEN_REUSED': 401,
  'BILLING.PAYMENT_DECLINED': 402,
  'AUTH.FORBIDDEN': 403,
  'AUTH.EMAIL_NOT_VERIFIED': 403,
  'OIDC.EMAIL_NOT_VERIFIED': 403,
  'OIDC.UNKNOWN_PROVIDER': 404,
  NOT_FOUND: 404,
  'BIDS.NOT_SETTLED': 404,
  'REQUEST.METHOD_NOT_ALLOWED': 405,
  'IDEMPOTENCY.IN_FLIGHT': 409,
  'IDEMPOTENCY.ANSWER_LOST': 409,
  'IDENTITY.LAST_ADMIN': 409,
  'CATALOG.NAME_TAKEN': 409,
  'ORDERS.ILLEGAL_TRANSITION': 409,
  'ORDERS.NOT_EDITABLE': 409,
  'ORDERS.CHECK_IN_CLOSED': 409,
  'ORDERS.WORKER_BUSY': 409,
  'ORDERS.NOT_COPYABLE': 409,
  'ORDERS.NOT_TIPPABLE': 409,
  'ORDERS.TIP_WINDOW_CLOSED': 409,
  'MATCHING.OFFER_EXPIRED': 409,
  'MATCHING.OFFER_ANSWERED': 409,
  'MATCHING.OFFER_WITHDRAWN': 409,
  'SUPPLIES.ILLEGAL_TRANSITION': 409,
  'SUPPLIES.COOKIE_NOT_ARRIVED': 409,
  'SUPPLIES.KIT_INCOMPLETE': 409,
  'SUPPLIES.NOTHING_TO_RETRY': 409,
  'BILLING.NOTHING_TO_RETRY': 409,
  'HIRING.ILLEGAL_TRANSITION': 409,
  'HIRING.CHALLENGE_REUSED': 409,
  'HIRING.TEST_ALREADY_ASSIGNED': 409,
  'HIRING.TEST_ALREADY_ATTACHED': 409,
  'HIRING.APPLICATION_CLOSED': 409,
  'HIRING.TEST_PASSED': 409,
  'HIRING.NO_ATTEMPTS_LEFT': 409,
  'HIRING.ATTEMPT_SUBMITTED': 409,
  'HIRING.ATTEMPT_EXPIRED': 409,
  'HIRING.TESTS_NOT_PASSED': 409,
  'SANDBOX.CLOCK_BUSY': 409,
  'BIDS.ORDER_STARTED': 409,
  'BIDS.SHARE_ALREADY_PAID': 409,
  'QUALITY.REVIEW_DONE': 409,
  'BILLING.NOT_INVOICED': 409,
  'BILLING.ALREADY_REFUNDED': 409,
  'WEBHOOKS.ENDPOINT_DISABLED': 409,
  'WEBHOOKS.ENDPOINT_ACTIVE': 409,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'FILES.UNSUPPORTED_TYPE': 415,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'IDENTITY.SELF_CHANGE': 422,
  'ORDERS.START_OUT_OF_RANGE': 422,
  'ORDERS.SERVICE_TYPE_UNAVAILABLE': 422,
  'ORDERS.PHOTO_INVALID': 422,
  'ORDERS.TIP_OUT_OF_RANGE': 422,
  'SUPPLIES.UNKNOWN_ITEM': 422,
  'BILLING.AMOUNT_OUT_OF_RANGE': 422,
  'HIRING.CHALLENGE_INVALID': 422,
  'HIRING.VACANCY_UNAVAILABLE': 422,
  'HIRING.UNKNOWN_SERVICE_TYPE': 422,
  'HIRING.UNKNOWN_TEST': 422,
  'HIRING.ANSWERS_INVALID': 422,
  'SANDBOX.CLOCK_BACKWARDS': 422,
  'WEBHOOKS.URL_NOT_ALLOWED': 422,
  'WEBHOOKS.URL_UNRESOLVABLE': 422,
  'SANDBOX.ADVANCE_TOO_FAR': 422,
  'QUALITY.ANSWERS_INVALID': 422,
  'QUALITY.FORM_INVALID': 422,
  'QUALITY.UNKNOWN_FORM': 422,
  'QUALITY.NO_FORM': 422,
  'QUALITY.REFUND_NEEDS_OVERTURN': 422,
  RATE_LIMITED: 429,
  'AUTH.LOCKED': 429,
  INTERNAL: 500,
  'SERVICE.UNAVAILABLE': 503,
  'SERVICE.DATABASE_UNAVAILABLE': 503,
  'OIDC.PROVIDER_UNAVAILABLE': 503,
  'FILES.STORAGE_UNAVAILABLE': 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail: string, options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(detail, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export function toProblem(error: AppError, requestId?: string): Problem {
  const status = error.status;
  return {
    type: `https://chorecat.test/problems/${error.code.toLowerCase().replaceAll('.', '/').replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.detail,
    code: error.code,
    ...(requestId ? { requestId } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}
