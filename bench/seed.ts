/**
 * Realistic data for `bench/api` and the query-plan test, written by set
 * SQL (INSERT … SELECT over generate_series) in seconds rather than through
 * the use cases in hours, but only rows the real code accepts: every table
 * constraint holds (the worker no-overlap exclusion, the status/worker/price
 * checks, kits' cookie rules, files' hashes), each order's timeline follows
 * the lifecycle table (domain/order-lifecycle.ts) to its status, completed
 * orders reach billing as billable orders in the period the weekly job
 * assigns, and the year of invoices is issued by the real weekly job
 * (`issueWeeklyInvoices`, one run per Sunday), so its ledger postings are
 * the ledger's own and balance.
 *
 * Time: everything is placed around an anchor `t0` (the seed time). Orders
 * that hold a worker's slot lie either before `t0 - 2 h` or from `t0 + 3 days`
 * on, so the per-run check-in orders (`addCheckInOrders`, in the two hours
 * after the run's own now) never collide with them while the data is under
 * three days old (the bench reseeds older data).
 */
import { createHash } from 'node:crypto';
import type { Platform } from '../server/src/app.ts';
import { execute, sql } from '../server/src/platform/database.ts';
import { hashPassword } from '../server/src/modules/identity/index.ts';
import { issueWeeklyInvoices } from '../server/src/modules/billing/application/issue-weekly-invoices.ts';
import { lastCronOccurrence } from '../server/src/platform/scheduler.ts';
import { INVOICE_CRON } from '../server/src/modules/billing/application/invoices.ts';
import { PAYMENT_PROVIDERS } from '../server/src/modules/billing/infra/providers/index.ts';

export interface SeedSizes {
  clients: number;
  workers: number;
  orders: number;
  /** Weeks of invoices before the anchor (52: a year). */
  weeks: number;
}

export const FULL_SIZES: SeedSizes = { clients: 10_000, workers: 500, orders: 200_000, weeks: 52 };
export const QUICK_SIZES: SeedSizes = { clients: 2_000, workers: 100, orders: 20_000, weeks: 8 };

/** Bump when the seed's rows change: the bench's cached data is keyed by it. */
export const SEED_VERSION = 1;

/** Every seeded account's password (one argon2 hash shared by all, made once). */
export const BENCH_PASSWORD = 'chorecat-bench-password';

