import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';

export type AccountKind =
  | 'client'
  | 'worker'
  | 'platform_revenue'
  | 'fines'
  | 'rewards'
  | 'tips'
  | 'external_in'
  | 'external_out'
  | 'developers'
  // Bids' accounts (migration 0030, application/bid-ledger.ts): a manager's stakes, an order's pot, a winner's due winnings.
  | 'bids'
  | 'bid_pot'
  | 'bid_shares';

/** The account of an owner (or the platform's account of a kind), opened on first use. */
export async function accountId(db: Database, tx: Tx, kind: AccountKind, ownerId: string | null, now: Date): Promise<string> {
  const { rows } = await execute<{ id: string }>(
    db,
    `INSERT INTO ledger_accounts (kind, owner_id, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (kind, owner_id) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
    [kind, ownerId, now],
    tx,
  );
  return rows[0]!.id;
}

export interface Posting {
  kind: string;
  /** What caused it; one transaction per kind and reference (a retry posts nothing twice). */
  reference: string;
  description: string;
  entries: { account: { kind: AccountKind; ownerId: string | null }; amount: Money }[];
}

/**
 * Posts one balanced transaction (the database refuses an unbalanced one). Returns false, posting nothing, when this kind and reference
 * were already posted.
 */
export async function post(db: Database, tx: Tx, posting: Posting, now: Date): Promise<boolean> {
  const { rows } = await execute<{ id: string }>(
    db,
    `INSERT INTO ledger_transactions (kind, reference, description, occurred_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, reference) DO NOTHING RETURNING id`,
    [posting.kind, posting.reference, posting.description, now],
    tx,
  );
  if (!rows[0]) return false;
  const legs = posting.entries.filter((entry) => entry.amount.cents !== 0n);
  const accounts: string[] = [];
  for (const leg of legs) accounts.push(await accountId(db, tx, leg.account.kind, leg.account.ownerId, now));
  // All legs in one statement: the database checks each statement balances every transaction it writes to.
  await execute(
    db,
    'INSERT INTO ledger_entries (transaction_id, account_id, amount_cents) SELECT $1, a, c FROM unnest($2::uuid[], $3::bigint[]) AS l(a, c)',
    [rows[0].id, accounts, legs.map((leg) => leg.amount.cents.toString())],
    tx,
  );
  return true;
}

/** An account's balance: the sum of its entries (zero for an account never used). */
export async function balance(db: Database, kind: AccountKind, ownerId: string | null, tx?: Tx): Promise<Money> {
  const [row] = await sql<{ total: string | null }>(
    db,
    `SELECT sum(e.amount_cents) AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
     WHERE a.kind = $1 AND a.owner_id IS NOT DISTINCT FROM $2`,
    [kind, ownerId],
    tx,
  );
  return Money.fromCents(BigInt(row?.total ?? 0));
}

/** What reconciliation finds wrong: transactions that do not sum to zero, and the ledger's grand total. */
export async function reconciliationFindings(db: Database): Promise<{ unbalanced: { id: string; total: string }[]; grandTotal: bigint }> {
  const unbalanced = await sql<{ id: string; total: string }>(
    db,
    `SELECT transaction_id AS id, sum(amount_cents)::text AS total FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0 LIMIT 20`,
  );
  const [grand] = await sql<{ total: string | null }>(db, 'SELECT sum(amount_cents)::text AS total FROM ledger_entries');
  return { unbalanced, grandTotal: BigInt(grand?.total ?? 0) };
}

/** Accounts by id (the panel's ledger entries name theirs). */
export const findAccounts = (db: Database, ids: readonly string[]) =>
  sql<{ id: string; kind: string; owner_id: string | null }>(
    db,
    'SELECT id, kind, owner_id FROM ledger_accounts WHERE id = ANY($1::uuid[])',
    [ids],
  );
