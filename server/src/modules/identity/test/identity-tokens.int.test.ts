import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { sql } from '../../../platform/database.ts';
import { ManualClock } from '../../../platform/clock.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

describe('tokens', () => {
  let t: TestPlatform;
  const tokenClock = new ManualClock('2026-06-01T10:00:00Z');
  let user: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestPlatform({ tokenClock });
    user = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  const signIn = async () =>
    (await t.api.post('/v1/auth/login').send({ email: user.email, password: 'test-password' }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };

  it('expires access tokens after 15 minutes, to the second', async () => {
    tokenClock.set('2026-06-01T10:00:00Z');
    const { accessToken } = await signIn();
    tokenClock.set('2026-06-01T10:14:59Z');
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
    // The same token again, as jose decides it: expired from its 900th second on, though verified before.
    tokenClock.set('2026-06-01T10:15:00Z');
    const expired = await t.api.get('/v1/me').set('authorization', `Bearer ${accessToken}`);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
    tokenClock.set('2026-06-01T10:15:01Z');
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(401);
    // Not by what a token verified before says: a token first shown at 10:15:00 is refused just the same.
    tokenClock.set('2026-06-01T10:00:00Z');
    const { accessToken: fresh } = await signIn();
    tokenClock.set('2026-06-01T10:15:00Z');
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${fresh}`)).body.detail).toMatch(/expired/);
  });

  it('refuses a token changed in one character after the genuine one was accepted, and one with no expiry', async () => {
    tokenClock.set('2026-06-01T10:30:00Z');
    const { accessToken } = await signIn();
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    // A middle character (the last one's low bits carry no data in base64url).
    const at = Math.floor(signature.length / 2);
    const changed = `${header}.${payload}.${signature.slice(0, at)}${signature[at] === 'A' ? 'B' : 'A'}${signature.slice(at + 1)}`;
    const forged = await t.api.get('/v1/me').set('authorization', `Bearer ${changed}`);
    expect(forged.status).toBe(401);
    expect(forged.body.detail).toMatch(/invalid/);
    const noExpiry = await new SignJWT({ typ: 'access', gen: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('chorecat')
      .setAudience('chorecat-api')
      .setIssuedAt(Math.floor(tokenClock.now().getTime() / 1000))
      .sign(new TextEncoder().encode(t.config.secrets.jwt!));
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${noExpiry}`)).status).toBe(401);
  });

  it('refuses a token signed with another key, for another audience, or of another type', async () => {
    tokenClock.set('2026-06-01T11:00:00Z');
    const now = Math.floor(tokenClock.now().getTime() / 1000);
    const sign = (claims: Record<string, unknown>, key: string, audience = 'chorecat-api') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer('chorecat')
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode(key));
    const wrongKey = await sign({ typ: 'access', roles: ['admin'] }, 'some-other-secret-some-other-secret-0000');
    const wrongAudience = await sign({ typ: 'access' }, t.config.secrets.jwt!, 'someone-else');
    const notAccess = await sign({ typ: 'refresh' }, t.config.secrets.jwt!);
    for (const token of [wrongKey, wrongAudience, notAccess]) {
      expect((await t.api.get('/v1/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
    }
    // Roles come from the users table, not from the token: a forged claim gains nothing.
    const genuine = await sign({ typ: 'access', roles: ['admin'] }, t.config.secrets.jwt!);
    expect((await t.api.get('/v1/emails').set('authorization', `Bearer ${genuine}`)).status).toBe(403);
  });

  it('rotates refresh tokens and revokes the family when a spent one comes back', async () => {
    tokenClock.set('2026-06-01T12:00:00Z');
    const first = await signIn();
    const second = (await t.api.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await t.api.post('/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
    // The thief replays the first token: refused, and the legitimate newest token dies with it.
    const replay = await t.api.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    const victim = await t.api.post('/v1/auth/refresh').send({ refreshToken: third.refreshToken });
    expect(victim.status).toBe(401);
    // Another sign-in is untouched.
    const other = await signIn();
    expect((await t.api.post('/v1/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('lets exactly one of twenty racing refreshes of one token win', async () => {
    const { refreshToken } = await signIn();
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/v1/auth/refresh').send({ refreshToken })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(19);
    // One rotation happened in the raced token's family: one successor, never two.
    const family = await sql<{ rotated: number; tokens: number }>(
      t.db,
      `SELECT count(*) FILTER (WHERE replaced_by IS NOT NULL)::int AS rotated, count(*)::int AS tokens
       FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [createHash('sha256').update(refreshToken).digest('hex')],
    );
    expect(family[0]).toEqual({ rotated: 1, tokens: 2 });
  });

  it('expires refresh tokens after 30 days', async () => {
    tokenClock.set('2026-06-01T13:00:00Z');
    const a = await signIn();
    const b = await signIn();
    tokenClock.set('2026-07-01T12:59:00Z');
    expect((await t.api.post('/v1/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(200);
    tokenClock.set('2026-07-01T13:00:01Z');
    const late = await t.api.post('/v1/auth/refresh').send({ refreshToken: b.refreshToken });
    expect(late.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('logs out the sign-in, idempotently', async () => {
    tokenClock.set('2026-08-01T10:00:00Z');
    const session = await signIn();
    await t.api.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await t.api.post('/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await t.api.post('/v1/auth/logout').send({ refreshToken: 'never-issued' }).expect(204);
    const res = await t.api.post('/v1/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('cuts off a disabled user at once, and applies role changes to the next request', async () => {
    tokenClock.set('2026-08-02T10:00:00Z');
    const staff = await t.userWithRoles(['client']);
    const { accessToken } = (await t.api.post('/v1/auth/login').send({ email: staff.email, password: 'test-password' })).body;
    expect((await t.api.get('/v1/emails').set('authorization', `Bearer ${accessToken}`)).status).toBe(403);
    await sql(t.db, "UPDATE users SET roles = ARRAY['manager'] WHERE id = $1 RETURNING id", [staff.id]);
    expect((await t.api.get('/v1/emails').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
    await sql(t.db, 'UPDATE users SET disabled = true WHERE id = $1 RETURNING id', [staff.id]);
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(401);
  });
});
