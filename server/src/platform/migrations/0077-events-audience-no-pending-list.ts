import type { MigrationContext } from '../migrations.ts';

/**
 * The feed's audience index without GIN's pending list. With `fastupdate`
 * (the default) new entries wait in an unordered list until a vacuum merges
 * them, and every search reads the whole list: on bench/api's seed a
 * client's page of `GET /v1/events?after=` read 440 pages of it, 6.7 ms of
 * its 7 ms (0.06 ms once merged), and under a steady stream of events the
 * list refills up to its 4 MB. An event names one or two users, so
 * writing each entry into the index at once costs an insert little.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER INDEX events_audience SET (fastupdate = off);
    SELECT gin_clean_pending_list('events_audience');
  `);
}
