import type { MigrationContext } from '../../../platform/migrations.ts';

/** The dashboard's failed webhook deliveries (the last 7 days), one index scan. */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (finished_at) WHERE status = 'failed';`);
}
