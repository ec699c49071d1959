import { sql } from '../src/platform/database.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { mountAdmin } from '../src/admin.ts';
import { sendEmail, defineTemplate } from '../src/modules/notifications/index.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

const note = defineTemplate<{ n: number }>('test-note', ({ n }) => ({ subject: `Note ${n}`, paragraphs: [`Note number ${n}`] }));

describe('admin panel', () => {
  let t: TestPlatform;
  const bundleDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'chorecat-admin-')), 'bundle');

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: mountAdmin(bundleDir),
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
    rmSync(path.dirname(bundleDir), { recursive: true, force: true });
  });

  it('shows the login page and keeps the dashboard behind it', async () => {
    const login = await supertest(t.platform.app).get('/admin/login');
    expect(login.status).toBe(200);
    expect(login.text).toContain('Chorecat');
    const dashboard = await supertest(t.platform.app).get('/admin');
    expect(dashboard.status).toBe(302);
    expect(dashboard.headers.location).toBe('/admin/login');
  });

  it('logs a manager in with a secure session cookie and lists the emails', async () => {
    const manager = await t.userWithRoles(['manager']);
    const agent = supertest.agent(t.platform.app);
    const login = await agent.post('/admin/login').type('form').send({ email: manager.email, password: 'test-password' });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/admin');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/chorecat\.admin=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const sessions = await sql<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM admin_sessions');
    expect(sessions[0]!.n).toBeGreaterThan(0);
    const dashboard = await agent.get('/admin');
    expect(dashboard.status).toBe(200);
    // The Chorecat dashboard's data: email delivery and job runs.
    const data = await agent.get('/admin/api/dashboard');
    expect(data.status).toBe(200);
    expect(data.body).toMatchObject({ sandbox: true, emails: { pending: 1, sent: 0, failed: 0 }, jobFailures24h: 0 });
    expect(Array.isArray(data.body.recentJobRuns)).toBe(true);
    const emails = await agent.get('/admin/api/resources/emails/actions/list');
    expect(emails.status).toBe(200);
    const subjects = (emails.body.records as { params: { subject: string } }[]).map((r) => r.params.subject);
    expect(subjects).toContain('Note 1');
    // Read-only: emails cannot be created or edited from the panel.
    const create = await agent.post('/admin/api/resources/emails/actions/new').send({ subject: 'forged' });
    expect(JSON.stringify(create.body)).toMatch(/forbidden|not accessible|error/i);
    const forged = await sql(t.db, "SELECT 1 FROM outbox WHERE payload->>'subject' = 'forged'");
    expect(forged).toHaveLength(0);
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
});
