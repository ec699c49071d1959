import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * An order edited while its offers round is open (issue #19): the pending
 * offer no longer describes the order (another time, another address), so
 * the round ends `order_edited` and a fresh one is ranked for the order as
 * it is now. `after_edit` is the `order.edited` event the fresh round
 * follows: one round per edit, however often the event is delivered.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE matching_attempts DROP CONSTRAINT matching_attempts_outcome_check;
    ALTER TABLE matching_attempts ADD CONSTRAINT matching_attempts_outcome_check
      CHECK (outcome IN ('assigned', 'no_worker_free', 'order_moved_on', 'offering', 'order_edited'));
    ALTER TABLE matching_attempts ADD COLUMN after_edit uuid;
    CREATE UNIQUE INDEX matching_attempts_after_edit ON matching_attempts (after_edit) WHERE after_edit IS NOT NULL;
  `);
}
