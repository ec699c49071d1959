import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, transaction } from '../../../platform/database.ts';
import { recordPublicEvent } from '../../../platform/event-feed.ts';
import { lockLifetimeOf } from '../../../platform/scheduler.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startReceiver } from '../../../../test/helpers/http-receiver.ts';
import { createSecretBox } from '../infra/secret-box.ts';
import { postOnce } from '../infra/http-sender.ts';
import { resolveEndpointHost } from '../infra/address-resolver.ts';
import { leaseDeliveries, releaseDeliveries, renewLeases } from '../infra/webhooks.repository.ts';
import { fanOut } from '../application/fan-out.ts';
import { attemptSpanMs, deliverDue, leaseMs } from '../application/deliver-due.ts';
import type { Webhooks } from '../application/context.ts';

/**
 * How long a run holds its deliveries (issue #18, fault 2: a crash must not stall them longer than
 * `webhooks.deliver`'s lock lifetime): the lease's length on the database's clock, its renewal
 * before an attempt it might not cover, and the fence that keeps a run off another run's lease.
 */
function leaseWorld(timeoutMs: number) {
  const world = {} as {
    t: TestPlatform;
    receiver: Awaited<ReturnType<typeof startReceiver>>;
    manager: { token: string };
    webhooks: Webhooks;
    /** Runs before each POST (after the delivery's lease was judged, the address resolved). */
    beforePost?: (deliveryId: string) => Promise<void>;
  };
  beforeAll(async () => {
    world.t = await createTestPlatform({ env: { WEBHOOKS_TIMEOUT_MS: String(timeoutMs) } });
    world.receiver = await startReceiver();
    world.manager = await world.t.userWithRoles(['manager']);
    world.webhooks = {
      kernel: world.t.platform.kernel,
      box: createSecretBox('test-webhooks-encryption-key-0123456789'),
      resolve: resolveEndpointHost,
      post: async (input) => {
        await world.beforePost?.(input.headers['chorecat-delivery-id']!);
        return postOnce(input);
      },
    };
  });
  afterAll(async () => {
    await world.receiver?.close();
    await world.t?.close();
  });
  return world;
}

async function endpointWithEvents(world: ReturnType<typeof leaseWorld>, path: string, events: number) {
  const res = await world.t.api
    .post('/v1/webhook-endpoints')
    .set('authorization', `Bearer ${world.manager.token}`)
    .send({ url: world.receiver.url(path), eventTypes: ['*'] });
  expect(res.status).toBe(201);
  for (let i = 0; i < events; i++) {
    await transaction(world.t.db, (tx) =>
      recordPublicEvent(world.t.db, tx, { type: 'order.created', data: { i }, audience: [], occurredAt: world.t.clock.now() }),
    );
  }
  await fanOut(world.webhooks);
  const ids = (
    await sql<{ id: string }>(world.t.db, 'SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY position', [res.body.id])
  ).map((r) => r.id);
  expect(ids).toHaveLength(events);
  return { endpointId: res.body.id as string, ids };
}

/** Each leased delivery of the endpoint: how far its lease reaches ahead of the database's clock now (ms), and its end. */
const leasesOf = (t: TestPlatform, endpointId: string) =>
  sql<{ id: string; ahead_ms: number; until: Date }>(
    t.db,
    `SELECT id, (extract(epoch FROM leased_until - clock_timestamp()) * 1000)::float8 AS ahead_ms, leased_until AS until
       FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending' AND leased_until > clock_timestamp() ORDER BY position`,
    [endpointId],
  );

describe('webhooks: a lease fits within the job’s lock lifetime', () => {
  // 20 s, as a production timeout could be: the lease used to be twice it plus 30 s (70 s), the lock 30 s.
  const world = leaseWorld(20_000);

  it('leases an endpoint’s next 25 with one statement, each for its attempt and record, never past the lock lifetime', async () => {
    const { t } = world;
    const lockLifetime = lockLifetimeOf(t.platform.kernel.scheduler.registry.get('webhooks.deliver')!);
    expect(lockLifetime).toBe(30_000);
    const { endpointId, ids } = await endpointWithEvents(world, '/batch', 30);
    const seen: { id: string; leases: Awaited<ReturnType<typeof leasesOf>> }[] = [];
    world.beforePost = async (id) => {
      seen.push({ id, leases: await leasesOf(t, endpointId) });
    };
    try {
      await deliverDue(world.webhooks);
    } finally {
      world.beforePost = undefined;
    }
    expect(seen.map((s) => s.id)).toEqual(ids);
    // The first batch: 25 leased at once (the sent one among them), the other 5 by the next statement.
    expect(seen[0]!.leases.map((l) => l.id)).toEqual(ids.slice(0, 25));
    expect(seen[25]!.leases.map((l) => l.id)).toEqual(ids.slice(25));
    for (const { id, leases } of seen) {
      for (const lease of leases) expect(lease.ahead_ms, lease.id).toBeLessThanOrEqual(Math.min(lockLifetime, leaseMs(20_000)));
      // The attempt being sent is covered to its end: resolving (its own 5 s deadline), the POST's 20 s, and some of its record.
      expect(leases.find((l) => l.id === id)!.ahead_ms).toBeGreaterThan(attemptSpanMs(20_000));
    }
    // Nothing stays leased after the run: each sent delivery's record ends its lease.
    expect(await leasesOf(t, endpointId)).toEqual([]);
    expect(world.receiver.at('/batch')).toHaveLength(30);
  });
});

