import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../../../../test/helpers/database.ts';
import { killWhenQuerying, runCli, spawnCli } from '../../../../test/helpers/cli.ts';
import { connectDatabase, sql, type Database } from '../../../platform/database.ts';
import { createLogger } from '../../../platform/logger.ts';

const CLIENTS = 3000;
const ORDERS = 60_000;
const AS_OF = '2031-01-12T23:30:00Z';

/** The weekly and monthly runs killed with SIGKILL half-way, then run again: never a half-issued period, never a second invoice or statement. */
describe('billing: a run killed half-way', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectDatabase(database.url, createLogger({ level: 'silent' }));
    env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'development',
      MAILDEV: '0',
      CHORECAT_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'chorecat-crash-')),
      JWT_SECRET: 'j'.repeat(40),
      SESSION_SECRET: 's'.repeat(40),
      SUPPLIER_API_KEY: 'k'.repeat(20),
      SUPPLIER_WEBHOOK_SECRET: 'w'.repeat(20),
    };
    await db.sequelize.query(
      `INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end)
       SELECT gen_random_uuid(), md5('crash' || (g % $1))::uuid, 10000, '2031-01-08T10:00:00Z', '2031-01-12T23:00:00Z' FROM generate_series(1, $2) g`,
      { bind: [CLIENTS, ORDERS] },
    );
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  const counts = async () => {
    const [row] = await sql<{ invoices: string; lines: string }>(
      db,
      'SELECT (SELECT count(*) FROM invoices)::text AS invoices, (SELECT count(*) FROM invoice_lines)::text AS lines',
    );
    return { invoices: Number(row!.invoices), lines: Number(row!.lines) };
  };

  /** Runs a job through the real CLI and SIGKILLs it while its transaction writes (true when it caught that moment). */
  async function killWhileWriting(job: string, asOf: string, pattern: string): Promise<boolean> {
    const child = spawnCli(['jobs', 'run', job, '--as-of', asOf], env, 'ignore');
    const signal = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    const caught = await killWhenQuerying((text, params) => sql(db, text, params), child, pattern);
    expect(await signal).toBe('SIGKILL');
    return caught;
  }

  it(
    'leaves nothing or everything when killed, and exactly one invoice per client and week after re-runs',
    { timeout: 120_000 },
    async () => {
      // Killed the moment its transaction is writing the invoices.
      expect(await killWhileWriting('billing.weekly-invoices', AS_OF, '%billing: issue the period%'), 'killed while writing').toBe(true);
      const afterKill = await counts();
      expect([0, CLIENTS]).toContain(afterKill.invoices);
      expect(afterKill.lines).toBe(afterKill.invoices === 0 ? 0 : ORDERS);

      for (let i = 0; i < 2; i++) {
        const run = await runCli(['jobs', 'run', 'billing.weekly-invoices', '--as-of', AS_OF], env, 90_000);
        expect(run.code, run.stderr).toBe(0);
      }
      expect(await counts()).toEqual({ invoices: CLIENTS, lines: ORDERS });
      const [dupes] = await sql<{ n: string }>(
        db,
        'SELECT count(*)::text AS n FROM (SELECT client_id FROM invoices GROUP BY client_id, period_end HAVING count(*) > 1) d',
      );
      expect(dupes!.n).toBe('0');
    },
  );

  it(
    'leaves a month unissued or whole when the statement run is killed, and exactly one statement per worker and month after re-runs',
    { timeout: 120_000 },
    async () => {
      const WORKERS = 10_000;
      const MONTH_END = '2031-01-31T23:30:00Z';
      // Per worker: two completed orders (120.00 earned) and one failure (−40.00) in January.
      await db.sequelize.query(
        `INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at)
         SELECT gen_random_uuid(), md5('worker' || (g % $1))::uuid, CASE WHEN g < $1 * 2 THEN 'completed' ELSE 'failed' END, 10000,
                '2031-01-15T10:00:00Z'::timestamptz + (g || ' seconds')::interval
         FROM generate_series(0, $1 * 3 - 1) g`,
        { bind: [WORKERS] },
      );
      const monthCounts = async () => {
        const [row] = await sql<{ statements: number; lines: number; posted: number; payouts: number; ledger: string }>(
          db,
          `SELECT (SELECT count(*) FROM statements)::int AS statements, (SELECT count(*) FROM statement_lines)::int AS lines,
                  (SELECT count(*) FROM ledger_transactions WHERE kind LIKE 'statement%')::int AS posted,
                  (SELECT count(*) FROM payouts)::int AS payouts, (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries)::text AS ledger`,
        );
        return row!;
      };
      expect(await killWhileWriting('billing.monthly-statements', MONTH_END, '%INSERT INTO statement%'), 'killed while writing').toBe(true);
      const afterKill = await monthCounts();
      expect([0, WORKERS]).toContain(afterKill.statements);
      expect(afterKill.lines).toBe(afterKill.statements * 3);
      expect(afterKill.posted).toBe(afterKill.statements);
      expect(afterKill.payouts).toBe(afterKill.statements);
      expect(afterKill.ledger).toBe('0');

      for (let i = 0; i < 2; i++) {
        const run = await runCli(['jobs', 'run', 'billing.monthly-statements', '--as-of', MONTH_END], env, 90_000);
        expect(run.code, run.stderr).toBe(0);
      }
      expect(await monthCounts()).toEqual({ statements: WORKERS, lines: WORKERS * 3, posted: WORKERS, payouts: WORKERS, ledger: '0' });
      const [month] = await sql<{ net: string; dupes: number }>(
        db,
        `SELECT (SELECT sum(net_cents) FROM statements)::text AS net,
                (SELECT count(*) FROM (SELECT 1 FROM statements GROUP BY worker_id, period_end HAVING count(*) > 1) d)::int AS dupes`,
      );
      // 60 % of 200.00 less 40.00 per worker.
      expect(month).toEqual({ net: String(WORKERS * 8000), dupes: 0 });
    },
  );
});
