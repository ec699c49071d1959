import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { codeSentTo } from '../../../../test/helpers/mail.ts';

describe('/v1/me and personal data', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.close());

  async function signedUpUser() {
    const email = `me-${randomUUID().slice(0, 8)}@chorecat.test`;
    await t.api.post('/v1/auth/register').send({ email, password: 'purr purr purr', name: 'Felix' }).expect(202);
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    const tokens = (await t.api.post('/v1/auth/verify-email').send({ email, code }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };
    return { email, tokens, auth: `Bearer ${tokens.accessToken}` };
  }

  it('reads and updates the profile, and refuses roles, email and unknown fields', async () => {
    const { auth, email } = await signedUpUser();
    const updated = await t.api.patch('/v1/me').set('authorization', auth).send({
      name: 'Felix the Cat',
      phone: '+33 6 12 34 56 78',
      address: '1 Rue des Chats, Paris',
      avatarUrl: 'https://img.example/felix.png',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Felix the Cat',
      phone: '+33 6 12 34 56 78',
      address: '1 Rue des Chats, Paris',
      avatarUrl: 'https://img.example/felix.png',
      email,
    });
    const cleared = await t.api.patch('/v1/me').set('authorization', auth).send({ phone: null });
    expect(cleared.body.phone).toBeNull();
    for (const body of [{ roles: ['admin'] }, { email: 'other@chorecat.test' }, { name: 'X', roles: ['manager'] }, { isAdmin: true }, {}]) {
      const res = await t.api.patch('/v1/me').set('authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
    }
    const me = await t.api.get('/v1/me').set('authorization', auth);
    expect(me.body).toMatchObject({ roles: ['client'], email, name: 'Felix the Cat' });
  });

  it('exports every section of personal data, and no secret', async () => {
    const { auth, email } = await signedUpUser();
    const res = await t.api.get('/v1/me/export').set('authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.sections.profile).toMatchObject({ email, name: 'Felix' });
    expect(res.body.sections.sessions).toHaveLength(1);
    expect(res.body.sections.emails.map((e: { template: string }) => e.template)).toEqual(['identity-verify-email']);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/argon2|password_hash|token_hash|code_hash/);
  });

  it('erases personal data, keeps the account row anonymous, revokes tokens and makes sign-in impossible', async () => {
    const { auth, email, tokens } = await signedUpUser();
    const [{ id }] = (await sql<{ id: string }>(t.db, 'SELECT id FROM users WHERE email = $1', [email])) as [{ id: string }];
    // Deliver the verification email, so it is a sent email with personal data in it.
    await t.platform.kernel.scheduler.runJob('outbox.deliver', t.clock.now(), 'test');
    await t.api.delete('/v1/me').set('authorization', auth).expect(204);

    expect((await t.api.get('/v1/me').set('authorization', auth)).status).toBe(401);
    expect((await t.api.post('/v1/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await t.api.post('/v1/auth/login').send({ email, password: 'purr purr purr' })).status).toBe(401);
    await t.api.post('/v1/auth/password/forgot').send({ email }).expect(202);

    const [row] = await sql<Record<string, unknown>>(
      t.db,
      'SELECT email, name, phone, address, password_hash, disabled, erased_at FROM users WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({
      email: `erased-${id}@erased.invalid`,
      name: 'Erased user',
      phone: null,
      address: null,
      password_hash: null,
      disabled: true,
    });
    expect(row!.erased_at).not.toBeNull();
    const leftovers = await sql<{ status: string; template: string }>(
      t.db,
      'SELECT status, template FROM emails WHERE lower("to") = lower($1)',
      [email],
    );
    // Only the erasure confirmation, still on its way to the person, carries the address.
    expect(leftovers).toEqual([{ status: 'pending', template: 'identity-account-erased' }]);
    const redacted = await sql<{ subject: string; text: string }>(t.db, 'SELECT subject, text FROM emails WHERE "to" = $1', [
      `erased-${id}@erased.invalid`,
    ]);
    expect(redacted).toEqual([{ subject: '[erased]', text: '[erased]' }]);
    // A new account may use the address again.
    await t.api.post('/v1/auth/register').send({ email, password: 'a new life begins', name: 'Felix II' }).expect(202);
    expect(await codeSentTo(t.db, email, 'identity-verify-email')).toMatch(/^\d{6}$/);
  });

  it('never puts a password, hash, code or token in a log line', async () => {
    t.logLines.length = 0;
    const { email, tokens, auth } = await signedUpUser();
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    await t.api.post('/v1/auth/login').send({ email, password: 'purr purr purr' }).expect(200);
    await t.api.post('/v1/auth/login').send({ email, password: 'a wrong guess' }).expect(401);
    await t.api.post('/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    await t.api.get('/v1/me').set('authorization', auth).expect(200);
    const [{ password_hash }] = (await sql<{ password_hash: string }>(t.db, 'SELECT password_hash FROM users WHERE email = $1', [
      email,
    ])) as [{ password_hash: string }];
    const logs = t.logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['purr purr purr', 'a wrong guess', code, tokens.accessToken, tokens.refreshToken, password_hash]) {
      expect(logs).not.toContain(secret);
    }
  });
});
