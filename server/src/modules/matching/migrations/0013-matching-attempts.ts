import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Every try to match an order: who was free, in the strategy's order, and who got it.
    CREATE TABLE matching_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL,
      attempted_at timestamptz NOT NULL,
      strategy text NOT NULL,
      candidates uuid[] NOT NULL,
      -- Candidates the database refused (taken by a concurrent match meanwhile).
      refused uuid[] NOT NULL DEFAULT '{}',
      chosen uuid,
      price_cents bigint CHECK (price_cents >= 0),
      pricing text,
      outcome text NOT NULL CHECK (outcome IN ('assigned', 'no_worker_free', 'order_moved_on')),
      CHECK ((outcome = 'assigned') = (chosen IS NOT NULL AND price_cents IS NOT NULL))
    );
    CREATE INDEX matching_attempts_order ON matching_attempts (order_id, attempted_at DESC);
  `);
}
