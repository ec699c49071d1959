import { sql } from '../database.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import supertest from 'supertest';
import { sendEmail, defineTemplate } from '../../modules/notifications/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { panelSession, testPanel } from '../../../test/helpers/panel.ts';

const note = defineTemplate<{ n: number }>('test-note', ({ n }) => ({ subject: `Note ${n}`, paragraphs: [`Note number ${n}`] }));

describe('admin panel', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    await sendEmail(t.platform.kernel, undefined, {
      template: note,
      to: 'someone@chorecat.test',
      data: { n: 1 },
      dedupeKey: 'admin-note-1',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the login page and keeps the dashboard behind it', async () => {
    const login = await supertest(t.platform.app).get('/admin/login');
    expect(login.status).toBe(200);
    expect(login.text).toContain('Chorecat');
    // Nothing loaded from elsewhere: AdminJS's Google Fonts link is gone, and the policy forbids any other.
    expect(login.text).not.toContain('fonts.googleapis.com');
    expect(login.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const dashboard = await supertest(t.platform.app).get('/admin');
    expect(dashboard.status).toBe(302);
    expect(dashboard.headers.location).toBe('/admin/login');
  });

  it('logs a manager in with a secure session cookie and lists the emails', async () => {
    const manager = await t.userWithRoles(['manager']);
    const agent = supertest.agent(t.platform.app).set('origin', new URL(t.config.publicUrl).origin);
    const login = await agent.post('/admin/login').type('form').send({ email: manager.email, password: 'test-password' });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/admin');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/chorecat\.admin=/);
    expect(cookie).toMatch(/HttpOnly/i);
    // Strict: never sent on a request another site starts (a link, a form), so no cross-site request acts as the manager.
    expect(cookie).toMatch(/SameSite=Strict/i);
    const sessions = await sql<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM admin_sessions');
    expect(sessions[0]!.n).toBeGreaterThan(0);
    const dashboard = await agent.get('/admin');
    expect(dashboard.status).toBe(200);
    // The Chorecat dashboard's data: the modules' figures, and (for a manager) email delivery and job runs.
    const data = await agent.get('/admin/api/dashboard');
    expect(data.status).toBe(200);
    expect(data.body).toMatchObject({ sandbox: true, platform: { emails: { pending: 1, sent: 0, failed: 0 }, jobFailures24h: 0 } });
    expect(Array.isArray(data.body.platform.recentJobRuns)).toBe(true);
    expect(data.body.figures).toContainEqual(expect.objectContaining({ key: 'orders.no-check-in', value: 0 }));
    const emails = await agent.get('/admin/api/resources/emails/actions/list');
    expect(emails.status).toBe(200);
    // Every email sent, with what it said (one-time codes are redacted by the view: email-secrets.int.test.ts, admin-security).
    const listed = (emails.body.records as { params: Record<string, unknown> }[]).map((r) => r.params);
    expect(listed).toContainEqual(
      expect.objectContaining({ to: 'someone@chorecat.test', template: 'test-note', status: 'pending', subject: 'Note 1' }),
    );
    // Read-only: emails cannot be created or edited from the panel.
    const create = await agent.post('/admin/api/resources/emails/actions/new').send({ subject: 'forged' });
    expect(JSON.stringify(create.body)).toMatch(/forbidden|not accessible|error/i);
    const forged = await sql(t.db, "SELECT 1 FROM outbox WHERE payload->>'subject' = 'forged'");
    expect(forged).toHaveLength(0);
    // A screen that does not exist is a 404, never a 500.
    const unknown = await agent.get('/admin/api/resources/nope/actions/list');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await agent.get('/admin/resources/nope')).status).toBe(404);
    expect((await agent.get('/admin/resources/emails')).status).toBe(200);
  });

  it('refuses clients and wrong passwords', async () => {
    const client = await t.userWithRoles(['client']);
    for (const credentials of [
      { email: client.email, password: 'test-password' },
      { email: 'manager@chorecat.test', password: 'not-it' },
    ]) {
      const agent = supertest.agent(t.platform.app);
      const res = await agent.post('/admin/login').type('form').send(credentials);
      expect(res.status).toBe(200);
      expect(res.headers.location).toBeUndefined();
      expect((await agent.get('/admin')).status).toBe(302);
    }
  });

  const panelAs = (roles: ('admin' | 'manager')[]) => panelSession(t, roles);

  it('lets an admin change roles through the audited use case, and refuses managers', async () => {
    const { agent, user: admin } = await panelAs(['admin']);
    const target = await t.userWithRoles(['client']);
    const edited = await agent
      .post(`/admin/api/resources/users/records/${target.id}/edit`)
      .field('roles.0', 'client')
      .field('roles.1', 'worker');
    expect(edited.status).toBe(200);
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    const [row] = await sql<{ roles: string[] }>(t.db, 'SELECT roles FROM users WHERE id = $1', [target.id]);
    expect(row!.roles).toEqual(['client', 'worker']);
    const audit = await sql<{ actor_id: string; action: string; before: unknown; after: unknown }>(
      t.db,
      "SELECT actor_id, action, before, after FROM audit_log WHERE target_id = $1 AND action = 'user.roles.set'",
      [target.id],
    );
    expect(audit).toEqual([
      {
        actor_id: admin.id,
        action: 'user.roles.set',
        before: { roles: ['client'], disabled: false },
        after: { roles: ['client', 'worker'], disabled: false },
      },
    ]);

    const { agent: managerAgent } = await panelAs(['manager']);
    await managerAgent.post(`/admin/api/resources/users/records/${target.id}/edit`).field('roles.0', 'admin');
    const [unchanged] = await sql<{ roles: string[] }>(t.db, 'SELECT roles FROM users WHERE id = $1', [target.id]);
    expect(unchanged!.roles).toEqual(['client', 'worker']);
  });

  it('disables a user (signed out at once) and enables them again, audited; refuses self-demotion', async () => {
    const { agent, user: admin } = await panelAs(['admin']);
    const target = await t.userWithRoles(['client']);
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${target.token}`)).status).toBe(200);
    const disabled = await agent.post(`/admin/api/resources/users/records/${target.id}/disable`);
    expect(disabled.body.notice).toMatchObject({ type: 'success' });
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${target.token}`)).status).toBe(401);
    await agent.post(`/admin/api/resources/users/records/${target.id}/enable`).expect(200);
    // Enabled again, but tokens from before the disabling stay ended: the user signs in afresh.
    expect((await t.api.get('/v1/me').set('authorization', `Bearer ${target.token}`)).status).toBe(401);
    expect((await t.api.post('/v1/auth/login').send({ email: target.email, password: 'test-password' })).status).toBe(200);
    const actions = await sql<{ action: string }>(t.db, 'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at', [target.id]);
    expect(actions.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);

    const self = await agent.post(`/admin/api/resources/users/records/${admin.id}/edit`).field('roles.0', 'manager');
    expect(self.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/own admin role/) });
    const [still] = await sql<{ roles: string[] }>(t.db, 'SELECT roles FROM users WHERE id = $1', [admin.id]);
    expect(still!.roles).toEqual(['admin']);
  });

  it('shows the audit log read-only, including sandbox clock moves', async () => {
    const manager = await t.userWithRoles(['manager']);
    await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager.token}`).send({ advanceBy: 'PT5M' }).expect(200);
    const { agent } = await panelAs(['manager']);
    const list = await agent.get('/admin/api/resources/audit_log/actions/list?sortBy=at&direction=desc');
    expect(list.status).toBe(200);
    const entries = (list.body.records as { params: Record<string, unknown> }[]).map((r) => r.params);
    expect(entries.find((e) => e.action === 'sandbox.clock.advanced' && e.actorId === manager.id)).toBeDefined();
  });
});