export const clientEmail = (n: number) => `client${n}@bench.chorecat.test`;
export const workerEmail = (n: number) => `worker${n}@bench.chorecat.test`;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A deterministic UUID from a label (the same on every clone of the seeded database). */
export function seedUuid(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The service types: `quick` (15 minutes) is the one the per-run check-in orders use. */
export const SERVICE_TYPES = [
  { key: 'quick', name: 'Quick check', minutes: 15 },
  { key: 'litter', name: 'Litter box deep clean', minutes: 60 },
  { key: 'grooming', name: 'Grooming', minutes: 90 },
  { key: 'sofa', name: 'Sofa de-furring', minutes: 120 },
] as const;

export async function seedBenchData(platform: Platform, sizes: SeedSizes, t0: Date): Promise<{ steps: Record<string, number> }> {
  const { db, config } = platform.kernel;
  const steps: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    steps[name] = Math.round(performance.now() - started);
  };
  const tz = config.businessTimeZone;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const start = new Date(t0.getTime() - sizes.weeks * 7 * DAY);
  const end = new Date(t0.getTime() + 30 * DAY);
  const slots = Math.ceil(sizes.orders / sizes.workers);
  // Each worker's orders are one slot apart: at most 2 h long, never overlapping.
  const spacingMs = Math.floor((end.getTime() - start.getTime()) / slots);
  if (spacingMs < 3 * HOUR) throw new Error('too many orders per worker for the period: raise workers or lower orders');

  await step('users', async () => {
    await execute(
      db,
      `INSERT INTO users (id, email, name, password_hash, roles, email_verified_at, created_at, updated_at, address)
       SELECT md5('client' || g)::uuid, 'client' || g || '@bench.chorecat.test', 'Bench Client ' || g, $2, ARRAY['client'], $3, $3, $3,
              g || ' Whisker Lane, Catford'
       FROM generate_series(0, $1 - 1) g`,
      [sizes.clients, passwordHash, start],
    );
    await execute(
      db,
      `INSERT INTO users (id, email, name, password_hash, roles, email_verified_at, created_at, updated_at)
       SELECT md5('worker' || g)::uuid, 'worker' || g || '@bench.chorecat.test', 'Bench Worker ' || g, $2, ARRAY['worker'], $3, $3, $3
       FROM generate_series(0, $1 - 1) g`,
      [sizes.workers, passwordHash, start],
    );
    // Workers who joined before hiring ran on the platform (no application), as the demo seed's.
    await execute(
      db,
      `INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at)
       SELECT md5('worker' || g)::uuid, 'CLEAN-TABBY-' || lpad(g::text, 5, '0'), 'Bench Worker ' || g, 'tabby', 3 + g % 10, ARRAY['cleaning'], $2
       FROM generate_series(0, $1 - 1) g`,
      [sizes.workers, start],
    );
  });

  await step('serviceTypes', async () => {
    for (const type of SERVICE_TYPES) {
      await execute(
        db,
        `INSERT INTO service_types (id, name, description, duration_minutes, kit_items, created_at, updated_at)
         VALUES ($1, $2, $2, $3, $4::jsonb, $5, $5)`,
        [seedUuid(`service-type:${type.key}`), type.name, type.minutes, JSON.stringify([{ name: 'Gloves', quantity: 1 }]), start],
      );
    }
  });

  // One row per order: its slot, time, client, type and the status its time gives it.
  await step('orders', () =>
    execute(
      db,
      `CREATE UNLOGGED TABLE seed_orders AS
       WITH base AS (
         SELECT g, md5('order' || g)::uuid AS id, md5('client' || ((g * 7919) % $2))::uuid AS client_id,
                md5('worker' || (g % $3))::uuid AS worker_id,
                (ARRAY[$7::uuid, $8::uuid, $9::uuid, $10::uuid])[1 + (g / $3) % 4] AS service_type_id,
                (ARRAY[15, 60, 90, 120])[1 + (g / $3) % 4] AS minutes,
                date_trunc('minute', $4::timestamptz + ((g / $3) * $5::bigint + (g % $3 % 12) * 300000) * interval '1 millisecond') AS starts_at,
                (g * 2654435761::bigint) % 100 AS dice
         FROM generate_series(0, $1 - 1) g
       ), timed AS (
         SELECT *, starts_at + minutes * interval '1 minute' AS ends_at FROM base
       ), staged AS (
         SELECT *, CASE
             WHEN ends_at <= $6::timestamptz - interval '3 days' THEN
               CASE WHEN dice < 85 THEN 'completed' WHEN dice < 92 THEN 'cancelled' WHEN dice < 95 THEN 'failed:no_check_in'
                    WHEN dice < 97 THEN 'failed:no_worker' ELSE 'failed:rejected' END
             WHEN ends_at <= $6::timestamptz - interval '2 hours' THEN
               CASE WHEN dice < 60 THEN 'reported' WHEN dice < 80 THEN 'in_progress' ELSE 'completed' END
             WHEN starts_at < $6::timestamptz + interval '3 days' THEN 'cancelled'
             ELSE CASE WHEN dice < 50 THEN 'scheduled' WHEN dice < 75 THEN 'matching' ELSE 'created' END
           END AS stage
         FROM timed
       )
       SELECT *, split_part(stage, ':', 1) AS status, nullif(split_part(stage, ':', 2), '') AS failure_reason,
              stage NOT IN ('created', 'matching', 'cancelled', 'failed:no_worker') AS has_worker,
              stage IN ('in_progress', 'reported', 'completed', 'failed:rejected') AS checked_in,
              stage IN ('reported', 'completed', 'failed:rejected') AS reported,
              least(starts_at - interval '20 days', $6::timestamptz - interval '1 minute') AS created_at,
              CASE WHEN ends_at + interval '1 day' < $6::timestamptz THEN ends_at + interval '1 day' ELSE ends_at + interval '1 hour' END AS completed_at
       FROM staged`,
      [sizes.orders, sizes.clients, sizes.workers, start, spacingMs, t0, ...SERVICE_TYPES.map((t) => seedUuid(`service-type:${t.key}`))],
    ),
  );

  await step('ordersInsert', () =>
    execute(
      db,
      `INSERT INTO orders (id, client_id, worker_id, service_type_id, starts_at, ends_at, address, description, status, failure_reason,
                           price_cents, rating, version, created_at, updated_at, reported_at)
       SELECT id, client_id, CASE WHEN has_worker THEN worker_id END, service_type_id, starts_at, ends_at,
              (g % 997) || ' Whisker Lane, Catford', 'Bench order ' || g, status, failure_reason,
              CASE WHEN has_worker THEN 10000 END, CASE WHEN status = 'completed' AND dice % 3 = 0 THEN 1 + dice % 5 END,
              3, created_at,
              CASE status WHEN 'completed' THEN completed_at WHEN 'failed' THEN greatest(starts_at, created_at) ELSE created_at END,
              CASE WHEN reported THEN ends_at + interval '10 minutes' END
       FROM seed_orders`,
    ),
  );

  // Photos: a check-in photo, then before/after and the signed report, each a file the worker uploaded.
  await step('files', async () => {
    await execute(
      db,
      `INSERT INTO files (id, owner_id, content_type, size_bytes, sha256, created_at)
       SELECT md5(o.id || p.purpose)::uuid, o.worker_id, 'image/jpeg', 48213, encode(sha256((o.id || p.purpose)::bytea), 'hex'),
              o.starts_at - interval '30 minutes'
       FROM seed_orders o CROSS JOIN (VALUES ('check_in', 0), ('before', 1), ('after', 1), ('signed_report', 1)) p (purpose, needs_report)
       WHERE o.checked_in AND (p.needs_report = 0 OR o.reported)`,
    );
    await execute(
      db,
      `INSERT INTO order_photos (order_id, file_id, purpose, position)
       SELECT o.id, md5(o.id || p.purpose)::uuid, p.purpose, 0
       FROM seed_orders o CROSS JOIN (VALUES ('check_in', 0), ('before', 1), ('after', 1), ('signed_report', 1)) p (purpose, needs_report)
       WHERE o.checked_in AND (p.needs_report = 0 OR o.reported)`,
    );
  });

  // The timeline: each order's path through the lifecycle table to its status.
  await step('timeline', () =>
    execute(
      db,
      `INSERT INTO order_timeline (order_id, at, actor_id, actor_role, event, from_status, to_status, reason, file_hashes)
       SELECT o.id, s.at, s.actor_id, s.actor_role, s.event, s.from_status, s.to_status, s.reason, s.file_hashes
       FROM seed_orders o CROSS JOIN LATERAL (VALUES
         (1, true, o.created_at, o.client_id, 'client', 'created', NULL, 'created', NULL, '{}'::text[]),
         (2, o.status <> 'created' AND o.stage NOT IN ('cancelled'), o.created_at + interval '2 hours', NULL, 'supplies', 'kit_ready', 'created', 'matching', NULL, '{}'),
         (3, o.has_worker, o.created_at + interval '3 hours', NULL, 'system', 'worker_assigned', 'matching', 'scheduled', NULL, '{}'),
         (4, o.checked_in, o.starts_at - interval '20 minutes', o.worker_id, 'worker', 'check_in', 'scheduled', 'in_progress', NULL,
             ARRAY[encode(sha256((o.id || 'check_in')::bytea), 'hex')]),
         (5, o.reported, o.ends_at + interval '10 minutes', o.worker_id, 'worker', 'report', 'in_progress', 'reported', NULL,
             ARRAY[encode(sha256((o.id || 'before')::bytea), 'hex'), encode(sha256((o.id || 'after')::bytea), 'hex'),
                   encode(sha256((o.id || 'signed_report')::bytea), 'hex')]),
         (6, o.status = 'completed', o.completed_at, o.client_id, 'client', 'accept', 'reported', 'completed', NULL, '{}'),
         (6, o.stage = 'failed:rejected', o.ends_at + interval '5 hours', o.client_id, 'client', 'reject', 'reported', 'failed', 'Fur everywhere', '{}'),
         (6, o.stage = 'failed:no_check_in', o.starts_at, NULL, 'system', 'no_check_in', 'scheduled', 'failed', NULL, '{}'),
         (6, o.stage = 'failed:no_worker', o.starts_at, NULL, 'system', 'no_worker', 'matching', 'failed', NULL, '{}'),
         (6, o.status = 'cancelled', o.created_at + interval '1 hour', o.client_id, 'client', 'cancel', 'created', 'cancelled', 'Plans changed', '{}')
       ) AS s (n, happened, at, actor_id, actor_role, event, from_status, to_status, reason, file_hashes)
       WHERE s.happened
       ORDER BY o.g, s.n`,
    ),
  );

  // Kits: one per order, ready (cookie delivered) once matching began, cancelled with a cancelled order.
  await step('kits', () =>
    execute(
      db,
      `INSERT INTO kits (order_id, order_starts_at, recipient_name, delivery_address, status, items, ready_at, cancelled_at,
                         cookie_status, cookie_supplier_order_id, cookie_attempts, cookie_delivered_at, created_at, updated_at)
       SELECT o.id, o.starts_at, 'Bench Client', 'Whisker Lane, Catford',
              CASE WHEN o.status = 'cancelled' THEN 'cancelled' WHEN o.status = 'created' THEN 'assembling' ELSE 'ready' END,
              '[{"name":"Gloves","quantity":1}]'::jsonb,
              CASE WHEN o.status NOT IN ('cancelled', 'created') THEN o.created_at + interval '2 hours' END,
              CASE WHEN o.status = 'cancelled' THEN o.created_at + interval '1 hour' END,
              CASE WHEN o.status = 'cancelled' THEN 'cancelled' WHEN o.status = 'created' THEN 'ordered' ELSE 'delivered' END,
              'bench-cookie-' || o.g, 1,
              CASE WHEN o.status NOT IN ('cancelled', 'created') THEN o.created_at + interval '1 hour' END,
              o.created_at, o.created_at + interval '2 hours'
       FROM seed_orders o`,
    ),
  );

  // What billing learnt from orders: completed orders (billable, in the period the weekly job closes) and worker outcomes.
  await step('billable', async () => {
    await execute(
      db,
      `INSERT INTO billable_orders (order_id, client_id, worker_id, price_cents, completed_at, period_end)
       SELECT id, client_id, worker_id, 10000, completed_at,
              (CASE WHEN local_close >= completed_at AT TIME ZONE $1 THEN local_close ELSE local_close + interval '7 days' END) AT TIME ZONE $1
       FROM (SELECT *, date_trunc('week', completed_at AT TIME ZONE $1) + interval '6 days 23 hours' AS local_close
             FROM seed_orders WHERE status = 'completed') c`,
      [tz],
    );
    await execute(
      db,
      `INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at)
       SELECT id, worker_id, status, 10000, CASE WHEN status = 'completed' THEN completed_at ELSE greatest(starts_at, created_at) END
       FROM seed_orders WHERE status = 'completed' OR (status = 'failed' AND has_worker)`,
    );
  });

  // Half the clients topped up their balance before the year (through the sandbox card: a top-up and its ledger posting).
  await step('topUps', async () => {
    await execute(
      db,
      `INSERT INTO top_ups (id, client_id, amount_cents, provider, status, provider_reference, created_at)
       SELECT md5('top-up' || g)::uuid, md5('client' || g)::uuid, 100000000, 'sandbox-card', 'succeeded', 'bench-' || g, $2
       FROM generate_series(0, $1 - 1, 2) g`,
      [sizes.clients, start],
    );
    await execute(
      db,
      `INSERT INTO ledger_accounts (kind, owner_id, created_at)
       SELECT 'client', md5('client' || g)::uuid, $2::timestamptz FROM generate_series(0, $1 - 1, 2) g
       UNION ALL SELECT 'external_in', NULL, $2::timestamptz
       ON CONFLICT DO NOTHING`,
      [sizes.clients, start],
    );
    await execute(
      db,
      `INSERT INTO ledger_transactions (id, kind, reference, description, occurred_at)
       SELECT md5('top-up-tx' || g)::uuid, 'top_up', md5('top-up' || g)::uuid::text, 'Top-up by sandbox-card', $2
       FROM generate_series(0, $1 - 1, 2) g`,
      [sizes.clients, start],
    );
    await execute(
      db,
      `INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
       SELECT md5('top-up-tx' || g)::uuid, a.id, 100000000
       FROM generate_series(0, $1 - 1, 2) g JOIN ledger_accounts a ON a.kind = 'client' AND a.owner_id = md5('client' || g)::uuid
       UNION ALL
       SELECT md5('top-up-tx' || g)::uuid, (SELECT id FROM ledger_accounts WHERE kind = 'external_in'), -100000000
       FROM generate_series(0, $1 - 1, 2) g`,
      [sizes.clients],
    );
  });

  // Statistics first: the weekly job's set-based queries plan badly on tables the planner believes empty.
  await step('analyzeBeforeInvoices', () => execute(db, 'ANALYZE'));
  // The year of invoices, by the weekly job itself: one run per Sunday 23:00, each as of half an hour later.
  await step('invoices', async () => {
    const billing = { kernel: platform.kernel, provider: PAYMENT_PROVIDERS['sandbox-card']! };
    const sundays: Date[] = [];
    for (
      let at = lastCronOccurrence(INVOICE_CRON, tz, t0);
      at > start;
      at = lastCronOccurrence(INVOICE_CRON, tz, new Date(at.getTime() - 1000))
    ) {
      sundays.unshift(at);
    }
    for (const sunday of sundays) {
      const asOf = new Date(sunday.getTime() + 30 * 60_000);
      await platform.kernel.clock.runAt(asOf, () => issueWeeklyInvoices(billing, asOf));
    }
    // The seed's history is delivered: its emails are not a backlog for the run (the outbox bench measures that).
    await execute(db, `UPDATE outbox SET status = 'sent', sent_at = available_at WHERE status = 'pending'`);
  });

  // The public feed keeps 30 days: one event per order step in that time, seen by the order's client and worker.
  await step('events', () =>
    execute(
      db,
      `INSERT INTO events (type, data, audience, created_at)
       SELECT 'order.' || CASE t.event WHEN 'check_in' THEN 'started' WHEN 'worker_assigned' THEN 'scheduled' WHEN 'accept' THEN 'completed'
                               WHEN 'report' THEN 'reported' WHEN 'cancel' THEN 'cancelled' WHEN 'created' THEN 'created' ELSE 'failed' END,
              jsonb_build_object('id', o.id, 'status', t.to_status, 'startsAt', o.starts_at, 'clientId', o.client_id),
              array_remove(ARRAY[o.client_id, o.worker_id], NULL), t.at
       FROM order_timeline t JOIN orders o ON o.id = t.order_id
       WHERE t.at > $1::timestamptz - interval '30 days' AND t.at <= $1 AND t.event <> 'kit_ready'
       ORDER BY t.at, t.seq`,
      [t0],
    ),
  );
  // A working table of the seed (the pool's connections differ between statements, so not a temporary one).
  await execute(db, 'DROP TABLE seed_orders');
  await step('analyze', () => execute(db, 'ANALYZE'));
  return { steps };
}

