import { execute, sql, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { topUpsTable } from './tables.ts';

export async function insertTopUp(
  db: Database,
  tx: Tx,
  topUp: {
    id: string;
    clientId: string;
    amountCents: bigint;
    provider: string;
    status: string;
    providerReference: string | null;
    failureReason: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await execute(
    db,
    `INSERT INTO top_ups (id, client_id, amount_cents, provider, status, provider_reference, failure_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      topUp.id,
      topUp.clientId,
      topUp.amountCents.toString(),
      topUp.provider,
      topUp.status,
      topUp.providerReference,
      topUp.failureReason,
      topUp.createdAt,
    ],
    tx,
  );
}

const RECENT = ['id', 'amount_cents', 'status', 'provider', 'failure_reason', 'created_at'] as const;
export type TopUpRow = Pick<RowOf<typeof topUpsTable>, (typeof RECENT)[number]>;

/** A client's latest top-ups, newest first. */
export const recentTopUps = (db: Database, clientId: string, limit: number) =>
  sql<TopUpRow>(db, `SELECT ${topUpsTable.listOf(RECENT)} FROM top_ups WHERE client_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [
    clientId,
    limit,
  ]);
