import type { MigrationContext } from '../migrations.ts';

/** The dashboard's platform figures, each one index scan: outbox messages given up, failed job runs (by platform time). */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE INDEX outbox_given_up ON outbox (created_at) INCLUDE (topic) WHERE status = 'failed';
    CREATE INDEX job_runs_failed ON job_runs (as_of) INCLUDE (job) WHERE outcome = 'failed';
  `);
}
