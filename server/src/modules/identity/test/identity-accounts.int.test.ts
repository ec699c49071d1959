import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { codeSentTo, lastEmailTo } from '../../../../test/helpers/mail.ts';

const PASSWORD = 'correct horse battery';

describe('accounts: registration, verification, sign-in, reset', () => {
  let t: TestPlatform;
  const newEmail = () => `cat-${randomUUID().slice(0, 8)}@chorecat.test`;
  // Each test signs in from its own address, so per-address throttles do not leak between tests.
  const from = () => `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.close());

  async function registerAndVerify(email = newEmail()) {
    const ip = from();
    await t.api.post('/v1/auth/register').set('x-forwarded-for', ip).send({ email, password: PASSWORD, name: 'Tabby' }).expect(202);
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    const verified = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code });
    expect(verified.status).toBe(200);
    return { email, tokens: verified.body as { accessToken: string; refreshToken: string } };
  }

  it('registers a client, emails a code stored only as a hash, and signs in once verified', async () => {
    const email = newEmail();
    const ip = from();
    const res = await t.api.post('/v1/auth/register').set('x-forwarded-for', ip).send({ email, password: PASSWORD, name: 'Tabby' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted', detail: expect.any(String) });
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    const stored = await sql<{ code_hash: string }>(
      t.db,
      'SELECT code_hash FROM one_time_codes c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      [email],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).not.toContain(code);

    const early = await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('AUTH.EMAIL_NOT_VERIFIED');

    const verified = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await t.api.get('/v1/me').set('authorization', `Bearer ${verified.body.accessToken}`);
    expect(me.body).toMatchObject({ email, name: 'Tabby', roles: ['client'], emailVerified: true });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|password/i);

    const login = await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    // A used code cannot be used again.
    const again = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code });
    expect(again.body.code).toBe('AUTH.INVALID_CODE');
  });

  it('answers a taken address exactly like a new one, and tells its owner by email', async () => {
    const { email } = await registerAndVerify();
    const fresh = await t.api
      .post('/v1/auth/register')
      .set('x-forwarded-for', from())
      .send({ email: newEmail(), password: PASSWORD, name: 'A' });
    const taken = await t.api
      .post('/v1/auth/register')
      .set('x-forwarded-for', from())
      .send({ email, password: 'another password!', name: 'Impostor' });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect((await lastEmailTo(t.db, email))?.template).toBe('identity-already-registered');
    const users = await sql(t.db, 'SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    expect(users).toHaveLength(1);
    // The impostor's password does not work.
    expect((await t.api.post('/v1/auth/login').set('x-forwarded-for', from()).send({ email, password: 'another password!' })).status).toBe(
      401,
    );
  });

  it('spends a code after 5 wrong attempts (the 5th wrong one included), and answers unknown emails the same', async () => {
    const email = newEmail();
    const ip = from();
    await t.api.post('/v1/auth/register').set('x-forwarded-for', ip).send({ email, password: PASSWORD, name: 'Tom' }).expect(202);
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const res = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code: wrong });
      expect(res.body.code).toBe('AUTH.INVALID_CODE');
    }
    // Four wrong attempts leave the code alive…
    const stillAlive = await sql<{ attempts: number; consumed_at: Date | null }>(
      t.db,
      'SELECT attempts, consumed_at FROM one_time_codes c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      [email],
    );
    expect(stillAlive[0]).toMatchObject({ attempts: 4, consumed_at: null });
    // …the fifth spends it, and then even the right code fails.
    await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code: wrong }).expect(400);
    const right = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code });
    expect(right.status).toBe(400);
    expect(right.body.code).toBe('AUTH.INVALID_CODE');
    const unknown = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email: newEmail(), code });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'AUTH.INVALID_CODE', detail: right.body.detail });
    // A new code can be asked for, and it works.
    await t.api.post('/v1/auth/verify-email/resend').set('x-forwarded-for', ip).send({ email }).expect(202);
    const fresh = await codeSentTo(t.db, email, 'identity-verify-email');
    expect((await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email, code: fresh })).status).toBe(200);
  });

  it('lets a code work until 15 minutes of platform time and not after', async () => {
    const emailA = newEmail();
    const emailB = newEmail();
    const ip = from();
    // The platform clock ticks on in real time: the codes were issued between `before` and `after`, and the
    // check of A must land before its 15 minutes are up however long the requests take on a busy machine.
    const before = t.clock.now().getTime();
    await t.api.post('/v1/auth/register').set('x-forwarded-for', ip).send({ email: emailA, password: PASSWORD, name: 'A' }).expect(202);
    await t.api.post('/v1/auth/register').set('x-forwarded-for', ip).send({ email: emailB, password: PASSWORD, name: 'B' }).expect(202);
    const after = t.clock.now().getTime();
    const codeA = await codeSentTo(t.db, emailA, 'identity-verify-email');
    const codeB = await codeSentTo(t.db, emailB, 'identity-verify-email');
    t.clock.moveTo(new Date(before + 15 * 60_000 - 30_000));
    expect((await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email: emailA, code: codeA })).status).toBe(200);
    t.clock.moveTo(new Date(after + 15 * 60_000 + 1_000));
    const late = await t.api.post('/v1/auth/verify-email').set('x-forwarded-for', ip).send({ email: emailB, code: codeB });
    expect(late.body.code).toBe('AUTH.INVALID_CODE');
  });

  it('locks sign-in for an email after 5 failures in the window, known or not; a success in between forgives none', async () => {
    const { email } = await registerAndVerify();
    const ip = from();
    for (let i = 0; i < 4; i++)
      await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: 'wrong password' }).expect(401);
    // Four failures then the right password: in, and the right password costs no attempt…
    await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD }).expect(200);
    await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD }).expect(200);
    // …but the four failures still count: one more and the email is locked for the rest of the window.
    await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: 'wrong password' }).expect(401);
    const locked = await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH.LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // From another address too: the lock is on the account.
    expect((await t.api.post('/v1/auth/login').set('x-forwarded-for', from()).send({ email, password: PASSWORD })).status).toBe(429);

    const ghost = newEmail();
    for (let i = 0; i < 5; i++)
      await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email: ghost, password: 'x' }).expect(401);
    const ghostLocked = await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email: ghost, password: 'x' });
    expect(ghostLocked.status).toBe(429);
    expect(ghostLocked.body.detail).toBe(locked.body.detail);
  });

  it('locks an address after 20 failures across emails', async () => {
    const ip = from();
    for (let i = 0; i < 20; i++)
      await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email: newEmail(), password: 'x' }).expect(401);
    const { email } = await registerAndVerify();
    const res = await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD });
    expect(res.status).toBe(429);
    expect((await t.api.post('/v1/auth/login').set('x-forwarded-for', from()).send({ email, password: PASSWORD })).status).toBe(200);
  });

  it('resets a password with an emailed code, signing out every session', async () => {
    const { email, tokens } = await registerAndVerify();
    const ip = from();
    const unknown = await t.api.post('/v1/auth/password/forgot').set('x-forwarded-for', ip).send({ email: newEmail() });
    const known = await t.api.post('/v1/auth/password/forgot').set('x-forwarded-for', ip).send({ email });
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const code = await codeSentTo(t.db, email, 'identity-password-reset');
    const wrong = await t.api
      .post('/v1/auth/password/reset')
      .set('x-forwarded-for', ip)
      .send({ email, code: code === '123456' ? '654321' : '123456', newPassword: 'a brand new password' });
    expect(wrong.body.code).toBe('AUTH.INVALID_CODE');
    await t.api
      .post('/v1/auth/password/reset')
      .set('x-forwarded-for', ip)
      .send({ email, code, newPassword: 'a brand new password' })
      .expect(204);
    expect((await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: PASSWORD })).status).toBe(401);
    expect((await t.api.post('/v1/auth/login').set('x-forwarded-for', ip).send({ email, password: 'a brand new password' })).status).toBe(
      200,
    );
    const refresh = await t.api.post('/v1/auth/refresh').send({ refreshToken: tokens.refreshToken });
    expect(refresh.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    expect((await lastEmailTo(t.db, email))?.template).toBe('identity-password-changed');
  });

  it('caps the codes one address is sent per hour', async () => {
    const { email } = await registerAndVerify();
    for (let i = 0; i < 8; i++) await t.api.post('/v1/auth/password/forgot').set('x-forwarded-for', from()).send({ email }).expect(202);
    const codes = await sql(t.db, 'SELECT 1 FROM emails WHERE lower("to") = lower($1) AND template = \'identity-password-reset\'', [email]);
    // One registration code plus at most four more sends in the hour.
    expect(codes.length).toBe(4);
  });
});
