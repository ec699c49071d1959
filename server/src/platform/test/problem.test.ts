import { describe, it, expect } from 'vitest';
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
});
