import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { seededRandom } from '../../matching/index.ts';
import type { BillingService } from '../../billing/index.ts';
import type { FilesService } from '../../files/index.ts';
import type { OrderEventPayload } from '../../orders/index.ts';
import type { Quality } from '../application/context.ts';
import { onOrderCompleted } from '../application/open-review.ts';

/** Sampling completed orders into the queue on the real database, with a seeded random source. */
describe('quality: sampling completed orders', () => {
  let t: TestPlatform;
  const quality = (percent: number, seed: number): Quality => {
    const provided = (name: string) => t.platform.modules.find((m) => m.name === name)!.provides;
    return {
      kernel: { ...t.platform.kernel, config: { ...t.platform.kernel.config, reviewSamplePercent: percent } },
      billing: (provided('billing') as BillingService).reviewCorrections,
      files: provided('files') as FilesService,
      random: seededRandom(seed),
    };
  };
  const completed = (): OrderEventPayload => ({
    orderId: randomUUID(),
    clientId: randomUUID(),
    workerId: randomUUID(),
    serviceTypeId: randomUUID(),
    startsAt: '2032-03-05T10:00:00.000Z',
    endsAt: '2032-03-05T11:00:00.000Z',
    address: '1 Catnip Lane',
    status: 'completed',
    price: '100.00',
  });
  const sampledAmong = async (ids: string[]) =>
    Number(
      (
        await sql<{ n: string }>(t.db, "SELECT count(*)::text AS n FROM reviews WHERE reason = 'sampled' AND order_id = ANY($1::uuid[])", [
          ids,
        ])
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.close());

  it('defaults to 5 %', () => {
    expect(t.platform.kernel.config.reviewSamplePercent).toBe(5);
  });

  it('samples 5 % of 2,000 completed orders within tolerance, each order drawn once however often its event comes', async () => {
    const q = quality(5, 42);
    const orders = Array.from({ length: 2000 }, completed);
    for (const order of orders) await onOrderCompleted(q, order);
    const ids = orders.map((o) => o.orderId);
    const sampled = await sampledAmong(ids);
    expect(sampled).toBeGreaterThanOrEqual(70);
    expect(sampled).toBeLessThanOrEqual(130);
    // Every draw is recorded, and the reviews are exactly the draws that came up.
    const [draws] = await sql<{ n: string; yes: string }>(
      t.db,
      'SELECT count(*)::text AS n, count(*) FILTER (WHERE sampled)::text AS yes FROM review_sampling_draws WHERE order_id = ANY($1::uuid[])',
      [ids],
    );
    expect(draws).toEqual({ n: '2000', yes: String(sampled) });
    // Redelivered events draw again never: at 100 % now, still the same reviews.
    const always = quality(100, 1);
    for (const order of orders.slice(0, 200)) expect(await onOrderCompleted(always, order)).toBe(false);
    expect(await sampledAmong(ids)).toBe(sampled);
  });

  it('samples none at 0 % and all at 100 %', async () => {
    const none = Array.from({ length: 50 }, completed);
    for (const order of none) expect(await onOrderCompleted(quality(0, 3), order)).toBe(false);
    expect(await sampledAmong(none.map((o) => o.orderId))).toBe(0);
    const all = Array.from({ length: 50 }, completed);
    for (const order of all) expect(await onOrderCompleted(quality(100, 3), order)).toBe(true);
    expect(await sampledAmong(all.map((o) => o.orderId))).toBe(50);
  });
});
