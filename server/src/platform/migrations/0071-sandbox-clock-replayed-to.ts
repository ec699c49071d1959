import type { MigrationContext } from '../migrations.ts';

/**
 * While a sandbox-clock advance is under way, the time up to which every job
 * due on the way has run (NULL once an advance finished). An advance killed
 * after moving the clock to a step but before that step's calendar jobs
 * committed leaves it behind the clock, and the next advance runs them again
 * instead of starting after them.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`ALTER TABLE sandbox_clock ADD COLUMN replayed_to timestamptz`);
}