describe('webhooks: a run renews its leases, and only its own', () => {
  // 5 s: a lease of 15 s, renewed once less than 13 s (an attempt and its record) is left: 2 s into a batch.
  const world = leaseWorld(5_000);

  it('renews a batch’s leases before an attempt they might not cover, so each attempt starts with its whole span ahead', async () => {
    const { t } = world;
    const { endpointId, ids } = await endpointWithEvents(world, '/slowish', 10);
    const seen: { id: string; leases: Awaited<ReturnType<typeof leasesOf>> }[] = [];
    world.beforePost = async (id) => {
      seen.push({ id, leases: await leasesOf(t, endpointId) });
      // A slow endpoint, well within the run's 1 s patience: ten of these take a batch past 2 s.
      await sleep(300);
    };
    try {
      await deliverDue(world.webhooks);
    } finally {
      world.beforePost = undefined;
    }
    expect(seen.map((s) => s.id)).toEqual(ids);
    const first = new Map(seen[0]!.leases.map((l) => [l.id, l.until.getTime()]));
    expect([...first.keys()]).toEqual(ids);
    for (const { id, leases } of seen) {
      const own = leases.find((l) => l.id === id)!;
      expect(own.ahead_ms, id).toBeLessThanOrEqual(leaseMs(5_000));
      // The POST's own 5 s and 3 s for its record at least (its resolving, 5 s more in the budget, took no time here).
      expect(own.ahead_ms, id).toBeGreaterThan(5_000 + 3_000);
    }
    // The later attempts started on renewed leases: one statement renewed what the batch still held.
    const renewed = seen.filter(({ id, leases }) => leases.find((l) => l.id === id)!.until.getTime() > first.get(id)!);
    expect(renewed.length).toBeGreaterThan(0);
    expect(renewed.at(-1)!.id).toBe(ids.at(-1));
    expect(await leasesOf(t, endpointId)).toEqual([]);
  });

  it('refuses to renew a lease once it has expired, or once another run took it; releasing it then leaves the other run’s lease', async () => {
    const { t } = world;
    const { endpointId, ids } = await endpointWithEvents(world, '/fenced', 2);
    const ours = await leaseDeliveries(t.db, ids, 1);
    expect(ours.map((l) => l.id).sort()).toEqual([...ids].sort());
    await sql(t.db, 'SELECT pg_sleep(0.02)');
    // Expired, nobody took it yet: not renewed (another process may be taking it now).
    expect(await renewLeases(t.db, ours, 60_000)).toEqual([]);
    const theirs = await leaseDeliveries(t.db, ids, 60_000);
    expect(theirs).toHaveLength(2);
    // Taken by another run: this run can neither renew it nor give it back.
    expect(await renewLeases(t.db, ours, 60_000)).toEqual([]);
    await releaseDeliveries(t.db, ours);
    const held = await leasesOf(t, endpointId);
    expect(held.map((l) => [l.id, l.until.getTime()]).sort()).toEqual(theirs.map((l) => [l.id, l.until.getTime()]).sort());
    // The other run renews its own while it lasts, then gives it back.
    const renewed = await renewLeases(t.db, theirs, 60_000);
    expect(renewed).toHaveLength(2);
    for (const lease of renewed)
      expect(lease.until.getTime()).toBeGreaterThanOrEqual(theirs.find((l) => l.id === lease.id)!.until.getTime());
    await releaseDeliveries(t.db, theirs);
    expect(await leasesOf(t, endpointId)).toHaveLength(2);
    await releaseDeliveries(t.db, renewed);
    expect(await leasesOf(t, endpointId)).toEqual([]);
  });
});
