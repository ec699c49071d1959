import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { sql } from '../database.ts';
import { assembleAdminResources, type AdminResource } from '../module.ts';
import type { Role } from '../http/auth.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { panelSession, testPanel } from '../../../test/helpers/panel.ts';
import { kitOfOrder, settle } from '../../../test/helpers/orders.ts';
import { applicationBody, solvedChallenge } from '../../../test/helpers/applications.ts';
import { codeSentTo } from '../../../test/helpers/mail.ts';

const HOUR = 60 * 60_000;
const PANEL_ROLES = ['manager', 'admin', 'supplies'] as const;
type PanelRole = (typeof PANEL_ROLES)[number];

/** Every table a panel action could change: compared before and after requests that must change nothing. */
const WATCHED_TABLES = [
  'users',
  'orders',
  'order_timeline',
  'kits',
  'outbox',
  'audit_log',
  'service_types',
  'applications',
  'test_assignments',
  'hiring_tests',
  'vacancies',
  'vacancy_tests',
  'worker_profiles',
  'rewards',
  'payouts',
  'statements',
  'invoices',
  'ledger_entries',
  'bids',
  'settlements',
  'settlement_shares',
  'top_ups',
  'matching_attempts',
  'matching_offers',
];

async function fingerprint(t: TestPlatform): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    const [row] = await sql<{ h: string }>(
      t.db,
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`,
    );
    out[table] = row!.h;
  }
  return out;
}

const expectProblem = (res: supertest.Response, status: number, code: string, label = '') => {
  expect(res.status, `${label} ${res.status} ${res.text.slice(0, 300)}`).toBe(status);
  expect(res.headers['content-type'], label).toMatch(/application\/problem\+json/);
  expect(res.body, label).toMatchObject({ status, code });
};

describe('admin panel security', () => {
  let t: TestPlatform;
  let origin: string;
  const panels = {} as Record<PanelRole, { agent: supertest.Agent; user: { id: string; email: string; token: string } }>;
  let manager: { id: string; email: string; token: string };
  let client: { id: string; email: string; token: string };
  let serviceTypeId: string;
  let vacancyId: string;

  const newOrder = async (hours = 40) => {
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${client.token}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + hours * HOUR).toISOString(), address: '1 Sweep Street' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await settle(t);
    return res.body.id as string;
  };
  const newApplication = async () =>
    (
      await t.api
        .post('/v1/applications')
        .send({ ...applicationBody(vacancyId), challenge: await solvedChallenge(t) })
        .expect(201)
    ).body.id as string;
  const status = async (table: string, id: string) =>
    (await sql<{ status: string }>(t.db, `SELECT status FROM ${table} WHERE id = $1`, [id]))[0]!.status;

  beforeAll(async () => {
    t = await createTestPlatform({
      env: { APPLICATION_POW_MAX_NUMBER: '500' },
      mountBeforeApi: testPanel(),
    });
    origin = new URL(t.config.publicUrl).origin;
    for (const role of PANEL_ROLES) panels[role] = await panelSession(t, [role]);
    manager = panels.manager.user;
    client = await t.userWithRoles(['client']);
    await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Sweep', description: '', durationMinutes: 60, kitItems: [{ name: 'Brush', quantity: 1 }] })
        .expect(201)
    ).body.id;
    await t.listen();
    await newOrder();
    const [vacancy] = await sql<{ id: string }>(
      t.db,
      "INSERT INTO vacancies (title, description, active, created_at, updated_at) VALUES ('Sweeper', 'Brooms', true, now(), now()) RETURNING id",
    );
    vacancyId = vacancy!.id;
    await sql(
      t.db,
      `INSERT INTO hiring_tests (title, questions, pass_mark, time_limit_minutes, max_attempts, created_at, updated_at)
       VALUES ('Brooms', '[{"text":"?","choices":["a","b"],"correct":0}]', 50, 5, 1, now(), now())`,
    );
    await sql(t.db, "INSERT INTO vacancy_tests (vacancy_id, test_id) SELECT $1, id FROM hiring_tests WHERE title = 'Brooms'", [vacancyId]);
    await newApplication();
    await settle(t);
  });
  afterAll(() => t.close());

  it('changes nothing on a GET of a state-changing action (disable, cancel, hire, pack, ready, retry)', async () => {
    const { agent } = panels.admin;
    const target = await t.userWithRoles(['client']);
    const orderId = await newOrder(30);
    const kit = (await kitOfOrder(t, orderId))!;
    const applicationId = await newApplication();
    await t.db.sequelize.query("UPDATE test_assignments SET status = 'passed', best_score = 100 WHERE application_id = $1", {
      bind: [applicationId],
    });
    // The supplier never answers: the cookie stays pending, so "retry the supplier" applies.
    await t.db.sequelize.query("UPDATE kits SET cookie_status = 'pending' WHERE id = $1", { bind: [kit.id] });
    const before = await fingerprint(t);
    for (const url of [
      `/admin/api/resources/users/records/${target.id}/disable`,
      `/admin/api/resources/orders/records/${orderId}/cancelOrder`,
      `/admin/api/resources/applications/records/${applicationId}/hire`,
      `/admin/api/resources/kits/records/${kit.id}/pack`,
      `/admin/api/resources/kits/records/${kit.id}/ready`,
      `/admin/api/resources/kits/records/${kit.id}/retryCookie`,
      `/admin/api/resources/users/records/${target.id}/delete`,
      `/admin/api/resources/vacancies/actions/new?title=Forged`,
    ]) {
      const res = await agent.get(url);
      expect(res.status, url).toBeLessThan(500);
      expect(res.body.notice?.type, url).not.toBe('success');
    }
    expect(await fingerprint(t)).toEqual(before);
    expect((await sql<{ disabled: boolean }>(t.db, 'SELECT disabled FROM users WHERE id = $1', [target.id]))[0]!.disabled).toBe(false);
    expect(await status('orders', orderId)).toBe('created');
    expect(await status('applications', applicationId)).not.toBe('hired');
  });

  it("refuses a state-changing POST without the panel's own Origin, and keeps its cookie SameSite=Strict", async () => {
    const { user } = panels.manager;
    const orderId = await newOrder(31);
    // A browser-like session whose requests carry whatever Origin/Referer each case says.
    const bare = supertest.agent(t.platform.app);
    const login = await bare.post('/admin/login').type('form').send({ email: user.email, password: 'test-password' }).expect(302);
    expect(String(login.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
    const cancel = `/admin/api/resources/orders/records/${orderId}/cancelOrder`;
    expectProblem(await bare.post(cancel), 403, 'AUTH.FORBIDDEN', 'no origin');
    expectProblem(await bare.post(cancel).set('origin', 'https://evil.test'), 403, 'AUTH.FORBIDDEN', 'foreign origin');
    expectProblem(await bare.post(cancel).set('origin', 'null'), 403, 'AUTH.FORBIDDEN', 'opaque origin');
    expectProblem(await bare.post(cancel).set('referer', 'https://evil.test/admin'), 403, 'AUTH.FORBIDDEN', 'foreign referer');
    expectProblem(
      await bare.post(cancel).set('origin', `${origin}.evil.test`).set('referer', `${origin}/admin`),
      403,
      'AUTH.FORBIDDEN',
      'look-alike origin',
    );
    expect(await status('orders', orderId)).toBe('created');
    // A login from another site is refused too (login CSRF); the session above is untouched.
    const foreignLogin = await supertest(t.platform.app)
      .post('/admin/login')
      .set('origin', 'https://evil.test')
      .type('form')
      .send({ email: user.email, password: 'test-password' });
    expectProblem(foreignLogin, 403, 'AUTH.FORBIDDEN', 'foreign login');
    // The same request from the panel's own pages goes through (Origin, or a same-origin Referer when a browser sends no Origin).
    const ok = await bare.post(cancel).set('referer', `${origin}/admin/resources/orders/records/${orderId}/cancelOrder`);
    expect(ok.status).toBe(200);
    expect(ok.body.notice).toMatchObject({ type: 'success' });
    expect(await status('orders', orderId)).toBe('cancelled');
  });

  it('never sends a secret (hashes, codes, tokens, sessions) through any panel screen, as any panel role', async () => {
    // Secrets of every kind exist: a one-time code (verification and reset), refresh tokens, a stored idempotent login.
    const email = `secret-${randomUUID().slice(0, 8)}@chorecat.test`;
    await t.api.post('/v1/auth/register').send({ email, password: 'a-long-password-1', name: 'Secret' }).expect(202);
    const code = await codeSentTo(t.db, email, 'identity-verify-email');
    await t.api.post('/v1/auth/verify-email').send({ email, code }).expect(200);
    await t.api.post('/v1/auth/password/forgot').send({ email }).expect(202);
    const resetCode = await codeSentTo(t.db, email, 'identity-password-reset');
    const tokens = (
      await t.api.post('/v1/auth/login').set('idempotency-key', randomUUID()).send({ email, password: 'a-long-password-1' }).expect(200)
    ).body;
    const secrets = [
      code,
      resetCode,
      tokens.accessToken,
      tokens.refreshToken,
      ...(await sql<{ v: string }>(t.db, 'SELECT password_hash AS v FROM users WHERE password_hash IS NOT NULL')).map((r) => r.v),
      ...(await sql<{ v: string }>(t.db, 'SELECT code_hash AS v FROM one_time_codes')).map((r) => r.v),
      ...(await sql<{ v: string }>(t.db, 'SELECT token_hash AS v FROM refresh_tokens')).map((r) => r.v),
      ...(await sql<{ v: string }>(t.db, 'SELECT sid AS v FROM admin_sessions')).map((r) => r.v),
    ];
    expect(secrets.length).toBeGreaterThan(10);
    const secretNames = /passwordHash|password_hash|codeHash|code_hash|tokenHash|token_hash|"sess"|refreshToken|accessToken/;
    const screens = assembleAdminResources(t.platform.modules).map(screenId);
    for (const role of PANEL_ROLES) {
      const { agent } = panels[role];
      const bodies: string[] = [];
      for (const id of screens) {
        const list = await agent.get(`/admin/api/resources/${id}/actions/list?perPage=500`);
        bodies.push(list.text);
        if (list.status !== 200) continue;
        bodies.push((await agent.get(`/admin/api/resources/${id}/actions/search`)).text);
        for (const record of (list.body.records as { id: string }[]).slice(0, 50)) {
          bodies.push((await agent.get(`/admin/api/resources/${id}/records/${encodeURIComponent(record.id)}/show`)).text);
        }
      }
      const home = await agent.get('/admin');
      const dashboard = await agent.get('/admin/api/dashboard');
      expect([home.status, dashboard.status], role).toEqual([200, 200]);
      bodies.push(home.text, dashboard.text);
      const all = bodies.join('\n');
      expect(all.length).toBeGreaterThan(1000);
      const around = (at: number) => all.slice(Math.max(0, at - 120), at + 60);
      const named = secretNames.exec(all);
      expect(named && around(named.index), `${role} saw a secret field`).toBeNull();
      for (const secret of secrets) {
        const at = all.indexOf(secret);
        expect(at < 0 ? null : around(at), `${role} saw a secret value`).toBeNull();
      }
    }
  }, 120_000);

  it('sends nosniff and the other helmet headers on every /admin response (pages, bundles, API, errors)', async () => {
    const { agent } = panels.manager;
    const anonymous = supertest(t.platform.app);
    for (const res of [
      await anonymous.get('/admin/login'),
      await anonymous.get('/admin'),
      await anonymous.get('/admin/frontend/assets/app.bundle.js'),
      await anonymous.get('/admin/frontend/assets/components.bundle.js'),
      await agent.get('/admin'),
      await agent.get('/admin/api/resources/orders/actions/list'),
      await agent.get('/admin/api/dashboard'),
      await agent.get('/admin/api/resources/nope/actions/list'),
      await agent.get(`/admin/photos/${randomUUID()}`),
      await agent.get('/admin/no-such-page'),
    ]) {
      const label = `${(res as unknown as { req: { method: string; path: string } }).req.path} ${res.status}`;
      expect(res.status, label).toBeLessThan(500);
      expect(res.headers['x-content-type-options'], label).toBe('nosniff');
      expect(res.headers['x-frame-options'], label).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy'], label).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers['referrer-policy'], label).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy'], label).toBe('same-origin');
      expect(res.headers['strict-transport-security'], label).toBeDefined();
      expect(res.headers['x-powered-by'], label).toBeUndefined();
    }
  });

  it('answers malformed list queries with 400 and forbidden actions with 403, never a 500 or an operator alert', async () => {
    const { agent } = panels.manager;
    for (const query of [
      'sortBy=%22',
      'sortBy=price',
      'sortBy=passwordHash',
      'direction=sideways',
      'perPage=abc',
      'perPage=0',
      'perPage=100000',
      'page=-1',
      'page=1.5',
      'filters.createdAt~~from=abc',
      'filters.createdAt=2026-01-01',
      'filters.startsAt~~to=%2B275760-01-01',
      'filters.clientId=client',
      // Not RFC 4122 (the nil uuid, a version 0): @adminjs/sequelize would compare it with LIKE, refused on a uuid column.
      'filters.clientId=00000000-0000-0000-0000-000000000000',
      'filters.workerId=12345678-1234-0234-8234-123456789abc',
      'filters.startsAt~~from=0000-01-01',
      'filters.status=nonsense',
      'filters.passwordHash=%24argon2',
      'filters.nope=1',
      'filters.address=%00',
      'sortBy=startsAt&sortBy=status',
      'filters=x',
      'filters.__proto__.polluted=1',
    ]) {
      expectProblem(await agent.get(`/admin/api/resources/orders/actions/list?${query}`), 400, 'VALIDATION.FAILED', query);
    }
    expectProblem(await agent.get('/admin/api/resources/users/actions/list?filters.disabled=maybe'), 400, 'VALIDATION.FAILED');
    expectProblem(await agent.get('/admin/api/resources/users/actions/search/x?searchProperty=passwordHash'), 400, 'VALIDATION.FAILED');
    expectProblem(await agent.get('/admin/api/resources/kits/actions/search/not-a-uuid?searchProperty=orderId'), 400, 'VALIDATION.FAILED');
    expectProblem(
      await agent.get('/admin/api/resources/orders/actions/search/00000000-0000-0000-0000-000000000000?searchProperty=clientId'),
      400,
      'VALIDATION.FAILED',
    );
    expectProblem(
      await agent.get('/admin/api/resources/top_ups/actions/list?filters.createdAt~~from=0000-01-01'),
      400,
      'VALIDATION.FAILED',
    );
    expectProblem(await agent.get('/admin/api/resources/orders/records/not-a-uuid/show'), 404, 'NOT_FOUND');
    expectProblem(await agent.get(`/admin/api/resources/orders/records/${randomUUID()}/show`), 404, 'NOT_FOUND');
    expectProblem(await agent.get('/admin/api/resources/orders/actions/LIST'), 404, 'NOT_FOUND');
    // No screen offers a bulk action: refused before the missing record ids are even looked at.
    expectProblem(await agent.get('/admin/api/resources/orders/bulk/bulkDelete'), 403, 'AUTH.FORBIDDEN');
    expect((await agent.get('/admin/resources/orders/bulk/bulkDelete')).status).toBe(404);
    const post = await agent.post(`/admin/api/resources/service_types/actions/new`).field('__proto__.polluted', 'yes');
    expectProblem(post, 400, 'VALIDATION.FAILED', 'polluting payload');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // No panel form takes a file: an upload is refused as too large, not parsed to disk.
    const upload = await agent.post(`/admin/api/resources/service_types/actions/new`).attach('name', Buffer.alloc(2048), 'big.bin');
    expectProblem(upload, 413, 'REQUEST.TOO_LARGE', 'upload');
    // Well-formed ones still work, as the list screens' own links use them.
    const fine = await agent.get(
      '/admin/api/resources/orders/actions/list?sortBy=startsAt&direction=asc&perPage=20&page=1&filters.status=created&filters.startsAt~~from=2000-01-01T00:00:00.000Z&filters.clientId=' +
        client.id,
    );
    expect(fine.status).toBe(200);
    expect(fine.body.records.length).toBeGreaterThan(0);

    // Supplies staff posting an order's cancel: the orders screen is not theirs.
    const orderId = await newOrder(32);
    const desk = panels.supplies.agent;
    expectProblem(await desk.post(`/admin/api/resources/orders/records/${orderId}/cancelOrder`), 403, 'AUTH.FORBIDDEN');
    expectProblem(await desk.get('/admin/api/resources/users/actions/list'), 403, 'AUTH.FORBIDDEN');
    expect(await status('orders', orderId)).toBe('created');

    await settle(t);
    expect(await sql(t.db, "SELECT 1 FROM outbox WHERE topic = 'email' AND payload->>'template' = 'operator-alert'")).toEqual([]);
    expect(t.logLines.filter((line) => line.includes('"level":50'))).toEqual([]);
  });

  it("audits a manager's cancel from the panel and from the API alike, with actor, before and after", async () => {
    const { agent, user } = panels.manager;
    const fromPanel = await newOrder(33);
    expect((await agent.post(`/admin/api/resources/orders/records/${fromPanel}/cancelOrder`)).body.notice).toMatchObject({
      type: 'success',
    });
    const fromApi = await newOrder(34);
    await t.api.post(`/v1/orders/${fromApi}/cancel`).set('authorization', `Bearer ${user.token}`).send({}).expect(200);
    for (const orderId of [fromPanel, fromApi]) {
      const rows = await sql<{ actor_id: string; actor_roles: string[]; action: string; before: unknown; after: unknown }>(
        t.db,
        "SELECT actor_id, actor_roles, action, before, after FROM audit_log WHERE target_type = 'order' AND target_id = $1",
        [orderId],
      );
      expect(rows).toEqual([
        {
          actor_id: user.id,
          actor_roles: ['manager'],
          action: 'order.cancel',
          before: { status: 'created' },
          after: orderId === fromPanel ? { status: 'cancelled', reason: 'Cancelled by operations' } : { status: 'cancelled' },
        },
      ]);
    }
    // The client's own cancel is the client's business, not a staff action.
    const own = await newOrder(35);
    await t.api.post(`/v1/orders/${own}/cancel`).set('authorization', `Bearer ${client.token}`).send({}).expect(200);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE target_type = 'order' AND target_id = $1", [own])).toEqual([]);
  });

  it('answers a path that is not valid percent-encoding with 400, without alerting the operators', async () => {
    const alertsBefore = (
      await sql<{ n: number }>(t.db, "SELECT count(*)::int AS n FROM outbox WHERE payload->>'template' = 'operator-alert'")
    )[0]!.n;
    for (const path of ['/admin/resources/%ED%A0%80', '/admin/resources/%E0%A4%A', '/admin/api/resources/%ED%A0%80/actions/list']) {
      const anonymous = await supertest(t.platform.app).get(path);
      expect(anonymous.status, path).toBeGreaterThanOrEqual(400);
      expect(anonymous.status, path).toBeLessThan(500);
      const signedIn = await panels.manager.agent.get(path);
      expect(signedIn.status, `signed in ${path}`).toBeGreaterThanOrEqual(400);
      expect(signedIn.status, `signed in ${path}`).toBeLessThan(500);
    }
    const record = await panels.manager.agent.get('/admin/api/resources/orders/records/%ED%A0%80/show');
    expect(record.status).toBeLessThan(500);
    const alertsAfter = (
      await sql<{ n: number }>(t.db, "SELECT count(*)::int AS n FROM outbox WHERE payload->>'template' = 'operator-alert'")
    )[0]!.n;
    expect(alertsAfter).toBe(alertsBefore);
  });

  it('gives a new session id at sign-in, so a session id planted beforehand signs nobody in (session fixation)', async () => {
    const sessionCookie = (res: supertest.Response) =>
      ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('chorecat.admin='))
        ?.split(';')[0];
    // Anonymous visitors get no session; an attacker with a panel account of its own (supplies staff) plants its session cookie
    // in a manager's browser, hoping the manager signs in on it.
    const attackerUser = await t.userWithRoles(['supplies']);
    const own = await supertest(t.platform.app)
      .post('/admin/login')
      .set('origin', origin)
      .type('form')
      .send({ email: attackerUser.email, password: 'test-password' });
    const planted = sessionCookie(own);
    expect(planted).toBeDefined();
    const victim = await t.userWithRoles(['manager']);
    const login = await supertest(t.platform.app)
      .post('/admin/login')
      .set('origin', origin)
      .set('cookie', planted!)
      .type('form')
      .send({ email: victim.email, password: 'test-password' });
    expect(login.status).toBe(302);
    const issued = sessionCookie(login);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    // The victim's new session works; the planted one is still nobody's.
    expect((await supertest(t.platform.app).get('/admin/api/resources/users/actions/list').set('cookie', issued!)).status).toBe(200);
    // The planted cookie is at most the attacker's own session again: never the manager's (users are for managers and admins).
    const attacker = await supertest(t.platform.app).get('/admin/api/resources/users/actions/list').set('cookie', planted!);
    expect(attacker.status).not.toBe(200);
  });

  it('lets a staffer go the moment their roles change or they are disabled, not when the session expires', async () => {
    const admin = panels.admin.agent;
    const demoted = await panelSession(t, ['manager']);
    const disabled = await panelSession(t, ['manager']);
    const narrowed = await panelSession(t, ['manager']);
    for (const { agent } of [demoted, disabled, narrowed])
      expect((await agent.get('/admin/api/resources/orders/actions/list')).status).toBe(200);
    await admin.post(`/admin/api/resources/users/records/${demoted.user.id}/edit`).field('roles.0', 'client').expect(200);
    await admin.post(`/admin/api/resources/users/records/${disabled.user.id}/disable`).expect(200);
    await admin.post(`/admin/api/resources/users/records/${narrowed.user.id}/edit`).field('roles.0', 'supplies').expect(200);
    expectProblem(await demoted.agent.get('/admin/api/resources/orders/actions/list'), 401, 'AUTH.UNAUTHENTICATED', 'demoted');
    expectProblem(await disabled.agent.get('/admin/api/resources/orders/actions/list'), 401, 'AUTH.UNAUTHENTICATED', 'disabled');
    expect((await disabled.agent.get('/admin')).status).toBe(302);
    // Still staff, with less: the screens follow the roles the users table has now.
    expectProblem(await narrowed.agent.get('/admin/api/resources/orders/actions/list'), 403, 'AUTH.FORBIDDEN', 'narrowed');
    expect((await narrowed.agent.get('/admin/api/resources/kits/actions/list')).status).toBe(200);
  });

  it('audits every state-changing panel action with its actor and the record before and after', async () => {
    const { agent, user } = panels.manager;
    const audit = async (action: string, targetId: string) =>
      sql<{ actor_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
        t.db,
        'SELECT actor_id, before, after FROM audit_log WHERE action = $1 AND target_id = $2',
        [action, targetId],
      );
    // A hiring test, edited.
    const form = (title: string, url = '/admin/api/resources/hiring_tests/actions/new', passMark = '50') =>
      agent
        .post(url)
        .field('title', title)
        .field('passMark', passMark)
        .field('timeLimitMinutes', '10')
        .field('maxAttempts', '2')
        .field('questions.0.text', 'Up or down?')
        .field('questions.0.choices.0', 'Up')
        .field('questions.0.choices.1', 'Down')
        .field('questions.0.correct', '1'); // the panel numbers choices from 1 (stored from 0)
    const testId = (await form('Perches')).body.record.params.id as string;
    const edited = await form('Perches, revised', `/admin/api/resources/hiring_tests/records/${testId}/edit`, '60');
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    expect(await audit('hiring_test.updated', testId)).toEqual([
      {
        actor_id: user.id,
        before: expect.objectContaining({ title: 'Perches', passMark: 50 }),
        after: expect.objectContaining({ title: 'Perches, revised', passMark: 60 }),
      },
    ]);
    // A vacancy, edited; a test attached to it, then detached (audited on the vacancy, with its tests before and after).
    const vacancy = await agent.post('/admin/api/resources/vacancies/actions/new').field('title', 'Percher').field('active', 'true');
    const vacancyId = vacancy.body.record.params.id as string;
    await agent.post(`/admin/api/resources/vacancies/records/${vacancyId}/edit`).field('title', 'Senior percher').expect(200);
    expect(await audit('vacancy.updated', vacancyId)).toEqual([
      {
        actor_id: user.id,
        before: expect.objectContaining({ title: 'Percher' }),
        after: expect.objectContaining({ title: 'Senior percher' }),
      },
    ]);
    const attached = await agent
      .post('/admin/api/resources/vacancy_tests/actions/new')
      .field('vacancyId', vacancyId)
      .field('testId', testId);
    const linkId = attached.body.record.params.id as string;
    expect((await agent.post(`/admin/api/resources/vacancy_tests/records/${linkId}/delete`)).body.notice).toMatchObject({
      type: 'success',
    });
    expect(await audit('vacancy.test_detached', vacancyId)).toEqual([
      { actor_id: user.id, before: { testIds: [testId] }, after: { testIds: [] } },
    ]);
    // A vacancy without a title is a form error, not a 500, and nothing is audited.
    const auditedBefore = await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'vacancy.created'");
    const refused = await agent.post('/admin/api/resources/vacancies/actions/new').field('description', 'No title');
    expect(refused.status).toBe(200);
    expect(refused.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/title must not be empty/) });
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'vacancy.created'")).toHaveLength(auditedBefore.length);
    // Calling the supplier again now, from the supplies desk.
    const orderId = await newOrder(36);
    const kit = (await kitOfOrder(t, orderId))!;
    await t.db.sequelize.query("UPDATE kits SET cookie_status = 'pending' WHERE id = $1", { bind: [kit.id] });
    const retried = await panels.supplies.agent.post(`/admin/api/resources/kits/records/${kit.id}/retryCookie`);
    expect(retried.body.notice).toMatchObject({ type: 'success' });
    expect(await audit('kit.cookie_retried', kit.id)).toEqual([
      {
        actor_id: panels.supplies.user.id,
        before: expect.objectContaining({ cookieStatus: 'pending' }),
        after: expect.objectContaining({ cookieStatus: 'pending', nextAttemptAt: expect.any(String) }),
      },
    ]);
    // Sending a payout again now.
    const worker = await t.userWithRoles(['worker']);
    const [payout] = await sql<{ id: string }>(
      t.db,
      "INSERT INTO payouts (statement_id, worker_id, amount_cents, status, created_at) VALUES (gen_random_uuid(), $1, 6000, 'pending', now()) RETURNING id",
      [worker.id],
    );
    expect((await agent.post(`/admin/api/resources/payouts/records/${payout!.id}/retry`)).body.notice).toMatchObject({ type: 'success' });
    expect(await audit('payout.retried', payout!.id)).toEqual([
      {
        actor_id: user.id,
        before: expect.objectContaining({ status: 'pending' }),
        after: expect.objectContaining({ status: 'pending', nextAttemptAt: expect.any(String) }),
      },
    ]);
  });

  it("shows the audit log's before and after: JSON columns are rendered, not left blank", async () => {
    const { agent } = panels.manager;
    const list = await agent.get('/admin/api/resources/audit_log/actions/list?filters.action=order.cancel');
    const entry = (list.body.records as { id: string; params: Record<string, unknown> }[])[0]!;
    const show = await agent.get(`/admin/api/resources/audit_log/records/${entry.id}/show`);
    expect(show.body.record.params).toMatchObject({ 'before.status': 'created', 'after.status': 'cancelled' });
    // The page's own description of the screen: before/after are drawn by the JSON view on show and list.
    const page = await agent.get('/admin/resources/audit_log');
    const state = JSON.parse(/window\.REDUX_STATE = (.*?);\n/.exec(page.text)![1]!) as {
      resources: { id: string; properties: Record<string, { components?: Record<string, string> }> }[];
    };
    const audit = state.resources.find((r) => r.id === 'audit_log')!;
    for (const name of ['before', 'after']) {
      expect(audit.properties[name]?.components?.show, name).toBe('ChorecatJson');
    }
    const timeline = state.resources.find((r) => r.id === 'order_timeline')!;
    expect(timeline.properties.changes?.components?.show).toBe('ChorecatJson');
  });

  it('keeps every screen and action closed per role: a sweep over roles, resources, actions, methods and path variants', async () => {
    const screens = assembleAdminResources(t.platform.modules);
    const anyRecord = new Map<string, string>();
    for (const screen of screens) {
      const list = await panels.admin.agent.get(`/admin/api/resources/${screenId(screen)}/actions/list?perPage=1`);
      anyRecord.set(screenId(screen), (list.body.records as { id: string }[] | undefined)?.[0]?.id ?? randomUUID());
    }
    // A client, on whom every user action applies (Balance is refused for anyone else, as its own test shows).
    anyRecord.set('users', (await t.userWithRoles(['client'])).id);
    const calls = screens.flatMap((screen) =>
      actionsOf(screen).map((action) => {
        const id = screenId(screen);
        const record = encodeURIComponent(anyRecord.get(id)!);
        const url =
          action.type === 'resource'
            ? `/admin/api/resources/${id}/actions/${action.name}`
            : action.type === 'record'
              ? `/admin/api/resources/${id}/records/${record}/${action.name}`
              : `/admin/api/resources/${id}/bulk/${action.name}?recordIds=${record}`;
        return { screen, id, action, url };
      }),
    );
    expect(calls.length).toBeGreaterThan(100);

    // Clients and workers cannot sign in to the panel: their requests are anonymous ones.
    const outsiders = [
      { label: 'anonymous', agent: supertest.agent(t.platform.app) },
      ...(['client', 'worker'] as Role[]).map((role) => ({ label: role, agent: supertest.agent(t.platform.app), role })),
    ];
    for (const outsider of outsiders) {
      if ('role' in outsider) {
        const user = await t.userWithRoles([outsider.role]);
        const login = await outsider.agent.post('/admin/login').type('form').send({ email: user.email, password: 'test-password' });
        expect(login.status, outsider.label).toBe(200);
        expect(login.headers['set-cookie'], outsider.label).toBeUndefined();
      }
      outsider.agent.set('origin', origin);
    }
    // A session whose requests carry no Origin unless told.
    const bare = supertest.agent(t.platform.app);
    await bare.post('/admin/login').type('form').send({ email: panels.admin.user.email, password: 'test-password' }).expect(302);
    const before = await fingerprint(t);
    // 1. Refusals and reads, which must change nothing: forbidden (GET and POST), reads, state-changing GETs, anonymous.
    for (const role of PANEL_ROLES) {
      const { agent } = panels[role];
      for (const { screen, id, action, url } of calls) {
        const label = `${role} ${id}.${action.name}`;
        if (!allowed(screen, action, role)) {
          expectProblem(await agent.get(url), 403, 'AUTH.FORBIDDEN', `GET ${label}`);
          expectProblem(await agent.post(url), 403, 'AUTH.FORBIDDEN', `POST ${label}`);
          continue;
        }
        const res = await agent.get(url);
        expect(res.status, `GET ${label} ${res.text.slice(0, 200)} ${res.status >= 500 ? lastError(t) : ''}`).toBeLessThan(500);
        expect(res.status, `GET ${label}`).not.toBe(403);
        expect(res.text, `GET ${label}`).not.toMatch(/ForbiddenError/);
        if (action.changesState) expect(res.body.notice?.type, `GET ${label}`).not.toBe('success');
      }
    }
    for (const outsider of outsiders) {
      for (const { id, action, url } of calls) {
        const label = `${outsider.label} ${id}.${action.name}`;
        expectProblem(await outsider.agent.get(url), 401, 'AUTH.UNAUTHENTICATED', `GET ${label}`);
        expectProblem(await outsider.agent.post(url), 401, 'AUTH.UNAUTHENTICATED', `POST ${label}`);
      }
      const page = await outsider.agent.get('/admin/resources/users');
      expect(page.status, outsider.label).toBe(302);
      expect(page.headers.location).toBe('/admin/login');
    }
    // State-changing POSTs from another site (or with no Origin at all), as the one role allowed everything.
    for (const { id, action, url } of calls.filter((c) => c.action.changesState)) {
      expectProblem(await bare.post(url), 403, 'AUTH.FORBIDDEN', `no origin ${id}.${action.name}`);
      expectProblem(await bare.post(url).set('origin', 'https://evil.test'), 403, 'AUTH.FORBIDDEN', `foreign ${id}.${action.name}`);
    }
    // Odd spellings of a path reach the same checks or nothing: never a screen the role may not use, never without a session.
    const target = anyRecord.get('users')!;
    const variants = [
      '/ADMIN/api/resources/users/actions/list',
      '/Admin/api/resources/users/actions/list',
      '/admin/API/resources/users/actions/list',
      '/admin/api/RESOURCES/users/actions/list',
      '/admin/api/resources/USERS/actions/list',
      '/admin/api/resources/users/actions/LIST',
      '/admin//api/resources/users/actions/list',
      '/admin/api//resources/users/actions/list',
      '/admin/api/resources/users/actions/list/',
      '/admin/api/resources/users/actions/list//',
      '/admin/api/resources/%75sers/actions/list',
      '/admin/api/resources/users/actions/%6cist',
      '/admin/api/resources/users%2factions/list',
      '/admin/api/resources/users/actions/list%00',
      `/admin/api/resources/users/records/${target}/DISABLE`,
      `/admin/api/resources/users/records/${target}/disable/`,
      `/ADMIN/api/resources/users/records/${target}/disable`,
      `/admin//api/resources/users/records/${target}/disable`,
    ];
    const anonymous = supertest.agent(t.platform.app);
    anonymous.set('origin', origin);
    for (const url of variants) {
      for (const [label, agent, refusals] of [
        ['supplies', panels.supplies.agent, [403, 404]],
        ['anonymous', anonymous, [302, 401, 404]],
      ] as const) {
        for (const method of ['get', 'post'] as const) {
          const res = await agent[method](url);
          expect(refusals as readonly number[], `${label} ${method} ${url} ${res.status} ${res.text.slice(0, 120)}`).toContain(res.status);
          expect(res.text, `${label} ${method} ${url}`).not.toMatch(/"records":\[\{/);
        }
      }
      // A manager may list users but not disable them, whatever the spelling.
      if (url.includes('disable') || url.includes('DISABLE')) {
        expect([403, 404], url).toContain((await panels.manager.agent.post(url)).status);
      }
    }
    expect(await fingerprint(t)).toEqual(before);

    // 2. Allowed state-changing POSTs (empty forms): each is answered by its screen, never 403 and never a 500.
    for (const role of ['supplies', 'manager', 'admin'] as const) {
      for (const { screen, id, action, url } of calls) {
        if (!action.changesState || !allowed(screen, action, role)) continue;
        const res = await panels[role].agent.post(url);
        const label = `${role} POST ${id}.${action.name} ${res.status} ${res.text.slice(0, 200)} ${res.status >= 500 ? lastError(t) : ''}`;
        expect(res.status, label).toBeLessThan(500);
        expect(res.status, label).not.toBe(403);
        expect(res.text, label).not.toMatch(/ForbiddenError/);
      }
    }
    await settle(t);
    expect(t.logLines.filter((line) => line.includes('"level":50'))).toEqual([]);
  }, 180_000);
});

