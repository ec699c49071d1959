import type { Request, Response, NextFunction, ErrorRequestHandler } from 'express';
import { AppError, toProblem, type FieldError, type ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { isDatabaseUnavailable } from '../database.ts';

/**
 * The one place errors become HTTP answers: RFC 9457 problem+json with a
 * stable code. Expected failures are AppErrors; the validator's and body
 * parser's errors are translated; anything else is a bug: a 500 that leaks
 * nothing, logged in full and reported to operators.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (!error || typeof error !== 'object') return undefined;
  // The database down or restarting is not a bug: a 503 the caller may retry (its Idempotency-Key replays or redoes).
  if (isDatabaseUnavailable(error)) {
    return new AppError('SERVICE.DATABASE_UNAVAILABLE', 'The database is not reachable right now; retry shortly.', {
      headers: { 'retry-after': '1' },
    });
  }
  const e = error as { status?: number; statusCode?: number; type?: string; errors?: unknown[]; message?: string; path?: string };
  // body-parser
  if (e.type === 'entity.too.large') return new AppError('REQUEST.TOO_LARGE', 'The request body is larger than this endpoint accepts.');
  if (e.type === 'entity.parse.failed') {
    return new AppError('REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.', {
      errors: [{ path: '/body', message: 'must be valid JSON' }],
    });
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.');
  }
  // express-openapi-validator (its errors carry status + errors[] + path)
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && Array.isArray(e.errors)) {
    const fields: FieldError[] = e.errors.map((item) => {
      const i = item as { path?: string; message?: string; errorCode?: string };
      return { path: normalisePath(i.path ?? ''), message: i.message ?? 'is invalid', ...(i.errorCode ? { code: i.errorCode } : {}) };
    });
    const byStatus: Record<number, [ErrorCode, string]> = {
      400: ['VALIDATION.FAILED', describeFields(fields)],
      404: ['NOT_FOUND', 'There is no such route.'],
      405: ['REQUEST.METHOD_NOT_ALLOWED', 'This route does not accept that method.'],
      413: ['REQUEST.TOO_LARGE', 'The request body is too large.'],
      415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'This route does not accept that content type.'],
    };
    const mapped = byStatus[status];
    if (mapped) return new AppError(mapped[0], mapped[1], status === 400 ? { errors: fields } : {});
  }
  // Any other client error raised by the HTTP layer below our code (Express failing to decode a path parameter,
  // a URIError; body-parser failing to inflate a gzip body, an http-errors error it marks `expose`) carries its
  // 4xx status: it is about the request, never a 500. Other errors with a `status` (an upstream service's answer
  // inside an adapter) are not the caller's fault and stay 500s.
  const fromHttpLayer = error instanceof URIError || (error as { expose?: unknown }).expose === true;
  if (fromHttpLayer && typeof status === 'number' && status >= 400 && status < 500) {
    const byStatus: Record<number, [ErrorCode, string]> = {
      404: ['NOT_FOUND', 'There is no such route.'],
      413: ['REQUEST.TOO_LARGE', 'The request body is too large.'],
      415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'This route does not accept that content type or encoding.'],
    };
    const [code, detail] = byStatus[status] ?? [
      'REQUEST.MALFORMED',
      'The request could not be read (its path, encoding or body is malformed).',
    ];
    return new AppError(code, detail);
  }
  return undefined;
}

function normalisePath(path: string): string {
  // The validator names fields like "/body/advanceTo" or ".query.limit"; make them all JSON-pointer-like.
  return path.startsWith('.') ? `/${path.slice(1).replaceAll('.', '/')}` : path;
}

function describeFields(fields: FieldError[]): string {
  if (fields.length === 0) return 'The request does not match the API contract.';
  return `The request does not match the API contract: ${fields.map((f) => `${f.path} ${f.message.replace(/\.+$/, '')}`).join('; ')}.`;
}

export function sendProblem(res: Response, error: AppError, requestId?: string): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res
    .status(error.status)
    .type('application/problem+json')
    .send(JSON.stringify(toProblem(error, requestId)));
}

export function problemHandler(options: { logger: Logger; onServerError?: (error: unknown, req: Request) => void }): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const known = toAppError(error);
    if (known && known.status < 500) return sendProblem(res, known, req.requestId);
    const log = req.log ?? options.logger;
    if (known) {
      log.warn({ err: error, requestId: req.requestId }, known.detail);
      return sendProblem(res, known, req.requestId);
    }
    log.error({ err: error, requestId: req.requestId }, 'unexpected error');
    options.onServerError?.(error, req);
    sendProblem(
      res,
      new AppError('INTERNAL', 'Something went wrong on our side. It has been reported; quote the requestId.'),
      req.requestId,
    );
  };
}

/** For routes no spec path matches and non-API paths. */
export function notFound(req: Request, res: Response): void {
  sendProblem(res, new AppError('NOT_FOUND', `There is no route ${req.method} ${req.path}.`), req.requestId);
}