/**
 * Orders ready for check-in now: `perWorker` back-to-back 15-minute orders
 * per worker from `now + 20 min`, each scheduled (kit ready, timeline to
 * `scheduled`) with a check-in photo its worker uploaded. Written the same
 * on every clone (ids from `label`), so the captured check-ins replay on
 * the raw-SQL clone.
 */
export async function addCheckInOrders(
  db: Platform['kernel']['db'],
  options: { label: string; now: Date; workers: number; clients: number; perWorker: number },
): Promise<{ orderId: string; workerIndex: number; photoId: string }[]> {
  const first = new Date(Math.ceil((options.now.getTime() + 20 * 60_000) / 60_000) * 60_000);
  await execute(
    db,
    `WITH s AS (
       SELECT g, md5($1 || ':order:' || g)::uuid AS id, md5('worker' || (g % $2::int))::uuid AS worker_id,
              md5('client' || ((g * 7919) % $3::int))::uuid AS client_id, $4::timestamptz + (g / $2::int) * interval '15 minutes' AS starts_at
       FROM generate_series(0, $2::int * $5::int - 1) g
     ), o AS (
       INSERT INTO orders (id, client_id, worker_id, service_type_id, starts_at, ends_at, address, description, status, price_cents, version,
                           created_at, updated_at)
       SELECT id, client_id, worker_id, $6, starts_at, starts_at + interval '15 minutes', 'Bench check-in lane', 'Check-in bench', 'scheduled',
              10000, 2, $7::timestamptz - interval '1 day', $7::timestamptz - interval '1 hour'
       FROM s RETURNING id
     ), k AS (
       INSERT INTO kits (order_id, order_starts_at, recipient_name, delivery_address, status, items, ready_at, cookie_status,
                         cookie_supplier_order_id, cookie_attempts, cookie_delivered_at, created_at, updated_at)
       SELECT id, starts_at, 'Bench Client', 'Bench check-in lane', 'ready', '[]', $7::timestamptz - interval '2 hours', 'delivered',
              $1 || '-cookie-' || g, 1, $7::timestamptz - interval '3 hours', $7::timestamptz - interval '1 day', $7::timestamptz - interval '2 hours'
       FROM s
     ), t AS (
       INSERT INTO order_timeline (order_id, at, actor_id, actor_role, event, from_status, to_status)
       SELECT s.id, $7::timestamptz - interval '1 day' + e.n * interval '1 minute', CASE WHEN e.n = 1 THEN s.client_id END, e.role, e.event, e.from_status, e.to_status
       FROM s CROSS JOIN (VALUES (1, 'client', 'created', NULL, 'created'), (2, 'supplies', 'kit_ready', 'created', 'matching'),
                                 (3, 'system', 'worker_assigned', 'matching', 'scheduled')) e (n, role, event, from_status, to_status)
     )
     INSERT INTO files (id, owner_id, content_type, size_bytes, sha256, created_at)
     SELECT md5($1 || ':photo:' || g)::uuid, worker_id, 'image/jpeg', 48213, encode(sha256(($1 || ':photo:' || g)::bytea), 'hex'), $7
     FROM s`,
    [options.label, options.workers, options.clients, first, options.perWorker, seedUuid('service-type:quick'), options.now],
  );
  const rows = await sql<{ order_id: string; photo_id: string; g: number }>(
    db,
    `SELECT md5($1 || ':order:' || g)::uuid::text AS order_id, md5($1 || ':photo:' || g)::uuid::text AS photo_id, g
     FROM generate_series(0, $2::int * $3::int - 1) g ORDER BY g`,
    [options.label, options.workers, options.perWorker],
  );
  return rows.map((row) => ({ orderId: row.order_id, photoId: row.photo_id, workerIndex: row.g % options.workers }));
}
