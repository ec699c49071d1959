import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * Bids (SPEC §9) put stakes through the ledger, so three account kinds join
 * the ledger, each owned by someone:
 * - `bids`: a manager's stakes account (owner: the manager); a stake moves out of it into the order's pot, so it goes
 *   negative by what the manager staked;
 * - `bid_pot`: an order's pot (owner: the order); the stakes wait here until the order is settled;
 * - `bid_shares`: a winner's due winnings (owner: the manager); filled at settlement, emptied to `external_out` when a
 *   manager marks the share paid (the winner was paid outside the platform).
 * A pot nobody wins goes to the platform's `developers` account.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check;
    ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_check;
    ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_check CHECK (kind IN (
      'client', 'worker', 'platform_revenue', 'fines', 'rewards', 'external_in', 'external_out', 'developers',
      'bids', 'bid_pot', 'bid_shares'
    ));
    ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_owner_check
      CHECK ((kind IN ('client', 'worker', 'bids', 'bid_pot', 'bid_shares')) = (owner_id IS NOT NULL));
  `);
}
