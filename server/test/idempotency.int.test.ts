import { sql } from '../src/platform/database.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

/**
 * Stripe's Idempotency-Key semantics, on a POST with a side effect: a login
 * writes one refresh-token row, so the row count shows how often the
 * operation really ran.
 */
describe('Idempotency-Key', () => {
  let t: TestPlatform;
  let user: { id: string; email: string };
  const sessions = async () =>
    Number(((await sql(t.db, 'SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1', [user.id])) as { n: string }[])[0]!.n);

  beforeAll(async () => {
    t = await createTestPlatform();
    user = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  it('replays the first response for a retry with the same key and body, running once', async () => {
    const key = randomUUID();
    const body = { email: user.email, password: 'test-password' };
    const first = await t.api.post('/v1/auth/login').set('idempotency-key', key).send(body);
    expect(first.status).toBe(200);
    const before = await sessions();
    // Same body with its keys in another order is the same request.
    const retry = await t.api.post('/v1/auth/login').set('idempotency-key', key).send({ password: 'test-password', email: user.email });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await sessions()).toBe(before);
  });

  it('answers 422 for the same key with a different body, and runs nothing', async () => {
    const key = randomUUID();
    await t.api.post('/v1/auth/login').set('idempotency-key', key).send({ email: user.email, password: 'test-password' }).expect(200);
    const before = await sessions();
    const res = await t.api.post('/v1/auth/login').set('idempotency-key', key).send({ email: user.email, password: 'other-password' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await sessions()).toBe(before);
  });

  it('replays refusals too: a 401 stays a 401 for that key', async () => {
    const key = randomUUID();
    const body = { email: user.email, password: 'wrong' };
    const first = await t.api.post('/v1/auth/login').set('idempotency-key', key).send(body);
    expect(first.status).toBe(401);
    const again = await t.api.post('/v1/auth/login').set('idempotency-key', key).send(body);
    expect(again.status).toBe(401);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lets twenty racing duplicates run the operation exactly once', async () => {
    const key = randomUUID();
    const before = await sessions();
    const body = { email: user.email, password: 'test-password' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post('/v1/auth/login').set('idempotency-key', key).send(body)),
    );
    expect(await sessions()).toBe(before + 1);
    const ok = results.filter((r) => r.status === 200);
    const inFlight = results.filter((r) => r.status === 409);
    expect(ok.length + inFlight.length).toBe(20);
    expect(inFlight.every((r) => r.body.code === 'IDEMPOTENCY.IN_FLIGHT')).toBe(true);
    // Every 200 carries the one response that was produced.
    expect(new Set(ok.map((r) => r.body.refreshToken)).size).toBe(1);
  });

  it('scopes keys to the caller: another user or another address may use the same key', async () => {
    const other = await t.userWithRoles(['client']);
    const key = randomUUID();
    // Anonymous callers are scoped by address (the load balancer's X-Forwarded-For is trusted from loopback).
    const a = await t.api
      .post('/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.8')
      .set('idempotency-key', key)
      .send({ email: user.email, password: 'test-password' });
    const b = await t.api
      .post('/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.9')
      .set('idempotency-key', key)
      .send({ email: other.email, password: 'test-password' });
    const c = await t.api
      .post('/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.9')
      .set('idempotency-key', key)
      .send({ email: user.email, password: 'test-password' });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 422]);
    const managerToken = (await t.userWithRoles(['manager'])).token;
    const adminToken = (await t.userWithRoles(['admin'])).token;
    const k2 = randomUUID();
    const m = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${managerToken}`)
      .set('idempotency-key', k2)
      .send({ advanceBy: 'PT1S' });
    const n = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${adminToken}`)
      .set('idempotency-key', k2)
      .send({ advanceBy: 'PT2S' });
    expect(m.status).toBe(200);
    expect(n.status).toBe(200);
    expect(n.headers['idempotent-replayed']).toBeUndefined();
  });

  it('forgets a key after 24 hours', async () => {
    const key = randomUUID();
    await t.api.post('/v1/auth/login').set('idempotency-key', key).send({ email: user.email, password: 'test-password' }).expect(200);
    await t.db.sequelize.query("UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 second' WHERE key = $1", {
      bind: [key],
    });
    const res = await t.api.post('/v1/auth/login').set('idempotency-key', key).send({ email: user.email, password: 'other' });
    expect(res.status).toBe(401);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const purged = await t.platform.kernel.scheduler.runJob('idempotency.purge', new Date(), 'test');
    expect(purged.outcome).toBe('succeeded');
  });

  it('refuses a key that is too short with a 400 naming the header', async () => {
    const res = await t.api.post('/v1/auth/login').set('idempotency-key', 'abc').send({ email: user.email, password: 'test-password' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toMatch(/idempotency-key/i);
  });
});
