import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql, transaction } from '../database.ts';
import { OutboxDispatcher } from '../outbox.ts';
import { EventBus, type DomainEvent } from '../events.ts';
import { getPlatformHealth } from '../../modules/operations/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

// This test's own events, subscribed and published by it alone.
declare module '../events.ts' {
  interface DomainEventMap {
    'test.order-created': { orderId: string };
    'test.order-cancelled': { orderId: string };
  }
}

describe('domain events after commit', () => {
  let t: TestPlatform;
  const received: { subscriber: string; event: DomainEvent }[] = [];
  let failKitsOnce = false;

  beforeAll(async () => {
    t = await createTestPlatform();
    const { events } = t.platform.kernel;
    events.subscribe('test.order-created', 'supplies', async (event) => {
      if (failKitsOnce) {
        failKitsOnce = false;
        throw new Error('kits temporarily down');
      }
      received.push({ subscriber: 'supplies', event });
    });
    events.subscribe('test.order-created', 'billing', async (event) => {
      received.push({ subscriber: 'billing', event });
    });
    events.subscribe('test.order-cancelled', 'quality.open-review', async () => {
      throw new Error('reviews table is gone');
    });
  });
  afterAll(() => t.close());

  const deliver = () => t.platform.kernel.outbox.dispatch();

  it('delivers nothing when the publishing transaction rolls back', async () => {
    await expect(
      transaction(t.db, async (tx) => {
        await t.platform.kernel.events.publish(tx, 'test.order-created', { orderId: 'rolled-back' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow();
    await deliver();
    expect(received.filter((r) => (r.event.payload as { orderId: string }).orderId === 'rolled-back')).toEqual([]);
  });

  it('delivers a committed event once to each subscriber, the same key publishing once', async () => {
    await transaction(t.db, (tx) => t.platform.kernel.events.publish(tx, 'test.order-created', { orderId: 'o-1' }, 'order:o-1:created'));
    await t.platform.kernel.events.publish(undefined, 'test.order-created', { orderId: 'o-1' }, 'order:o-1:created');
    await deliver();
    await deliver();
    const got = received.filter((r) => (r.event.payload as { orderId: string }).orderId === 'o-1');
    expect(got.map((r) => r.subscriber).sort()).toEqual(['billing', 'supplies']);
    expect(got[0]!.event).toMatchObject({ id: 'order:o-1:created', name: 'test.order-created' });
  });

  it('retries a failing subscriber on its own, without redelivering to the others', async () => {
    failKitsOnce = true;
    await t.platform.kernel.events.publish(undefined, 'test.order-created', { orderId: 'o-2' });
    await deliver();
    const of = () => received.filter((r) => (r.event.payload as { orderId: string }).orderId === 'o-2').map((r) => r.subscriber);
    expect(of()).toEqual(['billing']);
    await sql(
      t.db,
      "UPDATE outbox SET available_at = now() - interval '1 second' WHERE topic = 'event' AND status = 'pending' RETURNING id",
    );
    await deliver();
    expect(of().sort()).toEqual(['billing', 'supplies']);
  });

  it('makes a subscriber that gives up visible: counted by subscriber, on the dashboard, alerted; its runs are failed runs', async () => {
    const { events, scheduler, metrics } = t.platform.kernel;
    await events.publish(undefined, 'test.order-cancelled', { orderId: 'o-doomed' }, 'order:o-doomed:cancelled');
    // Each failed delivery is failed work of the outbox job's run, not a success.
    const first = await scheduler.runJob('outbox.deliver', t.clock.now(), 'test');
    expect(first.outcome).toBe('failed');
    expect(first.error).toContain('reviews table is gone');
    const retrying = await getPlatformHealth(t.platform.kernel);
    expect(retrying.deliveries).toMatchObject({ gaveUp: 0, retrying: 1 });
    // The last attempt.
    await sql(
      t.db,
      "UPDATE outbox SET attempts = 7, available_at = now() - interval '1 second' WHERE dedupe_key LIKE 'event:test.order-cancelled:%'",
    );
    expect((await scheduler.runJob('outbox.deliver', t.clock.now(), 'test')).outcome).toBe('failed');
    const text = await metrics.registry.metrics();
    expect(text).toContain('chorecat_outbox_gave_up_total{topic="event",subscriber="quality.open-review",event="test.order-cancelled"} 1');
    expect(text).toMatch(/^chorecat_job_failures_total\{job="outbox\.deliver",trigger="test"\} 2$/m);
    const dashboard = await getPlatformHealth(t.platform.kernel);
    expect(dashboard.deliveries.gaveUp).toBe(1);
    expect(dashboard.deliveries.retrying).toBe(0);
    expect(dashboard.deliveries.latestGivenUp).toEqual([
      expect.objectContaining({
        topic: 'event',
        subscriber: 'quality.open-review',
        event: 'test.order-cancelled',
        error: 'reviews table is gone',
      }),
    ]);
    expect(dashboard.jobFailures24h).toBe(2);
    const alerts = await sql<{ subject: string }>(t.db, "SELECT subject FROM emails WHERE template = 'operator-alert' ORDER BY created_at");
    // One alert, at the give-up (not one per failed try: the retries are the outbox's own).
    expect(alerts.map((a) => a.subject)).toEqual([expect.stringContaining('quality.open-review gave up on test.order-cancelled')]);
  });

  it('never hands one delivery to two racing dispatchers', async () => {
    for (let i = 0; i < 10; i++) await t.platform.kernel.events.publish(undefined, 'test.order-created', { orderId: `race-${i}` });
    const dispatchers = Array.from({ length: 3 }, () => {
      const d = new OutboxDispatcher({ db: t.db, clock: t.clock, logger: t.platform.kernel.logger });
      // A second bus on the same subscribers, as another process would have.
      const bus = new EventBus({ db: t.db, clock: t.clock, outbox: d });
      bus.subscribe('test.order-created', 'supplies', async (event) => void received.push({ subscriber: 'supplies', event }));
      bus.subscribe('test.order-created', 'billing', async (event) => void received.push({ subscriber: 'billing', event }));
      return d;
    });
    await Promise.all(dispatchers.map((d) => d.dispatch()));
    const raced = received.filter((r) => String((r.event.payload as { orderId: string }).orderId).startsWith('race-'));
    expect(raced).toHaveLength(20);
    expect(new Set(raced.map((r) => `${r.subscriber}:${r.event.id}`)).size).toBe(20);
  });
});
