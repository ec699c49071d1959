import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Managers' stakes on an order's outcome (SPEC §9). Orders and users belong to other modules: no foreign keys across modules.
    CREATE TABLE bids (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL,
      manager_id uuid NOT NULL,
      -- Hundredths: more than 0.00, at most 1,000,000.00.
      amount_cents bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 100000000),
      condition text NOT NULL CHECK (condition IN ('completed', 'failed')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
      created_at timestamptz NOT NULL,
      settled_at timestamptz,
      CHECK ((status = 'open') = (settled_at IS NULL))
    );
    CREATE INDEX bids_order ON bids (order_id, created_at, id);

    -- One settlement per order: the unique key is what makes settling exactly once.
    CREATE TABLE settlements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL UNIQUE,
      outcome text NOT NULL CHECK (outcome IN ('completed', 'failed', 'cancelled')),
      pot_cents bigint NOT NULL CHECK (pot_cents >= 0),
      winners_pot_cents bigint NOT NULL CHECK (winners_pot_cents >= 0),
      developers_share_cents bigint NOT NULL CHECK (developers_share_cents >= 0),
      -- The hundredths the largest-remainder step handed out (already inside the shares).
      remainder_cents bigint NOT NULL CHECK (remainder_cents >= 0),
      settled_at timestamptz NOT NULL,
      CHECK (winners_pot_cents + developers_share_cents = pot_cents),
      -- All or nothing: either the winners share the whole pot or the developers take it.
      CHECK (winners_pot_cents = 0 OR developers_share_cents = 0)
    );

    -- What each winning bid is owed; managers pay it outside the platform and mark it paid.
    CREATE TABLE settlement_shares (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      settlement_id uuid NOT NULL REFERENCES settlements (id),
      -- The settlement's order again, so the panel can list an order's shares.
      order_id uuid NOT NULL,
      bid_id uuid NOT NULL UNIQUE REFERENCES bids (id),
      manager_id uuid NOT NULL,
      stake_cents bigint NOT NULL CHECK (stake_cents > 0),
      -- A winner always gets at least its stake back (the pot holds every winning stake).
      amount_cents bigint NOT NULL CHECK (amount_cents >= stake_cents),
      status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid')),
      paid_at timestamptz,
      paid_by uuid,
      CHECK ((status = 'paid') = (paid_at IS NOT NULL AND paid_by IS NOT NULL))
    );
    CREATE INDEX settlement_shares_settlement ON settlement_shares (settlement_id);
    CREATE INDEX settlement_shares_order ON settlement_shares (order_id);
  `);
}
