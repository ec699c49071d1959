import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { sql, transaction } from '../database.ts';
import { OutboxDispatcher, backoffMs, enqueue, type OutboxMessage } from '../outbox.ts';
import { EventBus } from '../events.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

// This test's own event, published and subscribed by it alone.
declare module '../events.ts' {
  interface DomainEventMap {
    'test.lane-step': { orderId: string; step: number };
  }
}

/**
 * The dispatcher's delivery guarantees on the real database: batches claimed
 * with FOR UPDATE SKIP LOCKED, handlers in parallel lanes, outcomes committed
 * with the claim, and the LISTEN/NOTIFY wake-up. Each test uses its own
 * topic, so only its own dispatchers ever claim its messages.
 */
describe('outbox dispatch: batches, lanes, crashes and the wake-up', () => {
  let t: TestPlatform;
  const dispatchers: OutboxDispatcher[] = [];

  beforeAll(async () => {
    t = await createTestPlatform();
    // A handler effect that is idempotent, as every subscriber must be: one row per message, however often it runs.
    await sql(t.db, 'CREATE TABLE test_outbox_effects (message_id uuid PRIMARY KEY, runs integer NOT NULL DEFAULT 1)');
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await t.close();
  });

  const dispatcher = (options: { batchSize?: number; concurrency?: number } = {}) => {
    const d = new OutboxDispatcher({ db: t.db, clock: t.clock, logger: t.platform.kernel.logger, ...options });
    dispatchers.push(d);
    return d;
  };
  const enqueueMany = async (topic: string, n: number, payload: (i: number) => unknown = (i) => ({ i })) => {
    // One transaction, as a use case writing many messages would; written a second apart (in the past,
    // so all are due), so the order they were written in is the order of their timestamps.
    const start = t.clock.now().getTime() - 1_000_000;
    await transaction(t.db, async (tx) => {
      for (let i = 0; i < n; i++) {
        await t.clock.runAt(new Date(start + i * 1000), () =>
          enqueue(t.db, tx, t.clock, { topic, dedupeKey: `${topic}:${i}`, payload: payload(i) }),
        );
      }
    });
  };
  const statusOf = (topic: string) =>
    sql<{ status: string; attempts: number; n: number }>(
      t.db,
      'SELECT status, attempts, count(*)::int AS n FROM outbox WHERE topic = $1 GROUP BY status, attempts ORDER BY status, attempts',
      [topic],
    );

  it('hands each of 300 messages to exactly one handler when two dispatchers race', async () => {
    await enqueueMany('test.race', 300);
    const runs = new Map<string, number>();
    const count = async (message: OutboxMessage) => {
      runs.set(message.id, (runs.get(message.id) ?? 0) + 1);
      // Gives the other dispatcher time to claim while this batch still holds its rows.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const [a, b] = [dispatcher({ batchSize: 25, concurrency: 4 }), dispatcher({ batchSize: 25, concurrency: 4 })];
    a!.handle('test.race', count);
    b!.handle('test.race', count);
    const results = await Promise.all([a!.dispatch(), b!.dispatch()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(300);
    expect(runs.size).toBe(300);
    expect([...runs.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await statusOf('test.race')).toEqual([{ status: 'sent', attempts: 1, n: 300 }]);
  });

  it('retries a failing message with backoff while the rest of its batch is delivered', async () => {
    await enqueueMany('test.flaky', 20);
    let down = true;
    const delivered: number[] = [];
    const d = dispatcher({ batchSize: 50 });
    d.handle('test.flaky', async (message) => {
      const { i } = message.payload as { i: number };
      if (i === 7 && down) throw new Error('number seven is down');
      delivered.push(i);
    });
    const first = await d.dispatch();
    expect(first).toMatchObject({ sent: 19, failed: 1, error: expect.stringContaining('number seven is down') });
    expect(delivered.sort((x, y) => x - y)).toEqual([...Array(20).keys()].filter((i) => i !== 7));
    const [failed] = await sql<{ attempts: number; last_error: string; available_at: Date }>(
      t.db,
      "SELECT attempts, last_error, available_at FROM outbox WHERE dedupe_key = 'test.flaky:7'",
    );
    expect(failed).toMatchObject({ attempts: 1, last_error: 'number seven is down' });
    // Not due again before its backoff, by the platform clock.
    expect(await d.dispatch()).toEqual({ sent: 0, failed: 0 });
    down = false;
    t.clock.moveTo(new Date(new Date(failed!.available_at).getTime() + 1));
    expect(backoffMs(1)).toBe(30_000);
    expect(await d.dispatch()).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toContain(7);
    expect(await statusOf('test.flaky')).toEqual([
      { status: 'sent', attempts: 1, n: 19 },
      { status: 'sent', attempts: 2, n: 1 },
    ]);
  });

  it('runs a lane one message at a time in the order written, and different lanes side by side', async () => {
    await enqueueMany('test.lanes', 12, (i) => ({ lane: `order-${i % 3}`, i }));
    const order = new Map<string, number[]>();
    const inFlight = new Map<string, number>();
    let overlapWithinLane = 0;
    let maxAtOnce = 0;
    let atOnce = 0;
    const d = dispatcher({ batchSize: 100, concurrency: 8 });
    d.handle(
      'test.lanes',
      async (message) => {
        const { lane, i } = message.payload as { lane: string; i: number };
        if (inFlight.get(lane)) overlapWithinLane++;
        inFlight.set(lane, (inFlight.get(lane) ?? 0) + 1);
        maxAtOnce = Math.max(maxAtOnce, ++atOnce);
        await new Promise((resolve) => setImmediate(resolve));
        order.set(lane, [...(order.get(lane) ?? []), i]);
        inFlight.set(lane, inFlight.get(lane)! - 1);
        atOnce--;
      },
      { laneOf: (message) => (message.payload as { lane: string }).lane },
    );
    expect(await d.dispatch()).toEqual({ sent: 12, failed: 0 });
    expect(overlapWithinLane).toBe(0);
    expect(maxAtOnce).toBe(3);
    expect(Object.fromEntries(order)).toEqual({ 'order-0': [0, 3, 6, 9], 'order-1': [1, 4, 7, 10], 'order-2': [2, 5, 8, 11] });
  });

  it("gives a subscriber that asks for order (inOrderOf) each order's events in publish order, the others in parallel", async () => {
    const d = dispatcher({ batchSize: 100, concurrency: 8 });
    const bus = new EventBus({ db: t.db, clock: t.clock, outbox: d });
    const steps = new Map<string, number[]>();
    let busy = new Set<string>();
    let overlap = 0;
    let unorderedRuns = 0;
    bus.subscribe(
      'test.lane-step',
      'test.ordered',
      async (event) => {
        const { orderId, step } = event.payload;
        if (busy.has(orderId)) overlap++;
        busy = new Set([...busy, orderId]);
        await new Promise((resolve) => setImmediate(resolve));
        steps.set(orderId, [...(steps.get(orderId) ?? []), step]);
        busy.delete(orderId);
      },
      { inOrderOf: (payload) => payload.orderId },
    );
    bus.subscribe('test.lane-step', 'test.unordered', async () => void unorderedRuns++);
    const start = t.clock.now().getTime() - 1_000_000;
    for (let step = 0; step < 4; step++) {
      for (const orderId of ['a', 'b']) {
        await t.clock.runAt(new Date(start + (step * 2 + (orderId === 'a' ? 0 : 1)) * 1000), () =>
          bus.publish(undefined, 'test.lane-step', { orderId, step }),
        );
      }
    }
    expect(await d.dispatch()).toEqual({ sent: 16, failed: 0 });
    expect(overlap).toBe(0);
    expect(Object.fromEntries(steps)).toEqual({ a: [0, 1, 2, 3], b: [0, 1, 2, 3] });
    expect(unorderedRuns).toBe(8);
  });

  it('leaves a batch whose dispatcher died mid-way pending, and another delivers it, each effect once', async () => {
    await enqueueMany('test.crash', 10);
    let runs = 0;
    const effect = async (message: OutboxMessage) => {
      runs++;
      await sql(
        t.db,
        'INSERT INTO test_outbox_effects (message_id) VALUES ($1) ON CONFLICT (message_id) DO UPDATE SET runs = test_outbox_effects.runs + 1 RETURNING 1',
        [message.id],
      );
    };
    let reachedSix!: () => void;
    const atSix = new Promise<void>((resolve) => (reachedSix = resolve));
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let dead = false;
    const doomed = dispatcher({ batchSize: 10, concurrency: 1 });
    doomed.handle('test.crash', async (message) => {
      // A dead process runs nothing more: its remaining handlers never start.
      if (dead) throw new Error('the process is gone');
      await effect(message);
      if (runs === 6) {
        reachedSix();
        await held;
      }
    });
    const crashed = doomed.dispatch();
    await atSix;
    // The dispatcher's process dies: its claim connection goes, and PostgreSQL rolls its transaction back.
    const admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE '%FOR UPDATE SKIP LOCKED%'`,
      );
      expect(rows).toEqual([{ killed: true }]);
    } finally {
      await admin.end();
    }
    dead = true;
    letGo();
    await expect(crashed).rejects.toThrow();
    expect(runs).toBe(6);
    // Nothing half-done: no message is marked delivered, none counted as tried.
    expect(await statusOf('test.crash')).toEqual([{ status: 'pending', attempts: 0, n: 10 }]);

    const survivor = dispatcher({ batchSize: 4 });
    survivor.handle('test.crash', effect);
    expect(await survivor.dispatch()).toEqual({ sent: 10, failed: 0 });
    expect(await statusOf('test.crash')).toEqual([{ status: 'sent', attempts: 1, n: 10 }]);
    const effects = await sql<{ runs: number; n: number }>(
      t.db,
      `SELECT e.runs, count(*)::int AS n FROM test_outbox_effects e JOIN outbox o ON o.id = e.message_id
        WHERE o.topic = 'test.crash' GROUP BY e.runs ORDER BY e.runs`,
    );
    // One effect row per message: the six handled before the crash ran again (at-least-once), the idempotent effect held.
    expect(effects).toEqual([
      { runs: 1, n: 4 },
      { runs: 2, n: 6 },
    ]);
  });

  it('wakes on the commit of a message (NOTIFY), not by the fallback poll', async () => {
    const d = dispatcher();
    let arrived!: (message: OutboxMessage) => void;
    const delivery = new Promise<OutboxMessage>((resolve) => (arrived = resolve));
    const seen: string[] = [];
    d.handle('test.wake', async (message) => {
      seen.push(message.dedupeKey);
      arrived(message);
    });
    // A fallback poll an hour away: only the notification can bring the message in time.
    await d.start({ fallbackMs: 3_600_000 });
    let inserted = false;
    await transaction(t.db, async (tx) => {
      await enqueue(t.db, tx, t.clock, { topic: 'test.wake', dedupeKey: 'test.wake:1', payload: { hello: 'world' } });
      inserted = true;
      // Told to wake while the insert is uncommitted, the dispatcher finds nothing to claim.
      d.wake();
    });
    expect(inserted).toBe(true);
    const message = await delivery;
    expect(message.payload).toEqual({ hello: 'world' });
    await d.stop();
    expect(seen).toEqual(['test.wake:1']);
    expect(await statusOf('test.wake')).toEqual([{ status: 'sent', attempts: 1, n: 1 }]);
  });
});
