import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';

/** Hiring → Worker Profiles shows where each worker is based (identity's home base, nearest-available matching). */
describe('worker locations on the worker screen', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ mountBeforeApi: testPanel() });
  });
  afterAll(() => t.close());

  it('lists and shows each worker’s home base, "(not set)" for a worker without one', async () => {
    const manager = await t.userWithRoles(['manager']);
    const [placed, unplaced] = [await t.userWithRoles(['worker']), await t.userWithRoles(['worker'])];
    const set = await t.api
      .patch('/v1/me')
      .set('authorization', `Bearer ${placed.token}`)
      .send({ homeBase: { lat: 48.137154, lng: 11.576124 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    for (const [i, w] of [placed, unplaced].entries()) {
      await sql(
        t.db,
        `INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at)
         VALUES ($1, $2, $3, 'Siamese', 3, '{claws}', now())`,
        [w.id, `CLW-SIA-2031-010${i}`, `Worker ${i}`],
      );
    }
    const panel = await signedInPanel(t, manager.email);
    const listed = (await panel.get('/admin/api/resources/worker_profiles/actions/list').expect(200)).body.records as {
      id: string;
      params: { userId: string; homeBase: string };
    }[];
    const byUser = new Map(listed.map((r) => [r.params.userId, r]));
    expect(byUser.get(placed.id)?.params.homeBase).toBe('48.137154, 11.576124');
    expect(byUser.get(unplaced.id)?.params.homeBase).toBe('(not set)');
    const shown = await panel.get(`/admin/api/resources/worker_profiles/records/${byUser.get(placed.id)!.id}/show`).expect(200);
    expect(shown.body.record.params.homeBase).toBe('48.137154, 11.576124');
  });
});
