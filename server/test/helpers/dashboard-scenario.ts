import type { TestPlatform } from './platform.ts';

/**
 * A day on the dashboard: a known set of orders, kits, money and failures
 * around a fixed "now" (a Wednesday, business time zone Europe/Paris), on
 * top of a few thousand rows per table of older, settled history, so that
 * each figure's query plan is the one a real database would get (on a
 * near-empty table PostgreSQL scans it whole, whatever the indexes).
 * Written as rows, not through the flows: this is a read side, and running
 * a few thousand orders through their lifecycle would take minutes.
 */
export const SCENARIO_NOW = new Date('2027-03-10T09:30:00Z'); // Wednesday 10:30 in Paris
export const SCENARIO_TZ = 'Europe/Paris';
export const HISTORY_ROWS = 3000;

/** What the dashboard must show for the scenario (worked out by hand from the rows below). */
export const EXPECTED = {
  endedIn30Days: { completed: 3, failed: 3, cancelled: 1 },
  endedOn20270309: { completed: 2 },
  today: { total: 6, failed: 1, scheduled: 2, matching: 1, created: 1, in_progress: 1 },
  thisWeek: { total: 11, created: 2, matching: 1, scheduled: 2, in_progress: 1, completed: 2, failed: 2, cancelled: 1 },
  noCheckIn: 1,
  noWorker: { created: 1, matching: 1 },
  failureRatePercent: 43, // 3 of 7
  failureReasons: { no_check_in: 1, no_worker: 1, rejected: 1 },
  kitsWaiting: { open: 2, assembling: 1 },
  kitsLate: 2,
  cookieRetrying: 1,
  revenueWeek: '200.00',
  upcoming: { total: '300.00', clients: 2 },
  tipsWeek: { total: '7.50', count: 2 },
  unpaidInvoices: { count: 2, owed: '145.00' },
  payouts: { pending: 2, processing: 1, toPay: '124.00', failing: 1 },
  webhooksFailed: 2,
  outboxGivenUp: { emails: 1, events: 1 },
  jobsFailed: 2,
  openReviews: 2,
};

const H = 3_600_000;

