import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';

/** The users screen shows a worker's home base (nearest-available matching) as staff read a point. */
describe('home base in the panel', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ mountBeforeApi: testPanel() });
  });
  afterAll(() => t.close());

  it('shows the home base the worker set through PATCH /v1/me, blank for a user without one', async () => {
    const manager = await t.userWithRoles(['manager']);
    const [placed, unplaced] = [await t.userWithRoles(['worker']), await t.userWithRoles(['worker'])];
    const set = await t.api
      .patch('/v1/me')
      .set('authorization', `Bearer ${placed.token}`)
      .send({ homeBase: { lat: 52.5200066, lng: -13.4049 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.homeBase).toEqual({ lat: 52.520007, lng: -13.4049 });
    const panel = await signedInPanel(t, manager.email);
    const show = async (id: string) => (await panel.get(`/admin/api/resources/users/records/${id}/show`).expect(200)).body.record.params;
    expect((await show(placed.id)).homeBase).toBe('52.520007, -13.404900');
    expect((await show(unplaced.id)).homeBase).toBe('');
  });
});
