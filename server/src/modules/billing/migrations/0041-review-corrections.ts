import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * Corrections a quality review makes (SPEC §10): a reversed fine, paid with
 * the worker's next statement as its own line, and a refund credited to a
 * client's balance. Each is posted in the ledger when it is made, with the
 * review as its reference; one of each kind per review and per order.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE review_corrections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('fine_reversal', 'refund')),
      review_id uuid NOT NULL,
      order_id uuid NOT NULL,
      worker_id uuid,
      client_id uuid,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      description text NOT NULL,
      created_at timestamptz NOT NULL,
      CHECK ((kind = 'fine_reversal') = (worker_id IS NOT NULL)),
      CHECK ((kind = 'refund') = (client_id IS NOT NULL)),
      UNIQUE (kind, review_id),
      UNIQUE (kind, order_id)
    );
    CREATE INDEX review_corrections_worker ON review_corrections (worker_id, created_at) WHERE kind = 'fine_reversal';

    -- A statement carries the month's adjustments (reversed fines) beside earnings, fines and rewards.
    ALTER TABLE statements ADD COLUMN adjustments_cents bigint NOT NULL DEFAULT 0 CHECK (adjustments_cents >= 0);
    ALTER TABLE statements DROP CONSTRAINT statements_check;
    ALTER TABLE statements ADD CONSTRAINT statements_net CHECK (net_cents = earned_cents - fines_cents + rewards_cents + adjustments_cents - debt_carried_cents);

    ALTER TABLE statement_lines ADD COLUMN correction_id uuid UNIQUE REFERENCES review_corrections (id);
    ALTER TABLE statement_lines ADD COLUMN description text;
    ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_kind_check;
    ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_kind_check CHECK (kind IN ('earning', 'fine', 'reward', 'adjustment'));
    ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_adjustment CHECK ((kind = 'adjustment') = (correction_id IS NOT NULL AND order_id IS NULL AND reward_id IS NULL));
  `);
}
