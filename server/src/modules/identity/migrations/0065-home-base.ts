import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Great-circle distances with a GiST index (nearest-available matching). The embedded PostgreSQL
    -- ships cube and earthdistance (not PostGIS); so does Debian's PostgreSQL 15.
    CREATE EXTENSION IF NOT EXISTS cube;
    CREATE EXTENSION IF NOT EXISTS earthdistance;
    -- A worker's home base, in millionths of a degree (exact through the API): both or neither.
    ALTER TABLE users
      ADD COLUMN home_lat_e6 integer CHECK (home_lat_e6 BETWEEN -90000000 AND 90000000),
      ADD COLUMN home_lng_e6 integer CHECK (home_lng_e6 BETWEEN -180000000 AND 180000000),
      ADD CONSTRAINT users_home_base_whole CHECK ((home_lat_e6 IS NULL) = (home_lng_e6 IS NULL));
    -- Nearest first by the index (KNN on <->, the chord through the earth: the same order as the arc).
    CREATE INDEX users_home_base ON users USING gist (ll_to_earth(home_lat_e6 / 1e6::float8, home_lng_e6 / 1e6::float8))
      WHERE home_lat_e6 IS NOT NULL;
  `);
}
