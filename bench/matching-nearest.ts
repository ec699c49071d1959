/**
 * Nearest-available ranking benchmark (issue #19): 10,000 active workers
 * with home bases spread over Germany, a fifth of them busy in the order's
 * slot (scheduled orders overlapping it), and matching's own ranking
 * (`rankCandidates` with `MATCHING_RANKING=nearest`: the pool, the busy,
 * then identity's KNN query on the GiST index over earthdistance) asked
 * for orders at random points. Measured against the exact answer without
 * the index (every free worker's great-circle distance, sorted), which
 * must give the same nearest 100 in the same order. Prints one JSON object.
 *
 *   npm run bench:matching        # BENCH_WORKERS=10000, BENCH_QUERIES=200; BENCH_DB_PORT to pin PostgreSQL's port
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase, sql } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { createMatcher } from '../server/src/modules/matching/application/match-order.ts';
import { NEAREST_LIMIT, rankCandidates } from '../server/src/modules/matching/application/rank-candidates.ts';
import { seededRandom } from '../server/src/modules/matching/domain/matching.ts';
import { benchPlatform } from './bench-platform.ts';
import { figure, machine } from './figures.ts';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const BUSY_SHARE = 5; // one worker in five is busy in the slot
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-matching-bench-'));
const logger = createLogger({ level: 'silent' });
const log = (line: string) => process.stderr.write(`bench:matching ${line}\n`);
const port = Number(process.env.BENCH_DB_PORT ?? 57_000 + Math.floor(Math.random() * 1000));
const embedded = await startEmbeddedPostgres({ dataDir, port, database: 'chorecat', logger });
const db = connectDatabase(embedded.url, logger);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
try {
  await migrate(db, logger, ROLES);
  const platform = await benchPlatform(db, logger, { MATCHING_RANKING: 'nearest' });
  const kernel = platform.kernel;
  const startsAt = new Date('2031-03-04T10:00:00Z');
  const endsAt = new Date('2031-03-04T12:00:00Z');

  // Home bases over Germany's box (47.3–55.0 N, 5.9–15.0 E), a fixed pseudo-random spread (integer hashing: the same every run).
  const seeded = performance.now();
  await db.pool.query(
    `INSERT INTO users (email, name, password_hash, roles, email_verified_at, home_lat_e6, home_lng_e6)
     SELECT 'worker' || g || '@bench.chorecat.test', 'Bench Worker ' || g, 'x', ARRAY['worker'], now(),
            47300000 + (g::bigint * 2654435761 % 7700000), 5900000 + (g::bigint * 40503 * 97 % 9100000)
     FROM generate_series(1, $1) g`,
    [WORKERS],
  );
  const [client] = await sql<{ id: string }>(
    db,
    `INSERT INTO users (email, name, password_hash, roles) VALUES ('client@bench.chorecat.test', 'Bench Client', 'x', ARRAY['client']) RETURNING id`,
  );
  const [serviceType] = await sql<{ id: string }>(
    db,
    `INSERT INTO service_types (name, duration_minutes, created_at, updated_at) VALUES ('Bench chore', 120, now(), now()) RETURNING id`,
  );
  // The busy fifth: each holds a scheduled order overlapping the slot by an hour.
  await db.pool.query(
    `INSERT INTO orders (client_id, worker_id, service_type_id, starts_at, ends_at, address, status, price_cents, created_at, updated_at)
     SELECT $1, u.id, $2, $3::timestamptz + interval '1 hour', $3::timestamptz + interval '3 hours', 'elsewhere', 'scheduled', 10000, now(), now()
     FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE 'worker' = ANY(roles)) u WHERE u.n % $4 = 0`,
    [client!.id, serviceType!.id, startsAt, BUSY_SHARE],
  );
  await db.pool.query('ANALYZE');
  const seedMs = performance.now() - seeded;
  log(`seeded ${WORKERS} workers in ${Math.round(seedMs)} ms`);

  const random = seededRandom(19);
  const points = Array.from({ length: QUERIES }, () => ({ lat: 47.3 + random() * 7.7, lng: 5.9 + random() * 9.1 }));
  const matcher = createMatcher(kernel, seededRandom(1), {
    name: 'bench',
    // The order's address is the point: the geocoder is not what is measured.
    locate: async (address) => points[Number(address)] ?? null,
  });
  const slot = (i: number) => ({
    orderId: '00000000-0000-4000-8000-000000000000',
    clientId: client!.id,
    serviceTypeId: serviceType!.id,
    startsAt,
    endsAt,
    status: 'matching' as const,
    address: String(i),
  });

  // The exact answer, no index: every free worker's distance, sorted.
  const exact = (p: { lat: number; lng: number }) =>
    sql<{ id: string }>(
      db,
      `SELECT id FROM users u
        WHERE home_lat_e6 IS NOT NULL AND 'worker' = ANY(roles) AND NOT disabled AND erased_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.worker_id = u.id AND o.status IN ('scheduled', 'in_progress', 'reported', 'completed')
                            AND tstzrange(o.starts_at, o.ends_at) && tstzrange($3, $4))
        ORDER BY earth_distance(ll_to_earth(home_lat_e6 / 1e6::float8, home_lng_e6 / 1e6::float8), ll_to_earth($1, $2)), id
        LIMIT ${NEAREST_LIMIT}`,
      [p.lat, p.lng, startsAt, endsAt],
    );

  // Warm-up (plans, caches), then the timed runs: wall and this process's CPU, each query alone.
  for (let i = 0; i < 5; i++) await rankCandidates(matcher, slot(i));
  const rankMs: number[] = [];
  let busyRanked = 0;
  let mismatches = 0;
  const busy = new Set(
    (
      await sql<{ worker_id: string }>(
        db,
        "SELECT worker_id FROM orders WHERE status = 'scheduled' AND tstzrange(starts_at, ends_at) && tstzrange($1, $2)",
        [startsAt, endsAt],
      )
    ).map((r) => r.worker_id),
  );
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    const ranked = await rankCandidates(matcher, slot(i));
    rankMs.push(performance.now() - started);
    const top = ranked.workerIds.slice(0, NEAREST_LIMIT);
    busyRanked += top.filter((id) => busy.has(id)).length;
    if (ranked.ranking !== 'nearest' || top.length !== NEAREST_LIMIT) mismatches++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const exactMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    const rows = await exact(points[i]!);
    exactMs.push(performance.now() - started);
    // The arc and the index's chord grow together: the same workers in the same order.
    const ranked = (await rankCandidates(matcher, slot(i))).workerIds.slice(0, NEAREST_LIMIT);
    if (JSON.stringify(rows.map((r) => r.id)) !== JSON.stringify(ranked)) mismatches++;
  }
  const explained = await db.pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT id FROM users WHERE home_lat_e6 IS NOT NULL AND 'worker' = ANY(roles) AND NOT disabled AND erased_at IS NULL AND id <> ALL($3::uuid[])
      ORDER BY ll_to_earth(home_lat_e6 / 1e6::float8, home_lng_e6 / 1e6::float8) <-> ll_to_earth($1, $2), id LIMIT ${NEAREST_LIMIT}`,
    [52.52, 13.405, [...busy]],
  );
  const usesIndex = explained.rows.some((r) => /Index Scan using users_home_base/.test(r['QUERY PLAN'])) ? 1 : 0;
  rankMs.sort((a, b) => a - b);
  exactMs.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'matching',
      machine: machine(),
      sizes: { workers: WORKERS, busy: busy.size, queries: QUERIES, limit: NEAREST_LIMIT },
      seedMs: Math.round(seedMs),
      figures: [
        // Wall times move with the machine's load (PostgreSQL shares the two cores); the CPU figure is this process's only.
        figure('nearest ranking (rankCandidates), p50', round(percentile(rankMs, 50)), 'ms', '< 100'),
        figure('nearest ranking (rankCandidates), p99', round(percentile(rankMs, 99)), 'ms'),
        figure('nearest ranking, CPU of this process per ranking', round((cpu.user + cpu.system) / 1000 / QUERIES), 'ms', '< 25'),
        figure('exact scan without the index, p50', round(percentile(exactMs, 50)), 'ms'),
        figure('exact scan / ranking, p50', round(percentile(exactMs, 50) / percentile(rankMs, 50)), 'ratio'),
        figure('rankings unlike the exact nearest 100', mismatches, 'rankings', '== 0'),
        figure('busy workers among the ranked', busyRanked, 'workers', '== 0'),
        figure('KNN query walks the GiST index', usesIndex, 'bool', '== 1'),
      ],
    })}\n`,
  );
  await platform.stop();
} finally {
  await db.close();
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
