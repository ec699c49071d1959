import { execute, type Database, type Tx } from '../../../platform/database.ts';

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
