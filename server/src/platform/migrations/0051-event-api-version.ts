import type { MigrationContext } from '../migrations.ts';

/**
 * Each public event keeps the version of its payload's shape it was recorded
 * with (`PUBLIC_EVENTS_API_VERSION`), so a later change of shape never
 * relabels the events already in the feed.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`ALTER TABLE events ADD COLUMN api_version text NOT NULL DEFAULT '2026-12-01' CHECK (api_version ~ '^\\d{4}-\\d{2}-\\d{2}$')`);
}
