import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { startWorld, until, type World } from '../helpers/killed-server.ts';

/**
 * A kill aimed at matching mid-assignment (issue #18, fault 2): the kit is
 * ready, matching has assigned a worker and is writing the attempt that
 * says by whom and why, and the process is SIGKILLed there (a lock of the
 * test's holds that write). The assignment and its record commit together,
 * so the kill leaves neither; after the restart the redelivered
 * `order.kit_ready` matches the order once: one worker, one `assigned`
 * attempt naming them, one `worker_assigned` step in the timeline.
 */
describe('matching killed mid-assignment', () => {
  let world: World;
  let holder: pg.Client;
  const q: World['q'] = (text, params) => world.q(text, params);

  beforeAll(async () => {
    world = await startWorld(3698);
    holder = new pg.Client({ connectionString: world.database.url });
    await holder.connect();
    await world.endDeadBackendsFast();
    await world.server.up();
  }, 120_000);
  afterAll(async () => {
    await holder?.end();
    await world?.close();
  });

  const post = (auth: Record<string, string>, path: string, body: unknown = {}) =>
    fetch(`${world.base}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('matches the order once after the restart, its assignment recorded', { timeout: 240_000 }, async () => {
    const client = await world.signIn('client@chorecat.test');
    const supplies = await world.signIn('supplies@chorecat.test');
    const types = (await (await fetch(`${world.base}/v1/service-types`, { headers: client })).json()) as { data: { id: string }[] };
    const startsAt = new Date(Date.now() + 6 * 24 * 3600_000);
    startsAt.setUTCHours(10, 0, 0, 0);
    const created = await post(client, '/v1/orders', {
      serviceTypeId: types.data[0]!.id,
      startsAt: startsAt.toISOString(),
      address: '1 Panel Road',
    });
    expect(created.status).toBe(201);
    const orderId = ((await created.json()) as { id: string }).id;
    const kit = await until('the kit with its cookie delivered', async () => {
      const [row] = await q<{ id: string; cookie_status: string }>('SELECT id, cookie_status FROM kits WHERE order_id = $1', [orderId]);
      return row?.cookie_status === 'delivered' && row;
    });
    expect((await post(supplies, `/v1/kits/${kit.id}/pack`)).status).toBe(200);

    // Hold the attempt's record; mark the kit ready; matching assigns and waits at the record: the kill lands there.
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE matching_attempts IN SHARE MODE');
    try {
      expect((await post(supplies, `/v1/kits/${kit.id}/ready`)).status).toBe(200);
      await until('matching writing its attempt', async () => {
        const rows = await q(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO matching_attempts%'",
        );
        return rows.length > 0;
      });
      await world.server.kill('matching between the assignment and its record');
    } finally {
      await holder.query('COMMIT');
    }
    // Neither the assignment nor its record: they were one transaction.
    await until(
      'the killed backend gone',
      async () =>
        (
          await q(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO matching_attempts%' AND state <> 'idle'",
          )
        ).length === 0,
    );
    expect(await q('SELECT status, worker_id FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'matching', worker_id: null }]);
    expect(await q('SELECT 1 FROM matching_attempts WHERE order_id = $1', [orderId])).toEqual([]);

    await world.server.up();
    const matched = await until('the order matched after the restart', async () => {
      const [row] = await q<{ status: string; worker_id: string | null }>('SELECT status, worker_id FROM orders WHERE id = $1', [orderId]);
      return row?.status === 'scheduled' && row;
    });
    expect(await q('SELECT outcome, chosen FROM matching_attempts WHERE order_id = $1', [orderId])).toEqual([
      { outcome: 'assigned', chosen: matched.worker_id },
    ]);
    expect(await q("SELECT count(*)::int AS n FROM order_timeline WHERE order_id = $1 AND event = 'worker_assigned'", [orderId])).toEqual([
      { n: 1 },
    ]);
  });
});
