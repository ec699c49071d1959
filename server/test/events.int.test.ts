import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql, transaction } from '../src/platform/database.ts';
import { OutboxDispatcher } from '../src/platform/outbox.ts';
import { EventBus, type DomainEvent } from '../src/platform/events.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

describe('domain events after commit', () => {
  let t: TestPlatform;
  const received: { subscriber: string; event: DomainEvent }[] = [];
  let failKitsOnce = false;

  beforeAll(async () => {
    t = await createTestPlatform();
    const { events } = t.platform.kernel;
    events.subscribe<{ orderId: string }>('test.order-created', 'supplies', async (event) => {
      if (failKitsOnce) {
        failKitsOnce = false;
        throw new Error('kits temporarily down');
      }
      received.push({ subscriber: 'supplies', event });
    });
    events.subscribe('test.order-created', 'billing', async (event) => {
      received.push({ subscriber: 'billing', event });
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
