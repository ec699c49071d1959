import { appendFileSync } from 'node:fs';
import type { Request, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { OperationMatcher, type OperationInfo } from './openapi.ts';
import { documentedErrors, violationOf } from './documented-errors.ts';

export interface ErrorCodeViolation {
  operationId: string;
  method: string;
  path: string;
  code: string;
  status: number;
  reason: string;
}

/**
 * Violations seen in this process, for a test run's afterEach to fail on
 * (server/test/helpers/error-codes-setup.ts): the test whose request broke
 * the rule fails with the operation and the code, not only a surprising 500.
 */
const VIOLATIONS = Symbol.for('chorecat.errorCodeViolations');
export function errorCodeViolations(): ErrorCodeViolation[] {
  const store = globalThis as unknown as Record<symbol, ErrorCodeViolation[] | undefined>;
  return (store[VIOLATIONS] ??= []);
}

/**
 * Test mode only (with response validation): every problem+json answered to
 * a request that matched an operation must carry a code the operation
 * documents, with that code's status, a status the operation declares.
 * A violation becomes a 500 whose detail names the operation and the code
 * (and is logged, and kept for the test's afterEach). Requests that match no
 * operation (404s, 405s) are outside it.
 *
 * With `recordFile` (CHORECAT_RECORD_ERROR_CODES) nothing fails: each
 * problem answered is appended as a JSON line {operationId, code, status},
 * the raw material for the operations' x-error-codes.
 */
export function checkErrorCodes(options: {
  spec: Record<string, unknown>;
  operations: OperationInfo[];
  logger: Logger;
  recordFile?: string;
}): RequestHandler {
  const documented = documentedErrors(options.spec);
  const matcher = new OperationMatcher(options.operations);
  const operationOf = (req: Request, res: Response): OperationInfo | undefined => {
    const matched = res.locals.operation as OperationInfo | undefined;
    if (matched) return matched;
    // Refused before the match (the rate limits, the early flood defence): match it here, the same way.
    try {
      const found = matcher.match(req.originalUrl.split('?')[0]!);
      const method = req.method.toLowerCase();
      return found?.byMethod.get(method) ?? (method === 'head' ? found?.byMethod.get('get') : undefined);
    } catch {
      return undefined;
    }
  };
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (!type.startsWith('application/problem+json') || typeof body !== 'string') return send(body);
      const op = operationOf(req, res);
      if (!op) return send(body);
      let code: string;
      try {
        code = String((JSON.parse(body) as { code?: unknown }).code);
      } catch {
        return send(body);
      }
      const status = res.statusCode;
      if (options.recordFile) {
        appendFileSync(options.recordFile, `${JSON.stringify({ operationId: op.operationId, code, status })}\n`);
        return send(body);
      }
      const reason = violationOf(documented.get(op.operationId)!, code, status);
      if (!reason) return send(body);
      const violation: ErrorCodeViolation = { operationId: op.operationId, method: op.method, path: op.path, code, status, reason };
      errorCodeViolations().push(violation);
      const detail = `Error-code check (test mode): ${op.operationId} (${op.method.toUpperCase()} ${op.path}) ${reason}.`;
      options.logger.error({ violation }, detail);
      res.status(500);
      return send(
        JSON.stringify({
          type: 'https://chorecat.test/problems/internal',
          title: 'Internal Server Error',
          status: 500,
          code: 'INTERNAL' satisfies ErrorCode,
          detail,
          ...(req.requestId ? { requestId: req.requestId } : {}),
        }),
      );
    }) as Response['send'];
    next();
  };
}
