import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * The dashboard's order figures, each one index scan: orders ended per day
 * and the failure rate (a final order's `updated_at` is when it ended), and
 * today's and this week's orders by status (by start, whatever the status).
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE INDEX orders_finished ON orders (updated_at) INCLUDE (status, failure_reason)
      WHERE status IN ('completed', 'failed', 'cancelled');
    CREATE INDEX orders_starts ON orders (starts_at) INCLUDE (status);
  `);
}