export async function seedDashboardScenario(t: TestPlatform): Promise<void> {
  t.clock.moveTo(SCENARIO_NOW);
  const now = t.clock.now();
  const at = (hours: number) => new Date(now.getTime() + hours * H).toISOString();
  const q = (text: string, bind: unknown[] = []) => t.db.sequelize.query(text, { bind });
  const [client, client2, worker] = await Promise.all([
    t.userWithRoles(['client']),
    t.userWithRoles(['client']),
    t.userWithRoles(['worker']),
  ]);
  await q(
    `INSERT INTO service_types (id, name, duration_minutes, created_at, updated_at)
     VALUES ('00000000-0000-4000-8000-000000000001', 'Dashboard dusting', 30, now(), now())`,
  );
  const st = '00000000-0000-4000-8000-000000000001';

  // History: settled orders two to eight months back, one an hour, each its own slot.
  await q(
    `INSERT INTO orders (client_id, worker_id, service_type_id, starts_at, ends_at, address, status, failure_reason, price_cents, created_at, updated_at)
     SELECT $1, CASE WHEN i % 3 = 0 THEN $2::uuid END, $3, s, s + interval '30 minutes', 'Old street',
            CASE i % 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'cancelled' ELSE 'failed' END,
            CASE WHEN i % 3 = 2 THEN 'no_worker' END, CASE WHEN i % 3 = 0 THEN 10000 END, s - interval '2 days', s + interval '1 hour'
     FROM generate_series(1, ${HISTORY_ROWS}) i, LATERAL (SELECT $4::timestamptz - interval '60 days' - i * interval '1 hour' AS s) x`,
    [client.id, worker.id, st, now.toISOString()],
  );
  // The scenario: [status, failure reason, starts (hours from now), last update (hours from now)].
  const orders: [string, string | null, number, number][] = [
    ['completed', null, -25, -24],
    ['completed', null, -26, -24],
    ['completed', null, -241, -240],
    ['failed', 'no_check_in', -48, -48],
    ['failed', 'no_worker', -2, -2],
    ['failed', 'rejected', -121, -120],
    ['cancelled', null, 48, -72],
    ['scheduled', null, 0.5, -5],
    ['scheduled', null, 1.5, -5],
    ['matching', null, 1, -5],
    ['created', null, 1.75, -5],
    ['created', null, 26, -5],
    ['in_progress', null, -0.5, -0.5],
    ['completed', null, -961, -960],
  ];
  for (const [status, reason, starts, updated] of orders) {
    const staffed = !['created', 'matching', 'cancelled'].includes(status) && reason !== 'no_worker';
    await q(
      `INSERT INTO orders (client_id, worker_id, service_type_id, starts_at, ends_at, address, status, failure_reason, price_cents, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $4::timestamptz + interval '30 minutes', 'Cat street 1', $5, $6, $7, $8::timestamptz - interval '3 days', $8)`,
      [client.id, staffed ? worker.id : null, st, at(starts), status, reason, staffed ? 10000 : null, at(updated)],
    );
  }

  // Kits: history all ready; now two open (one for an order within a day, one with a failing cookie order), one assembling.
  await q(
    `INSERT INTO kits (order_id, order_starts_at, recipient_name, delivery_address, status, items, ready_at, cookie_status, cookie_delivered_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1::timestamptz - i * interval '1 hour', 'Old cat', 'Old street', 'ready', '[]', $1::timestamptz - i * interval '1 hour',
            'delivered', $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [at(-24 * 60)],
  );
  for (const [status, starts, attempts] of [
    ['open', 3, 0],
    ['open', 50, 2],
    ['assembling', 10, 0],
  ] as const) {
    await q(
      `INSERT INTO kits (order_id, order_starts_at, recipient_name, delivery_address, status, items, cookie_status, cookie_attempts, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'Tom', 'Cat street 1', $2, '[]', 'pending', $3, now(), now())`,
      [at(starts), status, attempts],
    );
  }

  // Billing. Last closed period: Sunday 7 March 23:00 Paris (22:00 UTC); the open one ends on the 14th.
  const closed = '2027-03-07T22:00:00Z';
  const open = '2027-03-14T22:00:00Z';
  await q(
    `INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end)
     SELECT gen_random_uuid(), $1, 10000, $2::timestamptz - i * interval '1 week' - interval '1 day', $2::timestamptz - i * interval '1 week'
     FROM generate_series(0, ${HISTORY_ROWS - 1}) i`,
    [client.id, closed],
  );
  for (const [who, completed] of [
    [client.id, '2027-03-08T08:00:00Z'], // this week (Monday)
    [client2.id, '2027-03-09T15:00:00Z'], // this week (Tuesday)
    [client.id, '2027-03-07T22:30:00Z'], // Sunday 23:30 in Paris: after the close, before Monday
  ] as const) {
    await q(
      `INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end) VALUES (gen_random_uuid(), $1, 10000, $2, $3)`,
      [who, completed, open],
    );
  }
  // Tips: history (one a week, invoiced), then two since Monday 00:00 Paris and one on the Sunday before (last week's).
  await q(
    `INSERT INTO billable_tips (tip_id, order_id, client_id, worker_id, amount_cents, tipped_at, period_end)
     SELECT gen_random_uuid(), gen_random_uuid(), $1, $2, 300, $3::timestamptz - i * interval '1 week' - interval '2 days', $3::timestamptz - i * interval '1 week'
     FROM generate_series(0, ${HISTORY_ROWS - 1}) i`,
    [client.id, worker.id, closed],
  );
  for (const [cents, tipped] of [
    [500, '2027-03-08T07:00:00Z'], // Monday 08:00 Paris
    [250, '2027-03-10T08:00:00Z'], // this morning
    [900, '2027-03-07T22:59:00Z'], // Sunday 23:59 Paris: last week's, after its close (on this week's invoice, not this week's tips)
  ] as const) {
    await q(
      `INSERT INTO billable_tips (tip_id, order_id, client_id, worker_id, amount_cents, tipped_at, period_end) VALUES (gen_random_uuid(), gen_random_uuid(), $1, $2, $3, $4, $5)`,
      [client2.id, worker.id, cents, tipped, open],
    );
  }
  await q(
    `INSERT INTO billing_periods (period_end, closed_at) SELECT $1::timestamptz - i * interval '1 week', $1::timestamptz - i * interval '1 week'
     FROM generate_series(0, ${HISTORY_ROWS - 1}) i`,
    [closed],
  );
  await q(
    `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at, paid_at)
     SELECT $1, p - interval '1 week', p, 10000, 0, 0, 0, 10000, 'paid', p, p
     FROM generate_series(2, ${HISTORY_ROWS + 1}) i, LATERAL (SELECT $2::timestamptz - i * interval '1 week' AS p) x`,
    [client.id, closed],
  );
  for (const [who, cents, period] of [
    [client.id, 9500, closed],
    [client2.id, 5000, closed],
  ] as const) {
    await q(
      `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at)
       VALUES ($1, $3::timestamptz - interval '1 week', $3, $2, 0, 0, 0, $2, 'unpaid', $3)`,
      [who, cents, period],
    );
  }
  await q(
    `INSERT INTO payouts (statement_id, worker_id, amount_cents, status, provider_payout_id, paid_at, created_at)
     SELECT gen_random_uuid(), $1, 6000, 'paid', 'gh-old-' || i, $2::timestamptz - i * interval '1 day', $2::timestamptz - i * interval '1 day'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [worker.id, at(-24 * 40)],
  );
  for (const [status, cents, failures] of [
    ['pending', 6000, 0],
    ['pending', 4000, 1],
    ['processing', 2400, 0],
  ] as const) {
    await q(
      `INSERT INTO payouts (statement_id, worker_id, amount_cents, status, provider_payout_id, failures, last_error, next_attempt_at, created_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $7)`,
      [worker.id, cents, status, status === 'processing' ? 'gh-now' : null, failures, failures ? 'Golden Hat unreachable' : null, at(-1)],
    );
  }

  // Webhook deliveries: history succeeded; two failed this week, one ten days ago.
  await q(
    `INSERT INTO webhook_endpoints (id, url, event_types, secret_encrypted, created_by, created_at)
     VALUES ('00000000-0000-4000-8000-0000000000e1', 'https://example.test/hook', '{*}', 'x', $1, now())`,
    [worker.id],
  );
  await q(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, status, attempts, created_at, finished_at)
     SELECT '00000000-0000-4000-8000-0000000000e1', 'old-' || i, 'order.accept', '{}', 'succeeded', 1, $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [at(-24 * 30)],
  );
  for (const [id, finished] of [
    ['now-1', -3],
    ['now-2', -24 * 6],
    ['old-failed', -24 * 10],
  ] as const) {
    await q(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, status, attempts, last_error, created_at, finished_at)
       VALUES ('00000000-0000-4000-8000-0000000000e1', $1, 'order.accept', '{}', 'failed', 9, 'HTTP 500', $2, $2)`,
      [id, at(finished)],
    );
  }

  // Outbox: history sent; one email and one domain event given up this week.
  await q(
    `INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, available_at, created_at, sent_at)
     SELECT 'email', 'old-' || i, '{}', 'sent', 1, $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [at(-24 * 30)],
  );
  for (const [topic, key] of [
    ['email', 'given-up-email'],
    ['event', 'given-up-event'],
  ] as const) {
    await q(
      `INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, available_at, last_error, created_at)
       VALUES ($1, $2, '{}', 'failed', 8, $3, 'SMTP said no', $3)`,
      [topic, key, at(-5)],
    );
  }

  // Job runs (by their platform time): history succeeded; two failed within the day, one the day before.
  await q(
    `INSERT INTO job_runs (job, trigger, as_of, finished_at, outcome)
     SELECT 'billing.payouts', 'test', $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour', 'succeeded'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [at(-24 * 3)],
  );
  for (const [job, asOf] of [
    ['billing.payouts', -2],
    ['supplies.order-cookies', -20],
    ['billing.payouts', -30],
  ] as const) {
    await q(`INSERT INTO job_runs (job, trigger, as_of, finished_at, outcome, error) VALUES ($1, 'test', $2, $2, 'failed', 'boom')`, [
      job,
      at(asOf),
    ]);
  }

  // Reviews: history done; two open.
  await q(
    `INSERT INTO review_forms (id, current_version, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000f1', 1, now(), now());
     INSERT INTO review_form_versions (form_id, version, name, fields, created_at) VALUES ('00000000-0000-4000-8000-0000000000f1', 1, 'Form', '[]', now())`,
  );
  await q(
    `INSERT INTO reviews (order_id, reason, status, form_id, form_version, answers, verdict, created_at, completed_at)
     SELECT gen_random_uuid(), 'failed', 'done', '00000000-0000-4000-8000-0000000000f1', 1, '{}', 'confirmed', $1::timestamptz - i * interval '1 hour', $1::timestamptz - i * interval '1 hour'
     FROM generate_series(1, ${HISTORY_ROWS}) i`,
    [at(-24 * 30)],
  );
  for (const hours of [-30, -2]) {
    await q(`INSERT INTO reviews (order_id, reason, status, created_at) VALUES (gen_random_uuid(), 'failed', 'open', $1)`, [at(hours)]);
  }
  await q('ANALYZE');
}
