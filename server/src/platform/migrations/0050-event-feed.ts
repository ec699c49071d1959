import type { MigrationContext } from '../migrations.ts';

/**
 * The public event feed (`event-feed.ts`): what partners read at
 * GET /v1/events and what webhooks deliver. Written in the transaction of
 * the change it reports, so an event exists only if its cause committed.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      type text NOT NULL CHECK (type ~ '^[a-z]+(\\.[a-z_]+)+$'),
      data jsonb NOT NULL,
      -- Users besides staff who may read it (an order's client and worker …).
      audience uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      -- The recording transaction: the feed is read in (tx, seq) order, up to the oldest running transaction.
      tx xid8 NOT NULL DEFAULT pg_current_xact_id()
    );
    CREATE INDEX events_position ON events (tx, seq);
    CREATE INDEX events_created_at ON events (created_at);
    CREATE INDEX events_audience ON events USING gin (audience);
  `);
}
