import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { SPEC_FILE, listOperations } from '../http/openapi.ts';

describe('operations surfaces', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.close());

  it('healthz and readyz answer', async () => {
    expect((await t.api.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.api.get('/readyz')).body).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('readyz answers 503 when the database is gone', async () => {
    const other = await createTestPlatform({ databaseUrl: t.db.url });
    await other.db.close();
    const res = await other.api.get('/readyz');
    expect(res.status).toBe(503);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('1');
    await other.platform.stop();
  });

  it('serves the contract it validates against, its servers being this deployment', async () => {
    const res = await t.api.get('/openapi.json');
    expect(res.status).toBe(200);
    const contract = parse(readFileSync(SPEC_FILE, 'utf8'));
    const { servers: _servers, ...rest } = res.body;
    expect(Object.keys(rest).sort()).toEqual(
      Object.keys(contract)
        .filter((key) => key !== 'servers')
        .sort(),
    );
    expect(res.body.info).toEqual(contract.info);
    expect(res.body.servers).toEqual([{ url: t.platform.kernel.config.publicUrl, description: 'This server (PUBLIC_URL)' }]);
    expect(res.body.paths).toEqual(contract.paths);
    expect(res.body.openapi).toBe('3.1.0');
  });

  it('renders the docs page from this server only, with no external URL', async () => {
    const page = await t.api.get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs-assets/scalar.js');
    expect(page.text).toContain('/openapi.json');
    const urls = page.text.match(/(src|href)=["'][^"']*["']/g) ?? [];
    expect(urls.filter((attribute) => attribute.includes('//'))).toEqual([]);
    expect(page.text).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com/);
    const bundle = await t.api.get('/docs-assets/scalar.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(100_000);
  });

  it('exposes Prometheus metrics per route template, job runs and the outbox backlog', async () => {
    await t.api.get('/healthz');
    await t.api.get('/v1/emails');
    await t.platform.kernel.scheduler.runJob('outbox.deliver', t.clock.now(), 'test');
    const res = await t.api.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/chorecat_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.text).toMatch(/chorecat_http_requests_total\{method="GET",route="\/v1\/emails",status="401"\} 1/);
    expect(res.text).toMatch(/chorecat_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz",status="200"\}/);
    expect(res.text).toMatch(/chorecat_job_runs_total\{job="outbox.deliver",outcome="succeeded"\} 1/);
    expect(res.text).toContain('# TYPE chorecat_outbox_backlog gauge');
  });

  it('binds every operation of the spec, and each one declares who may call it', () => {
    const operations = listOperations(parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>);
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) {
      expect(op.roles === 'public' || op.roles.length > 0, op.operationId).toBe(true);
    }
  });
});

describe('rate limits shared by every process', () => {
  it('counts requests from two server processes against one limit', async () => {
    const a = await createTestPlatform({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '4' } });
    const b = await createTestPlatform({ databaseUrl: a.db.url, env: { AUTH_RATE_LIMIT_PER_MINUTE: '4' } });
    try {
      const body = { email: 'nobody@chorecat.test', password: 'x' };
      const statuses: number[] = [];
      for (const api of [a.api, b.api, a.api, b.api]) statuses.push((await api.post('/v1/auth/login').send(body)).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      const limited = await b.api.post('/v1/auth/login').send(body);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(limited.headers['content-type']).toMatch(/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Other routes keep their own (global) budget.
      expect((await a.api.get('/healthz')).status).toBe(200);
    } finally {
      await b.platform.stop();
      await b.db.close();
      await a.close();
    }
  });
});

describe('the global rate limit', () => {
  it('covers the pages in front of the API too: the docs (and the admin panel, mounted beside them)', async () => {
    const t = await createTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (const path of ['/docs', '/openapi.json', '/docs', '/docs']) statuses.push((await t.api.get(path)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('logs', () => {
  it('carry request ids and never a password or token', async () => {
    const t = await createTestPlatform();
    try {
      const user = await t.userWithRoles(['manager']);
      const login = await t.api
        .post('/v1/auth/login')
        .set('x-request-id', 'req-abc-123')
        .send({ email: user.email, password: 'test-password' });
      expect(login.status).toBe(200);
      await t.api.get('/v1/emails').set('authorization', `Bearer ${login.body.accessToken}`).set('cookie', 'chorecat.admin=secret-cookie');
      await t.api.post('/v1/auth/login').send({ email: user.email, password: 'wrong-password-typed' });
      const logs = t.logLines.join('');
      expect(logs).toContain('"req":{"id":"req-abc-123","method":"POST","url":"/v1/auth/login"');
      for (const secret of ['test-password', 'wrong-password-typed', login.body.accessToken, login.body.refreshToken, 'secret-cookie']) {
        expect(logs).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });
});
