import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { sql, transaction } from '../../../platform/database.ts';
import { openApplicantAccount, setUserDisabled } from '../index.ts';
import { updateMe } from '../application/me.ts';
import { login as signIn } from '../application/login.ts';
import { authenticateWithPassword } from '../application/authenticate-with-password.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { codeSentTo, lastEmailTo } from '../../../../test/helpers/mail.ts';
import { testPanel } from '../../../../test/helpers/panel.ts';

/** The attacks of issue #11 on identity, each kept closed here. */
describe('identity under attack', () => {
  let t: TestPlatform;
  const newEmail = () => `cat-${randomUUID().slice(0, 8)}@chorecat.test`;
  // Every test speaks from its own addresses, so per-address throttles and rate limits do not leak between tests.
  let lastOctet = 0;
  const from = () => `10.11.${Math.floor(++lastOctet / 250)}.${lastOctet % 250}`;
  // What every test collects: no identity response may carry a hash or a code.
  const seen: string[] = [];
  const seenJson: string[] = [];
  const codes: string[] = [];
  const note = (res: supertest.Response) => {
    seen.push(res.text ?? '');
    if (/json/.test(String(res.headers['content-type']))) seenJson.push(res.text ?? '');
    return res;
  };

  beforeAll(async () => {
    // The panel's per-address request limit is the API's auth limit: low enough here to reach.
    t = await createTestPlatform({ mountBeforeApi: testPanel(), env: { AUTH_RATE_LIMIT_PER_MINUTE: '40' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const api = (ip: string) => ({
    post: async (url: string, body: object) => note(await t.api.post(url).set('x-forwarded-for', ip).send(body)),
  });
  const login = (ip: string, email: string, password: string) => api(ip).post('/v1/auth/login', { email, password });
  const panelLogin = (ip: string, email: string, password: string) =>
    supertest.agent(t.platform.app).post('/admin/login').set('x-forwarded-for', ip).type('form').send({ email, password }).then(note);
  const me = (token: string) => t.api.get('/v1/me').set('authorization', `Bearer ${token}`);

  async function verifiedUser(password = 'the owner password', email = newEmail()) {
    const ip = from();
    await api(ip).post('/v1/auth/register', { email, password, name: 'Olive' });
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    codes.push(code);
    const verified = await api(ip).post('/v1/auth/verify-email', { email, code });
    expect(verified.status).toBe(200);
    return { email, password, tokens: verified.body as { accessToken: string; refreshToken: string } };
  }

  describe('registration cannot pre-hijack an address', () => {
    it('gives no password from a contested registration to anyone; the inbox owner sets one (attacker first)', async () => {
      const victim = newEmail();
      const attacker = await api(from()).post('/v1/auth/register', { email: victim, password: 'attacker password', name: 'Mallory' });
      const owner = await api(from()).post('/v1/auth/register', { email: victim, password: 'owner password!', name: 'Olive' });
      expect(owner.status).toBe(202);
      expect(owner.body).toEqual(attacker.body);

      // The owner redeems the newest verification code in the inbox, as the owner did.
      const verifyCode = await codeSentTo(t.db, victim, 'identity-verify-email');
      codes.push(verifyCode);
      const verified = await api(from()).post('/v1/auth/verify-email', { email: victim, code: verifyCode });
      if (verified.status === 200) {
        // Whatever it signed in to, the attacker's password must not open it.
        expect((await login(from(), victim, 'attacker password')).status).toBe(401);
      } else {
        expect(verified.body.code).toBe('AUTH.INVALID_CODE');
      }
      // The newest email tells the owner to choose a password with a code; that code sets it.
      const newest = await lastEmailTo(t.db, victim);
      expect(newest?.template).toBe('identity-registration-contested');
      const setCode = await codeSentTo(t.db, victim, 'identity-registration-contested');
      codes.push(setCode);
      const reset = await api(from()).post('/v1/auth/password/reset', { email: victim, code: setCode, newPassword: 'owner password!' });
      expect(reset.status).toBe(204);

      expect((await login(from(), victim, 'attacker password')).status).toBe(401);
      const signedIn = await login(from(), victim, 'owner password!');
      expect(signedIn.status).toBe(200);
      const profile = await me(signedIn.body.accessToken);
      expect(profile.body).toMatchObject({ email: victim, emailVerified: true });
      expect(profile.body.name).not.toBe('Mallory');
    });

    it('keeps the owner safe whichever emailed code it redeems (owner first, attacker second)', async () => {
      const victim = newEmail();
      await api(from()).post('/v1/auth/register', { email: victim, password: 'owner password!', name: 'Olive' });
      const ownCode = await codeSentTo(t.db, victim, 'identity-verify-email');
      await api(from()).post('/v1/auth/register', { email: victim, password: 'attacker password', name: 'Mallory' });
      const newestVerify = await codeSentTo(t.db, victim, 'identity-verify-email');
      codes.push(ownCode, newestVerify);
      for (const code of new Set([ownCode, newestVerify])) {
        const res = await api(from()).post('/v1/auth/verify-email', { email: victim, code });
        if (res.status === 200) {
          expect((await me(res.body.accessToken)).body.name).not.toBe('Mallory');
        }
      }
      expect((await login(from(), victim, 'attacker password')).status).toBe(401);
      const setCode = await codeSentTo(t.db, victim, 'identity-registration-contested');
      codes.push(setCode);
      expect(
        (await api(from()).post('/v1/auth/password/reset', { email: victim, code: setCode, newPassword: 'owner password!' })).status,
      ).toBe(204);
      expect((await login(from(), victim, 'owner password!')).status).toBe(200);
      expect((await login(from(), victim, 'attacker password')).status).toBe(401);
    });

    it('lets the owner register twice with one password and still sign in with it', async () => {
      const email = newEmail();
      await api(from()).post('/v1/auth/register', { email, password: 'same password', name: 'Olive' });
      await api(from()).post('/v1/auth/register', { email, password: 'same password', name: 'Olive' });
      const code = await codeSentTo(t.db, email, 'identity-verify-email');
      codes.push(code);
      expect((await api(from()).post('/v1/auth/verify-email', { email, code })).status).toBe(200);
      expect((await login(from(), email, 'same password')).status).toBe(200);
    });

    it('gives an applicant whose address was registered but never verified a code, and drops the unproven password', async () => {
      const victim = newEmail();
      await api(from()).post('/v1/auth/register', { email: victim, password: 'attacker password', name: 'Mallory' });
      const opened = await transaction(t.db, (tx) => openApplicantAccount(t.platform.kernel, tx, { email: victim, name: 'Olive' }));
      expect(opened.setPasswordCode?.code).toMatch(/^\d{6}$/);
      codes.push(opened.setPasswordCode!.code);
      expect((await login(from(), victim, 'attacker password')).status).toBe(401);
      const reset = await api(from()).post('/v1/auth/password/reset', {
        email: victim,
        code: opened.setPasswordCode!.code,
        newPassword: 'applicant password',
      });
      expect(reset.status).toBe(204);
      expect((await login(from(), victim, 'applicant password')).status).toBe(200);
      expect((await login(from(), victim, 'attacker password')).status).toBe(401);
    });

    it('answers every registration alike: new, pending with the same or another password, taken', async () => {
      const { email: taken } = await verifiedUser();
      const pending = newEmail();
      const answers = [
        await api(from()).post('/v1/auth/register', { email: newEmail(), password: 'some password', name: 'A' }),
        await api(from()).post('/v1/auth/register', { email: pending, password: 'some password', name: 'A' }),
        await api(from()).post('/v1/auth/register', { email: pending, password: 'some password', name: 'A' }),
        await api(from()).post('/v1/auth/register', { email: pending, password: 'other password', name: 'B' }),
        await api(from()).post('/v1/auth/register', { email: taken, password: 'other password', name: 'B' }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        expect(answer.body).toEqual(answers[0]!.body);
      }
    });

    it('answers twenty concurrent registrations of one address (any letter case) with 202, and makes one user', async () => {
      const email = newEmail();
      const variants = [email, email.toUpperCase(), email[0]!.toUpperCase() + email.slice(1)];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api(from()).post('/v1/auth/register', { email: variants[i % variants.length]!, password: 'racing password', name: 'Racer' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
      for (const r of results) expect(r.body).toEqual(results[0]!.body);
      const users = await sql(t.db, 'SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
      expect(users).toHaveLength(1);
      const live = await sql(t.db, 'SELECT 1 FROM one_time_codes WHERE user_id = $1 AND consumed_at IS NULL', [
        (users[0] as { id: string }).id,
      ]);
      expect(live).toHaveLength(1);
    });
  });

  describe('sign-in lockout', () => {
    it('checks at most 5 passwords of twenty concurrent wrong ones, and then refuses the right one', async () => {
      const { email, password } = await verifiedUser();
      const results = await Promise.all(Array.from({ length: 20 }, () => login(from(), email, 'a wrong guess')));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      for (const r of results.filter((r) => r.status === 429)) expect(r.body.code).toBe('AUTH.LOCKED');
      const right = await login(from(), email, password);
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('AUTH.LOCKED');
    });

    it('lets nineteen wrong and one right racing logins check at most 5 wrong passwords', async () => {
      const { email, password } = await verifiedUser();
      const guesses = [...Array(19).fill('a wrong guess'), password] as string[];
      const results = await Promise.all(guesses.map((guess) => login(from(), email, guess)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(14);
      expect(statuses.filter((s) => ![200, 401, 429].includes(s))).toEqual([]);
    });

    it('counts one address across emails under concurrency (20 failures at most)', async () => {
      const ip = from();
      const results = await Promise.all(Array.from({ length: 30 }, () => login(ip, newEmail(), 'a wrong guess')));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    });
  });

  describe('wrong codes', () => {
    it('counts one address across emails under concurrency (20 wrong codes at most)', async () => {
      const ip = from();
      const emails = await Promise.all(Array.from({ length: 3 }, async () => (await verifiedUser()).email));
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => api(ip).post('/v1/auth/verify-email', { email: emails[i % 3]!, code: '000000' })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 400)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    });
  });

  describe('the admin panel shares the API lockout and limits', () => {
    it('refuses the right password on the panel after 5 wrong on the API, with the login page and an error', async () => {
      const manager = await t.userWithRoles(['manager']);
      for (let i = 0; i < 5; i++) expect((await login(from(), manager.email, 'wrong')).status).toBe(401);
      const panel = await panelLogin(from(), manager.email, 'test-password');
      expect(panel.status).toBe(400);
      expect(panel.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/chorecat\.admin=/)]));
      expect(panel.headers.location).toBeUndefined();
      expect(panel.text).toContain('Too many failed attempts');
    });

    it('counts a Unicode look-alike of an address as that address, or finds no account for it (no way round the lockout)', async () => {
      const manager = await t.userWithRoles(['manager'], `admin-${Date.now()}@chorecat.test`);
      for (let i = 0; i < 5; i++) expect((await login(from(), manager.email, 'wrong')).status).toBe(401);
      // JavaScript lowers "İ" to "i" + a combining dot, PostgreSQL to "i": once the account was found by one and counted by the other.
      for (const lookalike of [
        manager.email.replace('i', 'İ'),
        manager.email.replace('a', 'A').replace('i', 'İ'),
        ` ${manager.email.toUpperCase()} `,
      ]) {
        const panel = await panelLogin(from(), lookalike, 'test-password');
        // The login page again: "too many attempts" (400) for the address itself, "invalid credentials" (200) for no account.
        expect([200, 400], lookalike).toContain(panel.status);
        expect(panel.headers.location, lookalike).toBeUndefined();
        expect(panel.headers['set-cookie'] ?? [], lookalike).not.toEqual(
          expect.arrayContaining([expect.stringMatching(/chorecat\.admin=/)]),
        );
      }
    });

    it('locks the panel after thirty wrong passwords, and the API with it', async () => {
      const manager = await t.userWithRoles(['manager']);
      const ip = from();
      for (let i = 0; i < 30; i++) {
        const res = await panelLogin(ip, manager.email, `wrong ${i}`);
        expect(res.status, `attempt ${i}`).toBeLessThan(500);
        expect(res.headers.location).toBeUndefined();
      }
      const agent = supertest.agent(t.platform.app);
      const right = await agent.post('/admin/login').set('x-forwarded-for', from()).type('form').send({
        email: manager.email,
        password: 'test-password',
      });
      expect(right.status).toBe(400);
      expect(right.headers.location).toBeUndefined();
      expect((await agent.get('/admin')).status).toBe(302);
      const apiLogin = await login(from(), manager.email, 'test-password');
      expect(apiLogin.status).toBe(429);
      expect(apiLogin.body.code).toBe('AUTH.LOCKED');
    });

    it('counts panel sign-ins against the API auth limit of one address, and the other way round', async () => {
      const manager = await t.userWithRoles(['manager']);
      const ip = from();
      // 40 auth requests from one address (the limit here), none of them a failed sign-in…
      for (let i = 0; i < 40; i++) expect((await api(ip).post('/v1/auth/password/forgot', { email: newEmail() })).status).toBe(202);
      // …leave the panel closed to that address, with the login page, and open to others.
      const panel = await panelLogin(ip, manager.email, 'test-password');
      expect(panel.status).toBe(400);
      expect(panel.headers.location).toBeUndefined();
      expect((await panelLogin(from(), manager.email, 'test-password')).status).toBe(302);

      const other = from();
      for (let i = 0; i < 40; i++) expect((await panelLogin(other, manager.email, 'test-password')).status).toBe(302);
      const refused = await api(other).post('/v1/auth/password/forgot', { email: newEmail() });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
    });
  });

  describe('access tokens end with the sign-ins', () => {
    it('ends access tokens issued before a password reset', async () => {
      const { email, tokens } = await verifiedUser();
      expect((await me(tokens.accessToken)).status).toBe(200);
      await api(from()).post('/v1/auth/password/forgot', { email });
      const code = await codeSentTo(t.db, email, 'identity-password-reset');
      codes.push(code);
      const reset = await api(from()).post('/v1/auth/password/reset', { email, code, newPassword: 'a brand new password' });
      expect(reset.status).toBe(204);
      const old = await me(tokens.accessToken);
      expect(old.status).toBe(401);
      expect(old.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect((await api(from()).post('/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
      const fresh = await login(from(), email, 'a brand new password');
      expect((await me(fresh.body.accessToken)).status).toBe(200);
    });

    it('ends access and refresh tokens at disabling, and keeps them dead after re-enabling', async () => {
      const { email, password, tokens } = await verifiedUser();
      const admin = await t.userWithRoles(['admin']);
      const [{ id }] = (await sql<{ id: string }>(t.db, 'SELECT id FROM users WHERE email = $1', [email])) as [{ id: string }];
      await setUserDisabled(t.platform.kernel, { actor: { id: admin.id, roles: ['admin'] }, userId: id, disabled: true });
      expect((await me(tokens.accessToken)).status).toBe(401);
      await setUserDisabled(t.platform.kernel, { actor: { id: admin.id, roles: ['admin'] }, userId: id, disabled: false });
      expect((await me(tokens.accessToken)).status).toBe(401);
      expect((await api(from()).post('/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
      const again = await login(from(), email, password);
      expect(again.status).toBe(200);
      expect((await me(again.body.accessToken)).status).toBe(200);
    });

    it('gives no session to a sign-in whose password was checked just before a reset', async () => {
      const { email, password } = await verifiedUser();
      const racing = signIn(t.platform.kernel, {
        email,
        address: from(),
        check: async () => {
          const user = await authenticateWithPassword(t.platform.kernel, email, password);
          // The owner resets the password between the check and the session.
          await api(from()).post('/v1/auth/password/forgot', { email });
          const code = await codeSentTo(t.db, email, 'identity-password-reset');
          codes.push(code);
          expect((await api(from()).post('/v1/auth/password/reset', { email, code, newPassword: 'reset in between' })).status).toBe(204);
          return user;
        },
      });
      await expect(racing).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
      const live = await sql(
        t.db,
        'SELECT 1 FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.email = $1 AND r.revoked_at IS NULL',
        [email],
      );
      expect(live).toHaveLength(0);
    });

    it('stores no credentials for an Idempotency-Key, so a replayed spent refresh token is still caught as reuse', async () => {
      const user = await t.userWithRoles(['client']);
      const key = `refresh-${Date.now()}-0001`;
      const signIn = await t.api
        .post('/v1/auth/login')
        .set('idempotency-key', `${key}-login`)
        .send({ email: user.email, password: 'test-password' });
      expect(signIn.status).toBe(200);
      const first = await t.api.post('/v1/auth/refresh').set('idempotency-key', key).send({ refreshToken: signIn.body.refreshToken });
      expect(first.status).toBe(200);
      // The thief replays the spent token with the same key: no stored answer hands it live tokens, and the sign-in is ended.
      const replay = await t.api.post('/v1/auth/refresh').set('idempotency-key', key).send({ refreshToken: signIn.body.refreshToken });
      expect(replay.headers['idempotent-replayed']).toBeUndefined();
      expect({ status: replay.status, code: replay.body.code }).toEqual({ status: 401, code: 'AUTH.REFRESH_TOKEN_REUSED' });
      const next = await t.api.post('/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
      expect(next.status).toBe(401);
      const stored = await sql<{ n: number }>(t.db, "SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'refresh-%'");
      expect(stored[0]!.n).toBe(0);
    });

    it('ends every access token at erasure', async () => {
      const { email, password, tokens } = await verifiedUser();
      const other = await login(from(), email, password);
      await t.api.delete('/v1/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(204);
      expect((await me(other.body.accessToken)).status).toBe(401);
      expect((await me(tokens.accessToken)).status).toBe(401);
    });
  });

  describe('the profile', () => {
    it('accepts only http(s) avatar URLs', async () => {
      const { tokens } = await verifiedUser();
      const patch = (avatarUrl: unknown) => t.api.patch('/v1/me').set('authorization', `Bearer ${tokens.accessToken}`).send({ avatarUrl });
      for (const bad of [
        'javascript:alert(document.cookie)',
        'JavaScript:alert(1)',
        'file:///etc/passwd',
        'data:text/html,<script>alert(1)</script>',
        'ftp://img.example/cat.png',
        'vbscript:msgbox',
        'https:cat.png',
      ]) {
        const res = await patch(bad);
        expect(res.status, bad).toBe(400);
        expect(res.body.code, bad).toBe('VALIDATION.FAILED');
      }
      for (const good of ['https://img.example/cat.png', 'http://img.example/cat.png?size=64', 'HTTPS://IMG.EXAMPLE/CAT.PNG', null]) {
        const res = await patch(good);
        expect(res.status, String(good)).toBe(200);
        expect(res.body.avatarUrl).toBe(good);
      }
    });

    it('refuses a non-http(s) avatar URL in the use case too, whatever calls it', async () => {
      const user = await t.userWithRoles(['client']);
      await expect(updateMe(t.platform.kernel, user.id, { avatarUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
      });
      const [row] = await sql<{ avatar_url: string | null }>(t.db, 'SELECT avatar_url FROM users WHERE id = $1', [user.id]);
      expect(row!.avatar_url).toBeNull();
    });
  });

  describe('one account per address, whatever the letter case', () => {
    it('signs up, verifies, signs in, resets and refreshes with the address in any case', async () => {
      const email = newEmail();
      const shout = email.toUpperCase();
      const mixed = email[0]!.toUpperCase() + email.slice(1);
      await api(from()).post('/v1/auth/register', { email: mixed, password: 'case password', name: 'Case' });
      const code = await codeSentTo(t.db, email, 'identity-verify-email');
      codes.push(code);
      expect((await api(from()).post('/v1/auth/verify-email', { email: shout, code })).status).toBe(200);
      const signedIn = await login(from(), shout, 'case password');
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.accessToken)).body.email).toBe(email);
      await api(from()).post('/v1/auth/password/forgot', { email: shout });
      const reset = await codeSentTo(t.db, email, 'identity-password-reset');
      codes.push(reset);
      expect(
        (await api(from()).post('/v1/auth/password/reset', { email: mixed, code: reset, newPassword: 'new case password' })).status,
      ).toBe(204);
      const again = await login(from(), email, 'new case password');
      expect(again.status).toBe(200);
      expect((await api(from()).post('/v1/auth/refresh', { refreshToken: again.body.refreshToken })).status).toBe(200);
      // Another registration in another case is the same account: the owner is told, no second user appears.
      await api(from()).post('/v1/auth/register', { email: shout, password: 'impostor password', name: 'Impostor' });
      expect((await lastEmailTo(t.db, email))?.template).toBe('identity-already-registered');
      expect(await sql(t.db, 'SELECT 1 FROM users WHERE lower(email) = lower($1)', [email])).toHaveLength(1);
      // The lockout counts the address, not the spelling: five failures in mixed cases lock every spelling.
      const ip = from();
      for (const spelling of [email, shout, mixed, email, shout]) expect((await login(ip, spelling, 'wrong')).status).toBe(401);
      expect((await login(from(), mixed, 'new case password')).status).toBe(429);
    });

    it('refuses an address with surrounding spaces on every identity route alike', async () => {
      const { email } = await verifiedUser();
      const padded = `  ${email} `;
      for (const [url, body] of [
        ['/v1/auth/register', { email: padded, password: 'some password', name: 'A' }],
        ['/v1/auth/login', { email: padded, password: 'some password' }],
        ['/v1/auth/verify-email', { email: padded, code: '123456' }],
        ['/v1/auth/verify-email/resend', { email: padded }],
        ['/v1/auth/password/forgot', { email: padded }],
        ['/v1/auth/password/reset', { email: padded, code: '123456', newPassword: 'some password' }],
      ] as const) {
        const res = await api(from()).post(url, body);
        expect(res.status, url).toBe(400);
        expect(res.body.code, url).toBe('VALIDATION.FAILED');
      }
    });
  });

  it('never answered with a password hash or an emailed code', () => {
    expect(seen.length).toBeGreaterThan(50);
    expect(codes.length).toBeGreaterThan(5);
    expect(seen.join('\n')).not.toMatch(/\$argon2/);
    const json = seenJson.join('\n');
    for (const code of codes) expect(json).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
  });
});
