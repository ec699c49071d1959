import { describe, it, expect } from 'vitest';
import { ConnectionRefusedError, DatabaseError } from 'sequelize';
import { toAppError } from '../http/problem.ts';

describe('which errors are the caller’s', () => {
  it('keeps the 4xx of the HTTP layer below our code (http-errors, an undecodable path parameter)', () => {
    // As http-errors builds them for body-parser: a status and `expose: true`.
    const inflate = Object.assign(new Error('incorrect header check'), { status: 400, statusCode: 400, expose: true });
    expect(toAppError(inflate)?.code).toBe('REQUEST.MALFORMED');
    const decode = Object.assign(new URIError("Failed to decode param '%ED'"), { status: 400 });
    expect(toAppError(decode)?.code).toBe('REQUEST.MALFORMED');
  });

  it('leaves an upstream answer carried in an error (an adapter’s 401 from a partner) a server error', () => {
    const upstream = Object.assign(new Error('Golden Hat said 401'), { status: 401 });
    expect(toAppError(upstream)).toBeUndefined();
  });

  it('answers the database down or restarting with a 503 to retry, and a wrong query still as a bug', () => {
    const refused = new ConnectionRefusedError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(toAppError(refused)?.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    expect(toAppError(refused)?.headers).toEqual({ 'retry-after': '1' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', sql: 'SELECT 1' });
    expect(toAppError(new DatabaseError(shutdown as never))?.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    expect(toAppError(new Error('Connection terminated unexpectedly'))?.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601', sql: 'SELEC 1' });
    expect(toAppError(new DatabaseError(syntax as never))).toBeUndefined();
  });
});
