import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- One payout per payable statement, through Golden Hat.
    CREATE TABLE payouts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      statement_id uuid NOT NULL UNIQUE,
      worker_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      -- pending: to be sent (or sent again); processing: Golden Hat has it; paid.
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'paid')),
      -- Each attempt has its own idempotency key (<payout id>:<attempt>): a network retry of an attempt is one
      -- payout at Golden Hat, and a new attempt is only made once Golden Hat has failed the previous one.
      attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
      provider_payout_id text,
      failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
      last_error text,
      next_attempt_at timestamptz,
      next_poll_at timestamptz,
      paid_at timestamptz,
      created_at timestamptz NOT NULL,
      CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
      CHECK (status = 'pending' OR provider_payout_id IS NOT NULL)
    );
    CREATE INDEX payouts_due ON payouts (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX payouts_poll ON payouts (next_poll_at) WHERE status = 'processing';

    CREATE TABLE golden_hat_events (
      id text PRIMARY KEY,
      type text NOT NULL,
      received_at timestamptz NOT NULL
    );
  `);
}
