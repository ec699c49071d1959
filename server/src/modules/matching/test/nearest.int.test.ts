import { describe, it, expect, afterEach } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { assignWorker, findOrderSlot } from '../../orders/index.ts';
import { createMatcher, matchOrder } from '../application/match-order.ts';
import { rankCandidates } from '../application/rank-candidates.ts';
import { haversineMeters, type GeoPoint } from '../domain/geo.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitsReady } from '../../../../test/helpers/orders.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const ORDER_AT: GeoPoint = { lat: 52.52, lng: 13.405 };

/**
 * Nearest-available ranking (issue #19) on a fixed set of points, against
 * the real database and its GiST index on earthdistance: only active
 * workers free for the order's whole slot, nearest first, the distances
 * those of the great circle; an address the geocoder cannot place falls
 * back to least-recently-assigned, said in the attempt.
 */
describe('nearest-available ranking', () => {
  let t: TestPlatform | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setUp() {
    t = await createTestPlatform({ env: { MATCHING_RANKING: 'nearest' } });
    const manager = await t.userWithRoles(['manager']);
    const client = await t.userWithRoles(['client']);
    const serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Sofa scratching', description: '', durationMinutes: 120 })
    ).body.id as string;
    const order = async (startsAt: Date, address: string) => {
      const res = await t!.api
        .post('/v1/orders')
        .set('authorization', `Bearer ${client.token}`)
        .send({ serviceTypeId, startsAt: startsAt.toISOString(), address });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const worker = async (homeBase: GeoPoint | null) => {
      const w = await t!.userWithRoles(['worker']);
      if (homeBase) {
        const res = await t!.api.patch('/v1/me').set('authorization', `Bearer ${w.token}`).send({ homeBase });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.homeBase).toEqual(homeBase);
      }
      return w.id;
    };
    return { t, client, order, worker };
  }

  it('ranks the free workers nearest first by great-circle distance, leaving out the busy, the disabled and the client', async () => {
    const { t, client, order, worker } = await setUp();
    const points: Record<string, GeoPoint> = {
      north1km: { lat: 52.529, lng: 13.405 },
      east3km: { lat: 52.52, lng: 13.45 },
      north9km: { lat: 52.6, lng: 13.405 },
      munich: { lat: 48.1351, lng: 11.582 },
      // Right next to the order, but unavailable one way or another:
      overlapping: { lat: 52.5201, lng: 13.405 },
      disabled: { lat: 52.5202, lng: 13.405 },
      // Busy until exactly the order's start: free for the whole slot.
      adjacent: { lat: 52.5203, lng: 13.4052 },
    };
    const ids: Record<string, string> = {};
    // Made in an order unlike the distances', so an id or insertion order cannot pass for the ranking.
    for (const name of ['munich', 'overlapping', 'east3km', 'adjacent', 'north9km', 'disabled', 'north1km'])
      ids[name] = await worker(points[name]!);
    const homeless = await worker(null);
    await t.db.pool.query('UPDATE users SET disabled = true WHERE id = $1', [ids.disabled]);
    // The client is a worker too, living at the order's very address: never a candidate for its own order.
    await t.db.pool.query(
      "UPDATE users SET roles = ARRAY['client', 'worker'], home_lat_e6 = 52520000, home_lng_e6 = 13405000 WHERE id = $1",
      [client.id],
    );

    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const target = await order(startsAt, `1 Test Street @${ORDER_AT.lat},${ORDER_AT.lng}`);
    // Two earlier engagements: one overlapping the last hour of the slot, one ending as the slot begins.
    const overlap = await order(new Date(startsAt.getTime() + HOUR), '2 Other Street');
    const before = await order(new Date(startsAt.getTime() - 2 * HOUR), '3 Other Street');
    expect(await bringKitsReady(t, [target, overlap, before], { match: false })).toEqual(['matching', 'matching', 'matching']);
    await assignWorker(t.platform.kernel, overlap, ids.overlapping!, Money.parse('100.00'));
    await assignWorker(t.platform.kernel, before, ids.adjacent!, Money.parse('100.00'));

    const matcher = createMatcher(t.platform.kernel);
    const ranked = await rankCandidates(matcher, (await findOrderSlot(t.platform.kernel, target))!);
    expect(ranked.ranking).toBe('nearest');
    const expected = ['adjacent', 'north1km', 'east3km', 'north9km', 'munich'];
    expect(ranked.workerIds).toEqual([...expected.map((n) => ids[n]), homeless]);
    // PostgreSQL's great circle and ours agree to the metre (the same earth radius).
    for (const name of expected) {
      const metres = ranked.distances.get(ids[name]!)!;
      expect(Math.abs(metres - haversineMeters(ORDER_AT, points[name]!)), name).toBeLessThanOrEqual(1);
    }
    expect(ranked.distances.get(ids.north1km!)).toBeGreaterThan(990);
    expect(ranked.distances.get(ids.north1km!)).toBeLessThan(1010);
    expect(ranked.distances.get(ids.munich!)! / 1000).toBeCloseTo(504, -1);
    expect(ranked.note).toMatch(/^address at 52\.52000,13\.40500 \(stand-in geocoder\); 1 worker without a home base ranked last/);

    // The match takes the nearest free one, and the attempt says how it was ranked.
    expect(await matchOrder(matcher, target)).toBe('assigned');
    const [attempt] = await sql<{ ranking: string; note: string; candidates: string[]; chosen: string }>(
      t.db,
      'SELECT ranking, note, candidates, chosen FROM matching_attempts WHERE order_id = $1',
      [target],
    );
    expect(attempt).toMatchObject({ ranking: 'nearest', chosen: ids.adjacent, candidates: ranked.workerIds });
    expect(attempt!.note).toContain('stand-in geocoder');
  }, 120_000);

  it('the ranking query walks the GiST index on the home base (KNN), on a pool of 5,000', async () => {
    const { t } = await setUp();
    await t.db.pool.query(
      `INSERT INTO users (email, name, password_hash, roles, home_lat_e6, home_lng_e6)
       SELECT 'knn' || g || '@chorecat.test', 'Knn ' || g, 'x', ARRAY['worker'], 47000000 + (g * 7919) % 8000000, 6000000 + (g * 104729) % 9000000
       FROM generate_series(1, 5000) g`,
    );
    await t.db.pool.query('ANALYZE users');
    // The shape of identity's nearestWorkerRows: the busy left out by id, nearest first, a limit.
    const { rows } = await t.db.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM users
        WHERE home_lat_e6 IS NOT NULL AND 'worker' = ANY(roles) AND NOT disabled AND erased_at IS NULL AND id <> ALL($1::uuid[])
        ORDER BY ll_to_earth(home_lat_e6 / 1e6::float8, home_lng_e6 / 1e6::float8) <-> ll_to_earth(52.52, 13.405), id LIMIT 100`,
      [[]],
    );
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using users_home_base/);
    // The embedded PostgreSQL has cube and earthdistance, and no PostGIS.
    const { rows: ext } = await t.db.pool.query<{ name: string; installed: boolean }>(
      "SELECT name, installed_version IS NOT NULL AS installed FROM pg_available_extensions WHERE name IN ('cube', 'earthdistance', 'postgis') ORDER BY name",
    );
    expect(ext).toEqual([
      { name: 'cube', installed: true },
      { name: 'earthdistance', installed: true },
    ]);
  });

  it('falls back to least-recently-assigned for an address the geocoder cannot place, and says so in the attempt', async () => {
    const { t, order, worker } = await setUp();
    const [near, far] = [await worker({ lat: 52.5201, lng: 13.405 }), await worker({ lat: 53.55, lng: 9.99 })];
    const base = t.clock.now().getTime() + 2 * DAY;
    // `near` was assigned an order before (so it has waited less): least-recently-assigned puts `far` first.
    const earlier = await order(new Date(base), '1 Catnip Lane');
    expect(await bringKitsReady(t, [earlier], { match: false })).toEqual(['matching']);
    await assignWorker(t.platform.kernel, earlier, near, Money.parse('100.00'));

    const nowhere = await order(new Date(base + 4 * HOUR), 'Under the big oak, third branch');
    const demo = await order(new Date(base + 8 * HOUR), '9 Whisker Way');
    expect(await bringKitsReady(t, [nowhere, demo], { match: false })).toEqual(['matching', 'matching']);
    const matcher = createMatcher(t.platform.kernel);
    expect(await matchOrder(matcher, nowhere)).toBe('assigned');
    expect(await matchOrder(matcher, demo)).toBe('assigned');
    const attempts = await sql<{ order_id: string; ranking: string; note: string; candidates: string[]; chosen: string }>(
      t.db,
      'SELECT order_id, ranking, note, candidates, chosen FROM matching_attempts WHERE order_id = ANY($1::uuid[])',
      [[nowhere, demo]],
    );
    const of = (id: string) => attempts.find((a) => a.order_id === id)!;
    expect(of(nowhere)).toMatchObject({ ranking: 'least-recently-assigned', candidates: [far, near], chosen: far });
    expect(of(nowhere).note).toBe('nearest: the stand-in geocoder could not place the address; ranked least-recently-assigned');
    // A demo address is in the stand-in's table (Kreuzberg-ish): Berlin's worker before Hamburg's.
    expect(of(demo)).toMatchObject({ ranking: 'nearest', candidates: [near, far] });
    expect(of(demo).note).toMatch(/^address at 52\.48620,13\.43580 \(stand-in geocoder\)$/);
  }, 120_000);
});
