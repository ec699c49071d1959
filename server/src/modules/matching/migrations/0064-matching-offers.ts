import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE matching_attempts
      -- The ranking the candidates are in (the one actually used, after any fallback).
      ADD COLUMN ranking text,
      -- Why the ranking is not the configured one (no coordinates …), in words for staff.
      ADD COLUMN note text;
    UPDATE matching_attempts SET ranking = strategy;
  `);
}
