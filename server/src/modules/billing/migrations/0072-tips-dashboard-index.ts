import type { MigrationContext } from '../../../platform/migrations.ts';

/** The dashboard's tips figure, one index scan: the tips given since Monday (the money to workers, apart from revenue). */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`CREATE INDEX billable_tips_tipped ON billable_tips (tipped_at) INCLUDE (amount_cents);`);
}
