import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { connectDatabase, sql, type Database } from '../database.ts';
import { createLogger } from '../logger.ts';
import { PostgresRateLimitStore, leaseSize } from '../http/rate-limit.ts';

/** Two stores on one database stand for two server processes behind a load balancer. */
function storeOf(db: Database, limit: number): PostgresRateLimitStore {
  const store = new PostgresRateLimitStore(db, 'lease-test:');
  store.init({ windowMs: 60_000, limit } as never);
  return store;
}

describe('rate limit leases shared by several processes', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectDatabase(database.url, createLogger({ level: 'silent' }));
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('lease one slot at a time under 64 and near the limit, at most 16 and 1/32 of the rest far from it', () => {
    expect([3, 20, 40, 63].map((limit) => leaseSize(limit, 0))).toEqual([1, 1, 1, 1]);
    expect(leaseSize(600, 0)).toBe(16);
    expect(leaseSize(600, 560)).toBe(1);
    expect(leaseSize(100_000, 0)).toBe(16);
  });

  it('never let more than the limit through across processes, and refuse at most the others’ unused leases early', async () => {
    const limit = 1_000;
    const [a, b] = [storeOf(db, limit), storeOf(db, limit)];
    let allowed = 0;
    let firstRefusal: number | undefined;
    // Interleaved and concurrent, as two busy processes would be.
    for (let round = 0; round < 60; round++) {
      const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? b : a).increment('203.0.113.9')));
      for (const { totalHits } of hits) {
        if (totalHits <= limit) allowed++;
        else firstRefusal ??= round * 20;
      }
    }
    expect(allowed).toBeLessThanOrEqual(limit);
    // The other process holds at most one unused lease of at most 16.
    expect(allowed).toBeGreaterThanOrEqual(limit - 16);
    expect(firstRefusal).toBeDefined();
    const [row] = await sql<{ hits: number }>(db, "SELECT hits FROM rate_limit_hits WHERE key = 'lease-test:203.0.113.9'");
    // The shared count holds at least every slot handed out.
    expect(row!.hits).toBeGreaterThanOrEqual(allowed);
  });

  it('count exactly at a small limit, one upsert per request, and refuse from memory past it', async () => {
    const [a, b] = [storeOf(db, 4), storeOf(db, 4)];
    const totals: number[] = [];
    for (const store of [a, b, a, b, b, a, a]) totals.push((await store.increment('198.51.100.4')).totalHits);
    expect(totals).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // a saw the shared count at 6 (b's first refusal was 5); the refusals after it came from memory.
    const [row] = await sql<{ hits: number }>(db, "SELECT hits FROM rate_limit_hits WHERE key = 'lease-test:198.51.100.4'");
    expect(row!.hits).toBe(6);
  });
});
