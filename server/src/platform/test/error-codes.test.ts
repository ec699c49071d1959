import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import express from 'express';
import supertest from 'supertest';
import { STATUS_BY_CODE, AppError, type ErrorCode } from '../errors.ts';
import { loadSpec, listOperations, matchOperation, bindOperations, type OperationHandlers } from '../http/openapi.ts';
import { problemHandler } from '../http/problem.ts';
import { createLogger } from '../logger.ts';
import { COMMON_EXTENSIONS, UNDOCUMENTED_CODES, documentedErrors } from '../http/documented-errors.ts';
import { checkErrorCodes, errorCodeViolations } from '../http/error-codes.ts';

/**
 * The contract's error codes (issue #15), statically: each operation's
 * `x-error-codes` and the common lists against STATUS_BY_CODE and the
 * operation's declared responses. The other half, that the server answers
 * only what is documented, is the test-mode check every HTTP test runs.
 */
const spec = loadSpec();
const documented = [...documentedErrors(spec).values()];
const statusOf = STATUS_BY_CODE as Record<string, number>;

describe("the contract's error codes", () => {
  it('names only codes STATUS_BY_CODE knows', () => {
    const named = [
      ...Object.values(COMMON_EXTENSIONS).flatMap((key) => ((spec[key] as string[] | undefined) ?? []).map((code) => `${key}: ${code}`)),
      ...documented.flatMap((op) => op.own.map((code) => `${op.operationId}: ${code}`)),
    ];
    expect(named.filter((entry) => statusOf[entry.split(': ')[1]!] === undefined)).toEqual([]);
    expect(spec[COMMON_EXTENSIONS.all], 'the common list is read from the bundle').toContain('VALIDATION.FAILED');
  });

  it('documents every code of STATUS_BY_CODE somewhere, or says in UNDOCUMENTED_CODES why not', () => {
    const somewhere = new Set(documented.flatMap((op) => [...op.codes]));
    const missing = (Object.keys(STATUS_BY_CODE) as ErrorCode[]).filter((code) => !somewhere.has(code) && !UNDOCUMENTED_CODES[code]);
    expect(missing).toEqual([]);
    // An exception that an operation documents after all is stale.
    expect(Object.keys(UNDOCUMENTED_CODES).filter((code) => somewhere.has(code))).toEqual([]);
  });

  it('declares, for each operation, the status of every code it documents', () => {
    const undeclared = documented.flatMap((op) =>
      [...op.codes].filter((code) => !op.statuses.has(statusOf[code]!)).map((code) => `${op.operationId}: ${code} (${statusOf[code]})`),
    );
    expect(undeclared).toEqual([]);
  });

  it("keeps an operation's own list free of the common codes that already apply to it", () => {
    expect(documented.filter((op) => new Set(op.own).size !== op.own.length).map((op) => op.operationId)).toEqual([]);
    const common = new Set(Object.values(COMMON_EXTENSIONS).flatMap((key) => (spec[key] as string[] | undefined) ?? []));
    expect(documented.flatMap((op) => op.own.filter((code) => common.has(code)).map((code) => `${op.operationId}: ${code}`))).toEqual([]);
  });

  it('applies the role and idempotency codes by the rule: x-roles, and a POST that replays', () => {
    const byId = new Map(documented.map((op) => [op.operationId, op]));
    // A public GET, a role-bound GET, a role-bound replaying POST, a POST that stores no answer.
    expect(byId.get('getHealth')!.codes.has('AUTH.FORBIDDEN')).toBe(false);
    expect(byId.get('getHealth')!.codes.has('AUTH.UNAUTHENTICATED')).toBe(true);
    expect(byId.get('getOrder')!.codes.has('AUTH.FORBIDDEN')).toBe(true);
    expect(byId.get('getOrder')!.codes.has('IDEMPOTENCY.KEY_REUSED')).toBe(false);
    expect(byId.get('createOrder')!.codes.has('IDEMPOTENCY.IN_FLIGHT')).toBe(true);
    expect(byId.get('login')!.codes.has('IDEMPOTENCY.KEY_REUSED')).toBe(false);
  });
});

