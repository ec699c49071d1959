import { sql, transaction } from '../database.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { idempotency } from '../http/idempotency.ts';
import { AppError, STATUS_BY_CODE } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

/**
 * Stripe's Idempotency-Key semantics, on a POST with a side effect: a
 * top-up writes one top-up row, so the row count shows how often the
 * operation really ran. (Sign-in and refresh store no answer to replay:
 * identity-security.int.test.ts.)
 */
const CARD = '4242 4242 4242 4242';
const DECLINED = '4000 0000 0000 0002';

describe('Idempotency-Key', () => {
  let t: TestPlatform;
  let user: { id: string; email: string; token: string };
  const topUps = async () =>
    Number(((await sql(t.db, 'SELECT count(*) AS n FROM top_ups WHERE client_id = $1', [user.id])) as { n: string }[])[0]!.n);
  const topUp = (key: string, body: Record<string, unknown>, token = user.token) =>
    t.api.post('/v1/top-ups').set('authorization', `Bearer ${token}`).set('idempotency-key', key).send(body);

  beforeAll(async () => {
    t = await createTestPlatform();
    user = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  it('replays the first response for a retry with the same key and body, running once', async () => {
    const key = randomUUID();
    const first = await topUp(key, { amount: '10.00', paymentMethod: CARD });
    expect(first.status).toBe(201);
    const before = await topUps();
    // Same body with its keys in another order is the same request.
    const retry = await topUp(key, { paymentMethod: CARD, amount: '10.00' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await topUps()).toBe(before);
  });

  it('answers 422 for the same key with a different body, and runs nothing', async () => {
    const key = randomUUID();
    await topUp(key, { amount: '10.00', paymentMethod: CARD }).expect(201);
    const before = await topUps();
    const res = await topUp(key, { amount: '11.00', paymentMethod: CARD });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await topUps()).toBe(before);
  });

  it('replays refusals too: a declined card stays a 402 for that key', async () => {
    const key = randomUUID();
    const body = { amount: '10.00', paymentMethod: DECLINED };
    const first = await topUp(key, body);
    expect(first.status).toBe(402);
    const again = await topUp(key, body);
    expect(again.status).toBe(402);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lets twenty racing duplicates run the operation exactly once', async () => {
    const key = randomUUID();
    const before = await topUps();
    const results = await Promise.all(Array.from({ length: 20 }, () => topUp(key, { amount: '1.00', paymentMethod: CARD })));
    expect(await topUps()).toBe(before + 1);
    const ok = results.filter((r) => r.status === 201);
    const inFlight = results.filter((r) => r.status === 409);
    expect(ok.length + inFlight.length).toBe(20);
    expect(inFlight.every((r) => r.body.code === 'IDEMPOTENCY.IN_FLIGHT')).toBe(true);
    // Every 200 carries the one response that was produced.
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
  });

  it('scopes keys to the caller: another user or another address may use the same key', async () => {
    const other = await t.userWithRoles(['client']);
    const key = randomUUID();
    // Anonymous callers are scoped by address (the load balancer's X-Forwarded-For is trusted from loopback).
    const register = (address: string, email: string) =>
      t.api
        .post('/v1/auth/register')
        .set('x-forwarded-for', address)
        .set('idempotency-key', key)
        .send({ email, password: 'a-long-password-1', name: 'Scoped' });
    const a = await register('10.0.0.8', `scoped-a-${key}@chorecat.test`);
    const b = await register('10.0.0.9', `scoped-b-${key}@chorecat.test`);
    const c = await register('10.0.0.9', `scoped-a-${key}@chorecat.test`);
    expect([a.status, b.status, c.status]).toEqual([202, 202, 422]);
    // Users are scoped by who they are.
    const k1 = randomUUID();
    expect((await topUp(k1, { amount: '2.00', paymentMethod: CARD })).status).toBe(201);
    const theirs = await topUp(k1, { amount: '3.00', paymentMethod: CARD }, other.token);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
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
    await topUp(key, { amount: '10.00', paymentMethod: CARD }).expect(201);
    await t.db.sequelize.query("UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 second' WHERE key = $1", {
      bind: [key],
    });
    const res = await topUp(key, { amount: '12.00', paymentMethod: CARD });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const purged = await t.platform.kernel.scheduler.runJob('idempotency.purge', new Date(), 'test');
    expect(purged.outcome).toBe('succeeded');
  });

  it('refuses a key that is too short with a 400 naming the header', async () => {
    const res = await topUp('abc', { amount: '10.00', paymentMethod: CARD });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toMatch(/idempotency-key/i);
  });

  describe('a request whose change committed but whose answer was lost', () => {
    const rowOf = async (key: string) =>
      (
        await sql<{ state: string; claim_id: string; committed: boolean }>(
          t.db,
          `SELECT state, claim_id, EXISTS (SELECT 1 FROM idempotency_commits c WHERE c.claim_id = k.claim_id) AS committed
           FROM idempotency_keys k WHERE key = $1`,
          [key],
        )
      )[0];
    /** How a claim ended is written after the answer: look until it has been. */
    const settled = async (key: string, state: string | undefined) => {
      for (let i = 0; i < 200 && (await rowOf(key))?.state !== state; i++) await new Promise((r) => setImmediate(r));
      expect((await rowOf(key))?.state).toBe(state);
    };
    /** What a process that died after the use case's commit and before storing the answer leaves behind. */
    const orphan = (key: string, age = "interval '2 minutes'") =>
      t.db.sequelize.query(
        `UPDATE idempotency_keys SET state = 'in_flight', response_status = NULL, response_headers = NULL, response_body = NULL,
                locked_at = now() - ${age} WHERE key = $1`,
        { bind: [key] },
      );

    it('records, in the use case’s own transaction, that the claim committed a change; a refused request records nothing', async () => {
      const key = randomUUID();
      await topUp(key, { amount: '4.00', paymentMethod: CARD }).expect(201);
      await settled(key, 'done');
      expect(await rowOf(key)).toMatchObject({ state: 'done', committed: true });
      const tooSmall = randomUUID();
      expect((await topUp(tooSmall, { amount: '0.00', paymentMethod: CARD })).status).toBe(422);
      await settled(tooSmall, 'done');
      expect(await rowOf(tooSmall)).toMatchObject({ state: 'done', committed: false });
    });

    it('never runs it again: a retry past the stale time is 409 IDEMPOTENCY.ANSWER_LOST, before it 409 IN_FLIGHT', async () => {
      const key = randomUUID();
      await topUp(key, { amount: '5.00', paymentMethod: CARD }).expect(201);
      await settled(key, 'done');
      const before = await topUps();
      await orphan(key, "interval '1 second'");
      const early = await topUp(key, { amount: '5.00', paymentMethod: CARD });
      expect([early.status, early.body.code]).toEqual([409, 'IDEMPOTENCY.IN_FLIGHT']);
      await orphan(key);
      const late = await topUp(key, { amount: '5.00', paymentMethod: CARD });
      expect([late.status, late.body.code]).toEqual([409, 'IDEMPOTENCY.ANSWER_LOST']);
      expect(late.headers['content-type']).toMatch(/problem\+json/);
      expect(await topUps()).toBe(before);
      // Another body under that key is still a reuse (422), and runs nothing either.
      const other = await topUp(key, { amount: '6.00', paymentMethod: CARD });
      expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
      expect(await topUps()).toBe(before);
    });

    it('runs once again a stale claim that committed nothing (the process died before its change)', async () => {
      const key = randomUUID();
      expect((await topUp(key, { amount: '7.00', paymentMethod: CARD })).status).toBe(201);
      await settled(key, 'done');
      // The same key left in flight by a claim that never committed: a new claim id with no commit record.
      await t.db.sequelize.query(`UPDATE idempotency_keys SET claim_id = gen_random_uuid() WHERE key = $1`, { bind: [key] });
      await orphan(key);
      const before = await topUps();
      const retried = await topUp(key, { amount: '7.00', paymentMethod: CARD });
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(await topUps()).toBe(before + 1);
      await settled(key, 'done');
      expect(await rowOf(key)).toMatchObject({ state: 'done', committed: true });
    });

    it('marks a 5xx after a commit lost (never run again), and frees a 5xx before any commit for a retry', async () => {
      // The middleware on a route of its own: a handler that commits a row, then fails, or fails first.
      await t.db.sequelize.query('CREATE TABLE IF NOT EXISTS idempotency_probe (id serial PRIMARY KEY, key text NOT NULL)');
      const app = express();
      app.use(express.json());
      app.use(idempotency(t.db, createLogger({ level: 'silent' })));
      app.post('/probe/:when', async (req, res) => {
        const key = req.get('idempotency-key')!;
        if (req.params.when === 'fails-first') return void res.status(500).json({ code: 'INTERNAL' });
        await transaction(t.db, (tx) =>
          t.db.sequelize.query('INSERT INTO idempotency_probe (key) VALUES ($1)', { bind: [key], transaction: tx }),
        );
        res.status(500).json({ code: 'INTERNAL' });
      });
      app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        if (!(error instanceof AppError)) return void res.status(500).json({ code: 'INTERNAL' });
        res.status(STATUS_BY_CODE[error.code]).json({ code: error.code });
      });
      const probes = async (key: string) =>
        Number((await sql<{ n: string }>(t.db, 'SELECT count(*) AS n FROM idempotency_probe WHERE key = $1', [key]))[0]!.n);
      const send = (path: string, key: string) => request(app).post(path).set('idempotency-key', key).send({ n: 1 });

      const committed = randomUUID();
      expect((await send('/probe/commits-then-fails', committed)).status).toBe(500);
      await settled(committed, 'lost');
      const again = await send('/probe/commits-then-fails', committed);
      expect([again.status, again.body.code]).toEqual([409, 'IDEMPOTENCY.ANSWER_LOST']);
      expect(await probes(committed)).toBe(1);

      const first = randomUUID();
      expect((await send('/probe/fails-first', first)).status).toBe(500);
      await settled(first, undefined);
      expect((await send('/probe/commits-then-fails', first)).status).toBe(500);
      expect(await probes(first)).toBe(1);
    });
  });
});
