import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- What each worker's orders came to (from orders' events): the stuff of statements.
    CREATE TABLE worker_outcomes (
      order_id uuid PRIMARY KEY,
      worker_id uuid NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('completed', 'failed')),
      price_cents bigint NOT NULL CHECK (price_cents >= 0),
      at timestamptz NOT NULL
    );
    CREATE INDEX worker_outcomes_worker ON worker_outcomes (worker_id, at);

    CREATE TABLE rewards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      worker_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      reason text NOT NULL CHECK (length(reason) > 0),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX rewards_worker ON rewards (worker_id, created_at);

    CREATE TABLE statements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      worker_id uuid NOT NULL,
      period_start timestamptz NOT NULL,
      period_end timestamptz NOT NULL,
      earned_cents bigint NOT NULL CHECK (earned_cents >= 0),
      fines_cents bigint NOT NULL CHECK (fines_cents >= 0),
      rewards_cents bigint NOT NULL CHECK (rewards_cents >= 0),
      debt_carried_cents bigint NOT NULL CHECK (debt_carried_cents >= 0),
      net_cents bigint NOT NULL,
      -- debt: a negative month, carried into the next; payable: awaiting its payout; paid: paid out (or nothing due).
      status text NOT NULL CHECK (status IN ('debt', 'payable', 'paid')),
      issued_at timestamptz NOT NULL,
      paid_at timestamptz,
      CHECK (net_cents = earned_cents - fines_cents + rewards_cents - debt_carried_cents),
      CHECK ((status = 'debt') = (net_cents < 0)),
      -- One statement per worker and month, however often the job runs.
      UNIQUE (worker_id, period_end)
    );

    CREATE TABLE statement_lines (
      statement_id uuid NOT NULL REFERENCES statements (id),
      kind text NOT NULL CHECK (kind IN ('earning', 'fine', 'reward')),
      order_id uuid,
      reward_id uuid UNIQUE,
      amount_cents bigint NOT NULL,
      at timestamptz NOT NULL,
      CHECK ((kind = 'reward') = (reward_id IS NOT NULL AND order_id IS NULL)),
      -- Each order's earning or fine, and each reward, on exactly one statement.
      UNIQUE (order_id)
    );
    CREATE INDEX statement_lines_statement ON statement_lines (statement_id);
  `);
}