describe('the test-mode check of answered error codes', () => {
  afterEach(() => {
    // These tests break the rule on purpose; the suite-wide afterEach must not fail them for it.
    errorCodeViolations().splice(0);
  });

  function appThrowing(operationId: string, error: AppError, recordFile?: string) {
    const operations = listOperations(spec);
    const handlers: OperationHandlers = Object.fromEntries(
      operations.map((op) => [op.operationId, (_req: unknown, _res: unknown, next: express.NextFunction) => next(error)]),
    );
    const app = express();
    const logger = createLogger({ level: 'silent' });
    app.use(checkErrorCodes({ spec, operations, logger, recordFile }));
    app.use(matchOperation(operations));
    app.use(bindOperations(operations, { ...handlers, [operationId]: (_req, _res, next) => next(error) }));
    app.use(problemHandler({ logger }));
    return app;
  }

  it('passes a documented code', async () => {
    const res = await supertest(appThrowing('getOrder', new AppError('NOT_FOUND', 'No such order.'))).get(
      '/v1/orders/00000000-0000-4000-8000-000000000000',
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(errorCodeViolations()).toEqual([]);
  });

  it('passes a common code the rule applies (RATE_LIMITED on any operation, AUTH.FORBIDDEN with x-roles)', async () => {
    const limited = await supertest(appThrowing('getHealth', new AppError('RATE_LIMITED', 'Slow down.'))).get('/healthz');
    expect(limited.status).toBe(429);
    const forbidden = await supertest(appThrowing('listOrders', new AppError('AUTH.FORBIDDEN', 'No.'))).get('/v1/orders');
    expect(forbidden.status).toBe(403);
    expect(errorCodeViolations()).toEqual([]);
  });

  it('turns an undocumented code into a 500 naming the operation and the code, and keeps it for the test to fail on', async () => {
    const res = await supertest(appThrowing('getHealth', new AppError('ORDERS.ILLEGAL_TRANSITION', 'Not now.'))).get('/healthz');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(res.body.detail).toContain('getHealth (GET /healthz) answered ORDERS.ILLEGAL_TRANSITION (409)');
    expect(res.body.detail).toContain('x-error-codes');
    expect(errorCodeViolations()).toMatchObject([{ operationId: 'getHealth', code: 'ORDERS.ILLEGAL_TRANSITION', status: 409 }]);
  });

  it('refuses a common code the rule does not apply: AUTH.FORBIDDEN on a public operation', async () => {
    const res = await supertest(appThrowing('getHealth', new AppError('AUTH.FORBIDDEN', 'No.'))).get('/healthz');
    expect(res.status).toBe(500);
    expect(errorCodeViolations()).toMatchObject([{ operationId: 'getHealth', code: 'AUTH.FORBIDDEN' }]);
  });

  it('records instead, with a record file: every problem answered, nothing failed', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'error-codes-')), 'record.jsonl');
    const res = await supertest(appThrowing('getHealth', new AppError('ORDERS.ILLEGAL_TRANSITION', 'Not now.'), file)).get('/healthz');
    expect(res.status).toBe(409);
    expect(readFileSync(file, 'utf8')).toBe(
      `${JSON.stringify({ operationId: 'getHealth', code: 'ORDERS.ILLEGAL_TRANSITION', status: 409 })}\n`,
    );
    expect(errorCodeViolations()).toEqual([]);
  });

  it('leaves requests that match no operation alone (404, 405)', async () => {
    const app = appThrowing('getHealth', new AppError('INTERNAL', 'unused'));
    expect((await supertest(app).get('/v1/nothing-here')).status).toBe(404);
    expect((await supertest(app).delete('/healthz')).status).toBe(405);
    expect(errorCodeViolations()).toEqual([]);
  });
});
