import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createChorecat, login, unwrap, ChorecatError } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { sandboxClockTour } from '../../../examples/sandbox-clock.ts';

/** A running server on a real port, driven only through the SDK, as a partner would. */
describe('the SDK against a running server', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let manager: { email: string };

  beforeAll(async () => {
    t = await createTestPlatform();
    manager = await t.userWithRoles(['manager']);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('signs in, reads and advances the sandbox clock, lists emails', async () => {
    const { tokens, client } = await login({ baseUrl }, { email: manager.email, password: 'test-password' });
    expect(tokens.expiresIn).toBe(900);
    const clock = unwrap(await client.GET('/v1/sandbox/clock'));
    const advanced = unwrap(await client.POST('/v1/sandbox/clock', { body: { advanceBy: 'P1D' } }));
    expect(Date.parse(advanced.now) - Date.parse(clock.now)).toBeGreaterThanOrEqual(86_400_000);
    expect(advanced.jobsRun.map((r) => r.job)).toEqual(expect.arrayContaining(['outbox.deliver']));
    const emails = unwrap(await client.GET('/v1/emails', { params: { query: { limit: 5, recipient: 'someone@chorecat.test' } } }));
    expect(emails).toEqual({ data: [], nextCursor: null });
  });

  it('turns refusals into typed problems', async () => {
    const anonymous = createChorecat({ baseUrl });
    const result = await anonymous.GET('/v1/emails');
    expect(result.response.status).toBe(401);
    expect(result.error?.code).toBe('AUTH.UNAUTHENTICATED');
    expect(() => unwrap(result)).toThrow(ChorecatError);
    await expect(login({ baseUrl }, { email: manager.email, password: 'wrong' })).rejects.toMatchObject({
      status: 401,
      code: 'AUTH.INVALID_CREDENTIALS',
    });
  });

  it('reads the token from a function before every call, and retries safely with the same key', async () => {
    const session: { token?: string } = {};
    const client = createChorecat({ baseUrl, token: () => session.token });
    expect((await client.GET('/v1/sandbox/clock')).response.status).toBe(401);
    session.token = (await login({ baseUrl }, { email: manager.email, password: 'test-password' })).tokens.accessToken;
    expect((await client.GET('/v1/sandbox/clock')).response.status).toBe(200);
    const headers = { 'Idempotency-Key': 'sdk-retry-key-0001' };
    const first = await client.POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' }, headers });
    const retry = await client.POST('/v1/sandbox/clock', { body: { advanceBy: 'PT1H' }, headers });
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data).toEqual(first.data);
  });

  it('runs the sandbox-clock example from examples/', async () => {
    const tour = await sandboxClockTour(baseUrl, { email: manager.email, password: 'test-password' });
    expect(Date.parse(tour.after) - Date.parse(tour.before)).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(tour.jobsRun.map((r) => r.job)).toContain('idempotency.purge');
    expect(Array.isArray(tour.latestEmails)).toBe(true);
  });
});
