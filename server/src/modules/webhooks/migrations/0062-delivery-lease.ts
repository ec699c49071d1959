import type { MigrationContext } from '../../../platform/migrations.ts';

// An attempt in flight holds its delivery until leased_until (the database's
// wall clock, not the sandbox clock: it covers a network timeout), so a run
// can end while a slow endpoint is still answering, and no later run, in
// this process or another, sends that delivery again or sends the endpoint
// its next one before the attempt ends.
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE webhook_deliveries ADD COLUMN leased_until timestamptz;
    CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (endpoint_id, leased_until) WHERE status = 'pending' AND leased_until IS NOT NULL;
  `);
}
