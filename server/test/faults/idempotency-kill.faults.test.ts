import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startWorld, until, type World } from '../helpers/killed-server.ts';

/**
 * A process SIGKILLed while a request with an Idempotency-Key is in flight
 * (issue #18, fault 2), at the two moments that matter: after the order's
 * transaction committed but before the answer was stored, and before the
 * order was made. Locks of the test's own connections hold the request at
 * each moment, so the kill lands exactly there. Then the process is
 * restarted, the claim aged past its 60 s stale time (in the database: the
 * test does not wait), and the request retried with the same key and body.
 */
describe('a process killed with an Idempotency-Key in flight', () => {
  let world: World;
  let holder: pg.Client;
  const q: World['q'] = (text, params) => world.q(text, params);

  beforeAll(async () => {
    world = await startWorld(3690);
    holder = new pg.Client({ connectionString: world.database.url });
    await holder.connect();
    await world.endDeadBackendsFast();
    await world.server.up();
  }, 120_000);
  afterAll(async () => {
    await holder?.end();
    await world?.close();
  });

  const session = async () => {
    const auth = await world.signIn('client@chorecat.test');
    const types = (await (await fetch(`${world.base}/v1/service-types`, { headers: auth })).json()) as { data: { id: string }[] };
    return { auth, serviceTypeId: types.data[0]!.id };
  };
  const create = (auth: Record<string, string>, key: string, body: string) =>
    fetch(`${world.base}/v1/orders`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
      body,
    });
  const ordersAt = async (address: string) =>
    (await q<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE address = $1', [address]))[0]!.n;
  const waiting = (pattern: string) =>
    until(`a query like ${pattern} waiting for the test's lock`, async () => {
      const rows = await q(
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND query LIKE $1",
        [pattern],
      );
      return rows.length > 0;
    });
  /** The claim left behind, aged past the stale time as 60 s of real time would. */
  const age = (key: string) => q("UPDATE idempotency_keys SET locked_at = now() - interval '2 minutes' WHERE key = $1", [key]);
  const body = (serviceTypeId: string, address: string, days: number) => {
    const startsAt = new Date(Date.now() + days * 24 * 3600_000);
    startsAt.setUTCHours(10, 0, 0, 0);
    return JSON.stringify({ serviceTypeId, startsAt: startsAt.toISOString(), address });
  };

  it('never makes the order twice when the process died after its commit, before storing the answer', { timeout: 240_000 }, async () => {
    const { auth, serviceTypeId } = await session();
    const key = randomUUID();
    const address = `${key} Committed Lane`;
    const order = body(serviceTypeId, address, 5);
    // Hold the create at its insert (after the key's claim), then take the claim's row, so its settlement waits too.
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE orders IN SHARE MODE');
    const answer = create(auth, key, order);
    await waiting('INSERT INTO%orders%');
    const settler = new pg.Client({ connectionString: world.database.url });
    await settler.connect();
    try {
      await settler.query('BEGIN');
      expect((await settler.query('SELECT state FROM idempotency_keys WHERE key = $1 FOR UPDATE', [key])).rows).toEqual([
        { state: 'in_flight' },
      ]);
      await holder.query('COMMIT');
      // The order committed and was answered; storing that answer waits for the settler's row lock: the kill lands there.
      const first = await answer;
      expect(first.status).toBe(201);
      const made = (await first.json()) as { id: string };
      await world.server.killWhen('UPDATE idempotency_keys SET state = %', q);
      await settler.query('ROLLBACK');
      expect(await q('SELECT state FROM idempotency_keys WHERE key = $1', [key])).toEqual([{ state: 'in_flight' }]);
      expect(await ordersAt(address)).toBe(1);

      await world.server.up();
      const early = await create(auth, key, order);
      expect([early.status, ((await early.json()) as { code: string }).code]).toEqual([409, 'IDEMPOTENCY.IN_FLIGHT']);
      await age(key);
      const late = await create(auth, key, order);
      expect(late.status).toBe(409);
      expect(late.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await late.json()) as { code: string }).code).toBe('IDEMPOTENCY.ANSWER_LOST');
      // Made once: the one order the first answer named.
      expect(await q('SELECT id FROM orders WHERE address = $1', [address])).toEqual([{ id: made.id }]);
    } finally {
      await settler.end();
    }
  });

  it('makes the order once when the process died before its commit', { timeout: 240_000 }, async () => {
    const { auth, serviceTypeId } = await session();
    const key = randomUUID();
    const address = `${key} Uncommitted Lane`;
    const order = body(serviceTypeId, address, 6);
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE orders IN SHARE MODE');
    const answer = create(auth, key, order).catch((error: unknown) => error);
    try {
      await waiting('INSERT INTO%orders%');
      await world.server.kill('a create held at its insert');
    } finally {
      await holder.query('COMMIT');
    }
    expect(await answer).toBeInstanceOf(Error);
    // PostgreSQL drops the dead process's backend (its transaction rolled back).
    await until(
      'the killed backend gone',
      async () =>
        (
          await q(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO%orders%' AND state <> 'idle'",
          )
        ).length === 0,
    );
    expect(await ordersAt(address)).toBe(0);
    expect(await q('SELECT state FROM idempotency_keys WHERE key = $1', [key])).toEqual([{ state: 'in_flight' }]);

    await world.server.up();
    await age(key);
    const retried = await create(auth, key, order);
    expect(retried.status).toBe(201);
    expect(await ordersAt(address)).toBe(1);
    const again = await create(auth, key, order);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(await ordersAt(address)).toBe(1);
  });
});
