import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- An offers round (MATCHING_STRATEGY=offers) is one attempt that stays open while it asks: outcome
    -- 'offering' until a worker accepts (assigned), the list runs out (no_worker_free) or the order moves on.
    ALTER TABLE matching_attempts DROP CONSTRAINT matching_attempts_outcome_check;
    ALTER TABLE matching_attempts ADD CONSTRAINT matching_attempts_outcome_check
      CHECK (outcome IN ('assigned', 'no_worker_free', 'order_moved_on', 'offering'));
    ALTER TABLE matching_attempts
      -- The workers asked, in the order they were asked (sequential offers only).
      ADD COLUMN offered uuid[] NOT NULL DEFAULT '{}',
      -- When a round ended (the retry interval counts from here); an immediate match ends as it starts.
      ADD COLUMN ended_at timestamptz;
    UPDATE matching_attempts SET ended_at = attempted_at;
    ALTER TABLE matching_attempts ADD CONSTRAINT matching_attempts_open_round CHECK ((outcome = 'offering') = (ended_at IS NULL));

    -- One question to one worker: take this order within the deadline, or not.
    CREATE TABLE matching_offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      attempt_id uuid NOT NULL REFERENCES matching_attempts (id),
      order_id uuid NOT NULL,
      worker_id uuid NOT NULL,
      -- The worker's place in the round's ranked candidates (0 = first).
      position integer NOT NULL CHECK (position >= 0),
      status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
      offered_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL CHECK (expires_at > offered_at),
      answered_at timestamptz,
      CHECK ((status = 'pending') = (answered_at IS NULL)),
      UNIQUE (attempt_id, position)
    );
    -- The round asks one worker at a time, and an order is taken once: the database holds both.
    CREATE UNIQUE INDEX matching_offers_one_pending ON matching_offers (order_id) WHERE status = 'pending';
    CREATE UNIQUE INDEX matching_offers_one_accepted ON matching_offers (order_id) WHERE status = 'accepted';
    -- GET /v1/offers (a worker's, newest first) and the deadline job (the earliest pending deadline).
    CREATE INDEX matching_offers_worker ON matching_offers (worker_id, offered_at DESC, id DESC);
    CREATE INDEX matching_offers_deadline ON matching_offers (expires_at) WHERE status = 'pending';
    CREATE INDEX matching_offers_order ON matching_offers (order_id, offered_at);
  `);
}