/** The last unexpected error the server logged, to say why a request failed. */
function lastError(t: TestPlatform): string {
  const line = t.logLines.findLast((l) => l.includes('"level":50') && l.includes('"unexpected error"'));
  return line ? ((JSON.parse(line) as { err?: { stack?: string } }).err?.stack ?? '').slice(0, 600) : '';
}

const STANDARD_ACTIONS = [
  { name: 'list', type: 'resource' },
  { name: 'search', type: 'resource' },
  { name: 'new', type: 'resource' },
  { name: 'show', type: 'record' },
  { name: 'edit', type: 'record' },
  { name: 'delete', type: 'record' },
  { name: 'bulkDelete', type: 'bulk' },
] as const;

interface ActionOptions {
  actionType?: string;
  isAccessible?: boolean | ((context: { currentAdmin: { roles: string[] } }) => boolean);
  readOnly?: boolean;
}

function screenId(screen: AdminResource): string {
  return (screen.options?.id as string | undefined) ?? (screen.resource as { tableName: string }).tableName;
}

function actionsOf(screen: AdminResource): { name: string; type: string; options: ActionOptions; changesState: boolean }[] {
  const own = (screen.options?.actions ?? {}) as Record<string, ActionOptions>;
  const names = new Set([...STANDARD_ACTIONS.map((a) => a.name as string), ...Object.keys(own)]);
  return [...names].map((name) => {
    const options = own[name] ?? {};
    const type = options.actionType ?? STANDARD_ACTIONS.find((a) => a.name === name)!.type;
    const changesState = !['list', 'search', 'show'].includes(name) && options.readOnly !== true;
    return { name, type, options, changesState };
  });
}

/** What the screen declares: its roles, then the action's own rule. */
function allowed(screen: AdminResource, action: { options: ActionOptions }, role: PanelRole): boolean {
  if (!(screen.roles ?? ['manager', 'admin']).includes(role)) return false;
  const rule = action.options.isAccessible;
  return typeof rule === 'function' ? rule({ currentAdmin: { roles: [role] } }) : rule !== false;
}
