import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { seedDemoAccounts } from '../../identity/index.ts';
import { seedDemoHiring } from '../index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

/** Several processes starting on a fresh database at once each seed the demo data (issue #18, fault 3). */
describe('hiring: the demo seed', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
    await seedDemoAccounts(t.platform.kernel);
  });
  afterAll(() => t.close());

  it('seeds one vacancy and one profile per demo worker when six seeds race on a fresh database', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => seedDemoHiring(t.platform.kernel)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    expect(created.filter((line) => line.startsWith('vacancy:'))).toHaveLength(1);
    expect(created.filter((line) => line.startsWith('worker profile:'))).toHaveLength(5);
    const [counts] = await sql<{ vacancies: number; profiles: number; codes: number }>(
      t.db,
      `SELECT (SELECT count(*)::int FROM vacancies) AS vacancies, (SELECT count(*)::int FROM worker_profiles) AS profiles,
              (SELECT count(DISTINCT worker_code)::int FROM worker_profiles) AS codes`,
    );
    expect(counts).toEqual({ vacancies: 1, profiles: 5, codes: 5 });
    // And a later start seeds nothing more.
    expect(await seedDemoHiring(t.platform.kernel)).toEqual([]);
  });
});
