/**
 * Billing benchmark: the weekly invoice job on 20,000 clients and 200,000
 * completed orders in one week (half the clients with a balance to pay
 * from, a tenth with past payments earning a discount), against the same
 * work done by plain SQL, in the same run on the same data: one
 * `INSERT … SELECT` computing the totals, and one writing the run's public
 * events (`invoice.issued` and `invoice.paid`/`unpaid` per invoice, each
 * carrying the invoice with its lines, as GET /v1/invoices/{id} returns it)
 * into a table like `events` — each the median of three runs. Prints JSON
 * with the times and the ratio (target ≤ 3), and checks that the job
 * computed the same grand total and recorded exactly the events the plain
 * SQL wrote (so the baseline did the same work, not less).
 *
 * The events are in the limit because the run cannot avoid writing them
 * (they are part of the run's transaction, SPEC's event feed): 40,000 rows
 * of about 1.7 kB, which alone cost several times the totals' statement.
 * The ratio to the totals alone is printed too, without a target.
 *
 *   npm run bench:billing        # BENCH_CLIENTS=…, BENCH_ORDERS=… to scale
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase, sql } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';
import { figure, machine } from './figures.ts';
import { issueWeeklyInvoices } from '../server/src/modules/billing/application/issue-weekly-invoices.ts';
import { PAYMENT_PROVIDERS } from '../server/src/modules/billing/infra/providers/index.ts';
import { PUBLIC_EVENTS_API_VERSION } from '../server/src/platform/event-feed.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-billing-bench-'));
const logger = createLogger({ level: 'silent' });
const embedded = await startEmbeddedPostgres({ dataDir, port: 56_000 + Math.floor(Math.random() * 1000), database: 'chorecat', logger });
const db = connectDatabase(embedded.url, logger);
try {
  await migrate(db, logger, ROLES);
  const platform = await benchPlatform(db, logger);
  const weekStart = new Date('2031-01-06T00:00:00Z'); // a Monday; the week closes Sunday 2031-01-12 23:00 UTC
  const seedStarted = performance.now();
  await db.sequelize.query(
    `INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end)
     SELECT gen_random_uuid(), md5('client' || (g % $1))::uuid, 5000 + (g % 7) * 2500, $3::timestamptz + ((g % 6) || ' days')::interval + ((g % 86000) || ' seconds')::interval, $4
     FROM generate_series(1, $2) g`,
    { bind: [CLIENTS, ORDERS, weekStart, new Date('2031-01-12T23:00:00Z')] },
  );
  // A tenth of the clients paid 25,000.00 before (a 6 % discount); half have a balance of 1,000,000.00 to pay from.
  await db.sequelize.query(
    `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at, paid_at)
     SELECT md5('client' || c)::uuid, '2030-01-01', '2030-01-05T23:00Z', 2500000, 0, 0, 0, 2500000, 'paid', '2030-01-05T23:00Z', '2030-01-05T23:00Z'
     FROM generate_series(0, $1 - 1, 10) c`,
    { bind: [CLIENTS] },
  );
  await db.sequelize.query(
    `WITH tx AS (
       INSERT INTO ledger_transactions (kind, reference, description, occurred_at)
       SELECT 'top_up', 'bench-' || c, 'bench balance', now() FROM generate_series(0, $1 - 1, 2) c RETURNING id, reference
     ), accounts AS (
       INSERT INTO ledger_accounts (kind, owner_id, created_at)
       SELECT 'client', md5('client' || c)::uuid, now() FROM generate_series(0, $1 - 1, 2) c
       UNION ALL SELECT 'external_in', NULL, now()
       RETURNING id, kind, owner_id
     )
     INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)
     SELECT tx.id, a.id, 100000000 FROM tx JOIN accounts a ON a.kind = 'client' AND a.owner_id = md5('client' || substr(tx.reference, 7))::uuid
     UNION ALL
     SELECT tx.id, a.id, -100000000 FROM tx CROSS JOIN accounts a WHERE a.kind = 'external_in'`,
    { bind: [CLIENTS] },
  );
  await db.sequelize.query('ANALYZE');
  const seedMs = performance.now() - seedStarted;

  // The baseline: one plain INSERT … SELECT computing every client's subtotal, discount and total.
  await db.sequelize.query(
    'CREATE UNLOGGED TABLE baseline_totals (client_id uuid, subtotal bigint, rate integer, discount bigint, total bigint)',
  );
  // Three runs, the median kept: one run of a 0.2 s statement on a shared machine is mostly noise.
  const baselineRunsMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    await db.sequelize.query('TRUNCATE baseline_totals');
    const baselineStarted = performance.now();
    await db.sequelize.query(
      `INSERT INTO baseline_totals
       SELECT b.client_id, sum(b.price_cents), billing_discount_rate(coalesce(p.paid, 0)),
              (sum(b.price_cents) * billing_discount_rate(coalesce(p.paid, 0)) * 100 + 5000) / 10000,
              sum(b.price_cents) - (sum(b.price_cents) * billing_discount_rate(coalesce(p.paid, 0)) * 100 + 5000) / 10000
       FROM billable_orders b
       LEFT JOIN (SELECT client_id, sum(total_cents)::bigint AS paid FROM invoices WHERE status = 'paid' GROUP BY client_id) p USING (client_id)
       WHERE b.completed_at <= $1
       GROUP BY b.client_id, p.paid`,
      { bind: [new Date('2031-01-12T23:00:00Z')] },
    );
    baselineRunsMs.push(performance.now() - baselineStarted);
  }
  const baselineMs = [...baselineRunsMs].sort((a, b) => a - b)[1]!;

  const jobStarted = performance.now();
  const result = await issueWeeklyInvoices(
    { kernel: platform.kernel, provider: PAYMENT_PROVIDERS['sandbox-card']! },
    new Date('2031-01-12T23:30:00Z'),
  );
  const jobMs = performance.now() - jobStarted;

  // The events the run records, written by plain SQL over the invoices it issued: the same payloads (checked below).
  await db.sequelize.query('CREATE TABLE baseline_events (LIKE events INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)');
  const money = (c: string) => `((${c}) / 100)::text || '.' || lpad(((${c}) % 100)::text, 2, '0')`;
  const instant = (t: string) => `to_char((${t}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await db.sequelize.query('ANALYZE invoices'); // the 20,000 the run just wrote: planned on statistics that know them
  const eventRunsMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    await db.sequelize.query('TRUNCATE baseline_events');
    const eventsStarted = performance.now();
    await db.sequelize.query(
      `WITH lines AS MATERIALIZED (
         SELECT client_id, period_end,
                jsonb_agg(jsonb_build_object('kind', 'order', 'orderId', order_id, 'tipId', NULL, 'price', ${money('price_cents')},
                                             'completedAt', ${instant('completed_at')}) ORDER BY completed_at, order_id) AS lines
         FROM billable_orders WHERE period_end = $1 GROUP BY client_id, period_end
       )
       INSERT INTO baseline_events (type, data, audience, created_at, api_version)
       SELECT t.type, v.data, ARRAY[v.client_id], now(), '${PUBLIC_EVENTS_API_VERSION}'
       FROM (
         SELECT i.id, i.client_id, i.status, jsonb_build_object(
                  'id', i.id, 'clientId', i.client_id, 'periodStart', ${instant('i.period_start')}, 'periodEnd', ${instant('i.period_end')},
                  'lines', l.lines, 'subtotal', ${money('i.subtotal_cents')}, 'paidBefore', ${money('i.paid_before_cents')},
                  'discountRate', i.discount_rate, 'discount', ${money('i.discount_cents')}, 'tips', ${money('i.tips_cents')},
                  'total', ${money('i.total_cents')}, 'status', i.status, 'issuedAt', ${instant('i.issued_at')},
                  'paidAt', ${instant('i.paid_at')}) AS data
         FROM invoices i JOIN lines l USING (client_id, period_end)
         WHERE i.period_end = $1
       ) v CROSS JOIN LATERAL unnest(ARRAY['invoice.issued', CASE WHEN v.status = 'paid' THEN 'invoice.paid' ELSE 'invoice.unpaid' END]) AS t(type)`,
      { bind: [new Date('2031-01-12T23:00:00Z')] },
    );
    eventRunsMs.push(performance.now() - eventsStarted);
  }
  const eventsBaselineMs = [...eventRunsMs].sort((a, b) => a - b)[1]!;
  const [sameEvents] = await sql<{ run: string; baseline: string; matched: string }>(
    db,
    `SELECT (SELECT count(*) FROM events WHERE type LIKE 'invoice.%')::text AS run,
            (SELECT count(*) FROM baseline_events)::text AS baseline,
            -- Matched by invoice and type (a hash join), then compared whole.
            (SELECT count(*) FROM events e JOIN baseline_events b ON b.type = e.type AND b.data->>'id' = e.data->>'id'
             WHERE e.type LIKE 'invoice.%' AND b.data = e.data AND b.audience = e.audience)::text AS matched`,
  );
  const limitMs = baselineMs + eventsBaselineMs;

  const [check] = await sql<{ invoiced: string; baseline: string; lines: string; paid: string }>(
    db,
    `SELECT (SELECT sum(total_cents) FROM invoices WHERE period_end = '2031-01-12T23:00Z')::text AS invoiced,
            (SELECT sum(total) FROM baseline_totals)::text AS baseline,
            (SELECT count(*) FROM invoice_lines)::text AS lines,
            (SELECT count(*) FROM invoices WHERE period_end = '2031-01-12T23:00Z' AND status = 'paid')::text AS paid`,
  );
  console.log(
    JSON.stringify(
      {
        bench: 'billing-weekly-invoices',
        machine: machine(),
        figures: [
          figure('weekly invoice run / the same work in plain SQL', Number((jobMs / limitMs).toFixed(2)), 'ratio', '<= 3'),
          figure('weekly invoice run', Math.round(jobMs), 'ms'),
          figure('plain SQL: totals + events', Math.round(limitMs), 'ms'),
          figure('weekly invoice run / the totals’ INSERT … SELECT alone', Number((jobMs / baselineMs).toFixed(2)), 'ratio'),
          figure('invoiced total equals the plain SQL total', check!.invoiced === check!.baseline ? 1 : 0, 'bool', '== 1'),
          figure(
            'events recorded equal the plain SQL’s',
            sameEvents!.run === sameEvents!.baseline && sameEvents!.matched === sameEvents!.run && Number(sameEvents!.run) > 0 ? 1 : 0,
            'bool',
            '== 1',
          ),
        ],
        cores: os.cpus().length,
        clients: CLIENTS,
        orders: ORDERS,
        seedMs: Math.round(seedMs),
        baselineMs: Math.round(baselineMs),
        baselineRunsMs: baselineRunsMs.map(Math.round),
        eventsBaselineMs: Math.round(eventsBaselineMs),
        eventsBaselineRunsMs: eventRunsMs.map(Math.round),
        events: { recorded: Number(sameEvents!.run), baseline: Number(sameEvents!.baseline), equal: Number(sameEvents!.matched) },
        jobMs: Math.round(jobMs),
        ratio: Number((jobMs / limitMs).toFixed(2)),
        ratioTarget: 3,
        invoicesIssued: result.issued,
        invoicesPaid: result.paid,
        invoiceLines: Number(check!.lines),
        sameTotals: check!.invoiced === check!.baseline,
        grandTotal: check!.invoiced,
      },
      null,
      2,
    ),
  );
  await platform.stop();
} finally {
  await db.close();
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
