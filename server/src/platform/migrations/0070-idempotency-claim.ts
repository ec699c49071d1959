import type { MigrationContext } from '../migrations.ts';

/**
 * Each claim of an Idempotency-Key gets its own id, chosen by the process
 * that claims it, so the process can later settle (release or complete)
 * exactly its own claim: also when the claim's acknowledgement was lost,
 * and never a claim another request took over in the meantime.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`ALTER TABLE idempotency_keys ADD COLUMN claim_id uuid`);
}
