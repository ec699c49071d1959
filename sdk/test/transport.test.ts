import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  createChorecat,
  unwrap,
  ChorecatError,
  ChorecatApiError,
  ChorecatNetworkError,
  ChorecatTimeoutError,
  REPLAY,
  type RetryInfo,
  type ChorecatOptions,
} from '@chorecat/sdk';

/**
 * The transport against a real local HTTP server that misbehaves on purpose:
 * each test queues what the next requests get, and reads what arrived.
 */
type Step = 'ok' | 'drop' | 'hang' | { status: number; headers?: Record<string, string>; body?: unknown };
interface Seen {
  method: string;
  url: string;
  idempotencyKey: string | undefined;
  body: string;
}

describe('the SDK transport', () => {
  let server: Server;
  let baseUrl: string;
  let steps: Step[] = [];
  let seen: Seen[] = [];
  const hanging = new Set<ServerResponse>();
  const delays: number[] = [];
  // Waits are recorded, not slept: the test checks the schedule, not the wall clock.
  const sleep = async (ms: number) => void delays.push(ms);

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
        const step = steps.shift() ?? 'ok';
        if (step === 'drop') return req.socket.destroy();
        if (step === 'hang') return void hanging.add(res);
        if (step === 'ok') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ now: '2026-09-01T10:00:00.000Z', attempt: seen.length }));
        }
        res.writeHead(step.status, { 'content-type': 'application/problem+json', ...step.headers });
        res.end(JSON.stringify(step.body ?? { type: 'about:blank', title: 'Nope', status: step.status, code: `HTTP_${step.status}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    steps = [];
    seen = [];
    delays.length = 0;
  });

  const api = (options: Partial<ChorecatOptions> = {}) => createChorecat({ baseUrl, sleep, ...options });

  it('retries a 503 and then succeeds, resending a POST with the same Idempotency-Key and body', async () => {
    steps = [{ status: 503 }, { status: 502 }];
    const retries: RetryInfo[] = [];
    const result = await api({ onRetry: (r) => retries.push(r) }).POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' } });
    expect(result.response.status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(seen[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill(JSON.stringify({ advanceBy: 'PT1H' })));
    expect(retries.map((r) => r.reason)).toEqual([503, 502]);
    // Full jitter: attempt n waits at most base · 2ⁿ.
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeLessThanOrEqual(1000);
  });

  it('is bounded: maxRetries (default 2) and then the last answer is returned', async () => {
    steps = [{ status: 504 }, { status: 504 }, { status: 504 }, { status: 504 }];
    const result = await api().GET('/v1/sandbox/clock');
    expect(result.response.status).toBe(504);
    expect(seen).toHaveLength(3);
    expect(() => unwrap(result)).toThrow(ChorecatApiError);
  });

  it('takes maxRetries per client and per call', async () => {
    steps = [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }];
    expect((await api({ maxRetries: 0 }).GET('/v1/sandbox/clock')).response.status).toBe(503);
    expect(seen).toHaveLength(1);
    seen = [];
    steps = [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }];
    expect((await api({ maxRetries: 0 }).GET('/v1/sandbox/clock', { maxRetries: 4 })).response.status).toBe(503);
    expect(seen).toHaveLength(5);
  });

  it('honours Retry-After, in seconds or as an HTTP date, and exposes it on the error', async () => {
    steps = [
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503, headers: { 'retry-after': new Date(Date.now() + 10_000).toUTCString() } },
    ];
    const result = await api().GET('/v1/sandbox/clock');
    expect(result.response.status).toBe(200);
    expect(delays[0]).toBe(3000);
    expect(delays[1]).toBeGreaterThan(8_000);
    expect(delays[1]).toBeLessThanOrEqual(11_000);

    seen = [];
    steps = [{ status: 429, headers: { 'retry-after': '7' } }];
    const refused = await api({ maxRetries: 0 }).GET('/v1/sandbox/clock');
    const error = (() => {
      try {
        unwrap(refused);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ChorecatApiError);
    expect(error).toBeInstanceOf(ChorecatError);
    expect(error).toMatchObject({ status: 429, code: 'HTTP_429', retryAfter: 7 });
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: the 429 comes back at once', async () => {
    steps = [{ status: 429, headers: { 'retry-after': '900' } }];
    const result = await api().POST('/v1/auth/login', { body: { email: 'a@b.test', password: 'x' } });
    expect(result.response.status).toBe(429);
    expect(seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries a dropped connection, then throws a ChorecatNetworkError (not a TypeError)', async () => {
    steps = ['drop', 'ok'];
    expect((await api().POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.idempotencyKey).toBe(seen[1]!.idempotencyKey);

    seen = [];
    steps = ['drop', 'drop', 'drop'];
    const failure = await api()
      .GET('/v1/sandbox/clock')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChorecatNetworkError);
    expect(failure).toMatchObject({ code: 'NETWORK_ERROR', status: undefined });
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(3);
  });

  it('gives every attempt a timeout and throws a ChorecatTimeoutError when the last one runs out', async () => {
    steps = ['hang', 'ok'];
    expect((await api({ timeoutMs: 200 }).GET('/v1/sandbox/clock')).response.status).toBe(200);
    expect(seen).toHaveLength(2);

    seen = [];
    steps = ['hang', 'hang'];
    const failure = await api({ timeoutMs: 200, maxRetries: 1 })
      .GET('/v1/sandbox/clock')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChorecatTimeoutError);
    expect(failure).toMatchObject({ code: 'TIMEOUT', timeoutMs: 200 });
    expect(seen).toHaveLength(2);
  });

  it("stops at the caller's signal, during an attempt or a backoff, with the signal's reason", async () => {
    steps = ['hang'];
    const controller = new AbortController();
    const pending = api({ timeoutMs: 10_000 })
      .GET('/v1/sandbox/clock', { signal: controller.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    controller.abort(new Error('user left the page'));
    expect(await pending).toMatchObject({ message: 'user left the page' });

    seen = [];
    steps = [{ status: 503 }];
    const later = new AbortController();
    const waiting = createChorecat({ baseUrl, baseDelayMs: 60_000, maxDelayMs: 60_000 })
      .GET('/v1/sandbox/clock', { signal: later.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    later.abort(new Error('cancelled'));
    expect(await waiting).toMatchObject({ message: 'cancelled' });
    expect(seen).toHaveLength(1);
  });

  it('never resends a refresh; resends verify-email only after a 429; login as any other', async () => {
    steps = [{ status: 503 }, 'ok'];
    const refresh = await api().POST('/v1/auth/refresh', { body: { refreshToken: 'x' } });
    expect(refresh.response.status).toBe(503);
    expect(seen).toHaveLength(1);

    seen = [];
    steps = [{ status: 503 }];
    expect((await api().POST('/v1/auth/verify-email', { body: { email: 'a@b.test', code: '123456' } })).response.status).toBe(503);
    expect(seen).toHaveLength(1);
    seen = [];
    steps = ['drop'];
    expect(
      await api()
        .POST('/v1/auth/verify-email', { body: { email: 'a@b.test', code: '123456' } })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(ChorecatNetworkError);
    expect(seen).toHaveLength(1);
    seen = [];
    steps = [{ status: 429, headers: { 'retry-after': '1' } }];
    expect((await api().POST('/v1/auth/verify-email', { body: { email: 'a@b.test', code: '123456' } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);

    seen = [];
    steps = ['drop'];
    expect((await api().POST('/v1/auth/login', { body: { email: 'a@b.test', password: 'x' } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('asks again while the first attempt with the key is still in flight (409 IDEMPOTENCY.IN_FLIGHT)', async () => {
    const inFlight = { type: 'about:blank', title: 'In flight', status: 409, code: 'IDEMPOTENCY.IN_FLIGHT' };
    steps = [{ status: 409, body: inFlight }, 'ok'];
    expect((await api().POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);
    // Any other 409 is an answer.
    seen = [];
    steps = [{ status: 409, body: { ...inFlight, code: 'ORDERS.ILLEGAL_TRANSITION' } }];
    expect((await api().POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' } })).response.status).toBe(409);
    expect(seen).toHaveLength(1);
  });

  it('knows every operation the contract marks x-idempotency: none', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const contract = parse(readFileSync(path.join(root, 'openapi/bundled/openapi.yaml'), 'utf8')) as {
      paths: Record<string, Record<string, { 'x-idempotency'?: string }>>;
    };
    const none = Object.entries(contract.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([, op]) => typeof op === 'object' && op['x-idempotency'] === 'none')
        .map(([method]) => `${method.toUpperCase()} ${p}`),
    );
    expect(Object.keys(REPLAY).sort()).toEqual(none.sort());
  });
});
