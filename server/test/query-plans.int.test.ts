import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCapturingQueries, type CapturedQuery } from '../src/platform/database.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { addCheckInOrders, BENCH_PASSWORD, clientEmail, seedBenchData, seedUuid } from '../../bench/seed.ts';

/**
 * No sequential scan on a big table (issue #17): the endpoints `bench/api`
 * measures are driven through the API over the bench's seed (enough rows
 * that the planner prefers an index wherever the table is big in
 * production, then ANALYZE), their queries captured by the database
 * layer's switch (`CHORECAT_QUERY_CAPTURE`), and each one EXPLAINed with its
 * own parameters. A Seq Scan on any table over 10,000 rows fails.
 */
const SIZES = { clients: 10_500, workers: 100, orders: 24_000, weeks: 6 };
const BIG = 10_000;

const captureDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-plans-'));
const captureFile = path.join(captureDir, 'queries.jsonl');
process.env.CHORECAT_QUERY_CAPTURE = captureFile;

let t: TestPlatform;
const captured = new Map<string, CapturedQuery[]>();

beforeAll(async () => {
  t = await createTestPlatform();
  const t0 = t.clock.now();
  await seedBenchData(t.platform, SIZES, t0);
  const checkIns = await addCheckInOrders(t.db, { label: 'plans', now: t0, workers: SIZES.workers, clients: SIZES.clients, perWorker: 1 });
  await t.db.sequelize.query('ANALYZE');
  const token = async (kind: 'client' | 'worker', n: number) =>
    (await t.platform.kernel.tokens.issueAccessToken({ id: seedUuid(`${kind}${n}`), roles: [kind] })).token;
  const client = await token('client', 7);
  const clientId = seedUuid('client7');
  const [order] = (
    await t.db.pool.query<{ id: string }>(`SELECT id FROM orders WHERE client_id = $1 AND status = 'completed' LIMIT 1`, [clientId])
  ).rows;
  const [event] = (
    await t.db.pool.query<{ id: string }>('SELECT id FROM events WHERE $1 = ANY (audience) ORDER BY tx, seq LIMIT 1', [clientId])
  ).rows;
  expect(order && event).toBeTruthy();
  const slot = checkIns[0]!;
  const worker = await token('worker', slot.workerIndex);

  // Only the endpoints' queries from here on.
  writeFileSync(captureFile, '');
  const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
  const drive: [string, () => Promise<{ status: number }>][] = [
    [
      'GET /v1/orders',
      () => t.api.get('/v1/orders').query({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', limit: 20 }).set(bearer(client)),
    ],
    ['GET /v1/orders/{id}', () => t.api.get(`/v1/orders/${order!.id}`).set(bearer(client))],
    ['GET /v1/orders/{id}/timeline', () => t.api.get(`/v1/orders/${order!.id}/timeline`).set(bearer(client))],
    ['GET /v1/invoices/upcoming', () => t.api.get('/v1/invoices/upcoming').set(bearer(client))],
    ['GET /v1/events?after=', () => t.api.get('/v1/events').query({ after: event!.id, limit: 20 }).set(bearer(client))],
    [
      'POST /v1/orders',
      () =>
        t.api
          .post('/v1/orders')
          .set({ ...bearer(client), 'idempotency-key': randomUUID() })
          .send({
            serviceTypeId: seedUuid('service-type:quick'),
            startsAt: new Date(t0.getTime() + 12 * 86_400_000).toISOString(),
            address: '1 Plan Street',
          }),
    ],
    [
      'POST /v1/orders/{id}/check-in',
      () => t.api.post(`/v1/orders/${slot.orderId}/check-in`).set(bearer(worker)).send({ photoId: slot.photoId }),
    ],
    ['POST /v1/auth/login', () => t.api.post('/v1/auth/login').send({ email: clientEmail(7), password: BENCH_PASSWORD })],
  ];
  for (const [name, request] of drive) {
    const before = readFileSync(captureFile, 'utf8').length;
    const response = await request();
    expect(response.status, name).toBeLessThan(300);
    const lines = readFileSync(captureFile, 'utf8').slice(before).split('\n').filter(Boolean);
    captured.set(
      name,
      // The capture also writes the ids a RETURNING handed back (`{ result, ids }`), for replays: not queries.
      lines
        .map((line) => JSON.parse(line) as CapturedQuery | { result: number })
        .filter((entry): entry is CapturedQuery => 'text' in entry),
    );
  }
}, 600_000);

afterAll(async () => {
  await t?.close();
  delete process.env.CHORECAT_QUERY_CAPTURE;
  stopCapturingQueries();
  rmSync(captureDir, { recursive: true, force: true });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const here = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** Statements with a plan: not transaction control, session settings or the ORM's type lookup (a leading comment aside). */
const planned = (text: string) => /^(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(text.replace(/^\s*\/\*[^*]*\*\/\s*/, '').trimStart());

describe('query plans of the measured endpoints', () => {
  it('captured every endpoint’s queries', () => {
    for (const [name, queries] of captured) expect(queries.filter((q) => planned(q.text)).length, name).toBeGreaterThan(0);
  });

  it('scan no table over 10,000 rows sequentially', async () => {
    const sizes = new Map(
      (
        await t.db.pool.query<{ relname: string; rows: number }>(
          `SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r'`,
        )
      ).rows.map((r) => [r.relname, Number(r.rows)]),
    );
    // The planner must see production-like sizes, or the check proves nothing.
    for (const table of ['orders', 'order_timeline', 'order_photos', 'files', 'kits', 'users', 'billable_orders', 'events']) {
      expect(sizes.get(table), table).toBeGreaterThan(BIG);
    }
    const offenders: string[] = [];
    const client = await t.db.pool.connect();
    try {
      for (const [name, queries] of captured) {
        for (const query of queries) {
          if (!planned(query.text) || /^\s*WITH ranges AS/i.test(query.text)) continue;
          const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.text}`, query.values);
          const plan = result.rows[0]!['QUERY PLAN'][0].Plan;
          for (const table of seqScans(plan)) {
            if ((sizes.get(table) ?? 0) > BIG)
              offenders.push(
                `${name}: Seq Scan on ${table} (${sizes.get(table)} rows) in ${query.text.replace(/\s+/g, ' ').slice(0, 300)}`,
              );
          }
        }
      }
    } finally {
      client.release();
    }
    expect(offenders).toEqual([]);
  });
});
