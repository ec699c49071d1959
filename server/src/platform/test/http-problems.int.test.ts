import { sql } from '../database.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

/** Every refusal is an RFC 9457 problem with a stable code, and changes nothing. */
function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    code,
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT|stack/i);
}

describe('problem+json answers', () => {
  let t: TestPlatform;
  let managerToken: string;
  let clientToken: string;

  beforeAll(async () => {
    t = await createTestPlatform({ env: { BODY_LIMIT: '1kb' } });
    managerToken = (await t.userWithRoles(['manager'])).token;
    clientToken = (await t.userWithRoles(['client'])).token;
  });
  afterAll(() => t.close());

  it('400 names the offending field', async () => {
    const res = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${managerToken}`).send({ advanceTo: 'next tuesday' });
    expectProblem(res, 400, 'VALIDATION.FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/advanceTo' })]));
  });

  it('400 for a limit out of range and for an unknown query parameter', async () => {
    const badLimit = await t.api.get('/v1/emails?limit=0').set('authorization', `Bearer ${managerToken}`);
    expectProblem(badLimit, 400, 'VALIDATION.FAILED');
    expect((badLimit.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['/query/limit']);
    const unknown = await t.api.get('/v1/emails?colour=blue').set('authorization', `Bearer ${managerToken}`);
    expectProblem(unknown, 400, 'VALIDATION.FAILED');
    expect((unknown.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['/query/colour']);
  });

  it('400 for malformed JSON', async () => {
    const res = await t.api.post('/v1/auth/login').set('content-type', 'application/json').send('{"email":');
    expectProblem(res, 400, 'REQUEST.MALFORMED_JSON');
  });

  it('401 without a token, with a tampered token and with alg none', async () => {
    expectProblem(await t.api.get('/v1/emails'), 401, 'AUTH.UNAUTHENTICATED');
    const [h, p] = managerToken.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${managerToken.split('.')[2]}`;
    expectProblem(await t.api.get('/v1/emails').set('authorization', `Bearer ${tampered}`), 401, 'AUTH.UNAUTHENTICATED');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expectProblem(await t.api.get('/v1/emails').set('authorization', `Bearer ${none}`), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await t.api.get('/v1/emails').set('authorization', 'Basic abc'), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('401 before 400: an anonymous caller learns nothing of the body a route wants', async () => {
    expectProblem(await t.api.post('/v1/sandbox/clock').send({ nonsense: true }), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(
      await t.api.post('/v1/sandbox/clock').set('content-type', 'application/json').send('{not json'),
      401,
      'AUTH.UNAUTHENTICATED',
    );
    expectProblem(await t.api.post('/v1/sandbox/clock').send({ advanceBy: 'x'.repeat(5000) }), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('403 for a role outside x-roles', async () => {
    expectProblem(await t.api.get('/v1/emails').set('authorization', `Bearer ${clientToken}`), 403, 'AUTH.FORBIDDEN');
  });

  it('404 for an unknown route', async () => {
    expectProblem(await t.api.get('/v1/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('405 for a known route with another method', async () => {
    expectProblem(await t.api.delete('/healthz'), 405, 'REQUEST.METHOD_NOT_ALLOWED');
  });

  it('answers HEAD on a GET route as its GET would, without the body (405 answers list HEAD in Allow)', async () => {
    const allow = await t.api.delete('/v1/review-forms').set('authorization', `Bearer ${managerToken}`);
    expect(allow.headers.allow).toContain('HEAD');
    const get = await t.api.get('/v1/review-forms').set('authorization', `Bearer ${managerToken}`);
    const head = await t.api.head('/v1/review-forms').set('authorization', `Bearer ${managerToken}`);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.text ?? '').toBe('');
    // Still checked against the contract and the roles, as the GET is.
    expect((await t.api.head('/v1/review-forms?limit=abc').set('authorization', `Bearer ${managerToken}`)).status).toBe(400);
    expect((await t.api.head('/v1/review-forms').set('authorization', `Bearer ${clientToken}`)).status).toBe(403);
    expect((await t.api.head('/healthz')).status).toBe(200);
  });

  it('413 for a body over the limit', async () => {
    const res = await t.api.post('/v1/auth/login').send({ email: 'a@b.test', password: 'x'.repeat(5000) });
    expectProblem(res, 413, 'REQUEST.TOO_LARGE');
  });

  it('415 for a content type the route does not take', async () => {
    const res = await t.api.post('/v1/auth/login').set('content-type', 'text/plain').send('email=a');
    expectProblem(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('422 when the sandbox clock is asked to go backwards, and the clock is unchanged', async () => {
    const before = await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${managerToken}`);
    const res = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${managerToken}`)
      .send({ advanceTo: '2001-01-01T00:00:00Z' });
    expectProblem(res, 422, 'SANDBOX.CLOCK_BACKWARDS');
    const after = await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${managerToken}`);
    expect(Date.parse(after.body.now) - Date.parse(before.body.now)).toBeLessThan(5_000);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const user = await t.userWithRoles(['client']);
    const wrongPassword = await t.api.post('/v1/auth/login').send({ email: user.email, password: 'nope' });
    const unknown = await t.api.post('/v1/auth/login').send({ email: 'ghost@chorecat.test', password: 'nope' });
    expectProblem(wrongPassword, 401, 'AUTH.INVALID_CREDENTIALS');
    expectProblem(unknown, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(wrongPassword.body.detail).toBe(unknown.body.detail);
  });

  it('sends no x-powered-by and sets security headers', async () => {
    const res = await t.api.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });
});

describe('an unexpected error', () => {
  it('is a 500 that leaks nothing, is logged in full and alerts the operators', async () => {
    const t = await createTestPlatform();
    try {
      const { token } = await t.userWithRoles(['manager']);
      // Break the emails read model underneath the running app: a genuine, unplanned failure.
      await t.db.sequelize.query('DROP VIEW emails');
      const res = await t.api.get('/v1/emails').set('authorization', `Bearer ${token}`);
      expectProblem(res, 500, 'INTERNAL');
      expect(res.body.detail).not.toMatch(/emails|relation|view/i);
      expect(t.logLines.join('')).toMatch(/relation \\"emails\\" does not exist/);
      const alerts = await sql<{ payload: { to: string; subject: string; text: string } }>(
        t.db,
        "SELECT payload FROM outbox WHERE topic = 'email' AND payload->>'template' = 'operator-alert'",
      );
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.payload.to).toBe('operators@chorecat.test');
      expect(alerts[0]!.payload.text).toContain(res.body.requestId);
      // The same failure again within ten minutes folds into the same alert.
      await t.api.get('/v1/emails').set('authorization', `Bearer ${token}`);
      const again = await sql(t.db, "SELECT 1 FROM outbox WHERE payload->>'template' = 'operator-alert'");
      expect(again).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
