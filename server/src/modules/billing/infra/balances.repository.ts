import { sql, type Database } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { clientBalancesView, workerEarningsView } from './tables.ts';

export type ClientBalanceRow = RowOf<typeof clientBalancesView>;
export type WorkerEarningsRow = RowOf<typeof workerEarningsView>;

export const clientBalanceRow = async (db: Database, clientId: string) =>
  (await sql<ClientBalanceRow>(db, `SELECT ${clientBalancesView.list} FROM client_balances WHERE client_id = $1`, [clientId]))[0];

export const workerEarningsRow = async (db: Database, workerId: string) =>
  (await sql<WorkerEarningsRow>(db, `SELECT ${workerEarningsView.list} FROM worker_earnings WHERE worker_id = $1`, [workerId]))[0];

/** The owner's ledger accounts (a client's; a worker's, their bid winnings), each with its balance and how many entries make it. */
export const accountsOfOwner = (db: Database, ownerId: string) =>
  sql<{ id: string; kind: string; balance_cents: string; entries: number }>(
    db,
    `SELECT a.id, a.kind, coalesce(sum(e.amount_cents), 0)::text AS balance_cents, count(e.id)::int AS entries
     FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
     WHERE a.owner_id = $1 GROUP BY a.id, a.kind ORDER BY a.kind`,
    [ownerId],
  );
