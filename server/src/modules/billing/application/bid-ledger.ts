import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { post } from '../infra/ledger.repository.ts';

/**
 * The ledger operations bids needs (SPEC §9), billing's service to it
 * (`peers.of(billingModule)`). Each runs in the caller's transaction, so a
 * bid and its stake, or a settlement and its postings, commit together.
 * Accounts: a manager's `bids` (stakes go out of it), an order's `bid_pot`,
 * a winner's `bid_shares` (due winnings), the platform's `developers` (a pot
 * nobody won) and `external_out` (a share the manager paid outside the platform).
 * Each posting is one transaction per kind and reference, so a retried cause
 * posts nothing twice; the bid ledger refuses a repeat it did not expect.
 */
export interface BidLedger {
  /** A manager stakes `amount` on an order: their bids account → the order's pot. */
  postStake(tx: Tx, stake: { bidId: string; orderId: string; managerId: string; amount: Money }): Promise<void>;
  /** The order's pot → each winner's due share, or (nobody won) the developers' account. Once per order. */
  settlePot(
    tx: Tx,
    settlement: { orderId: string; pot: Money; shares: { shareId: string; managerId: string; amount: Money }[]; developersShare: Money },
  ): Promise<void>;
  /** A winner was paid outside the platform: their due share → external_out. Once per share. */
  markSharePaid(tx: Tx, share: { shareId: string; managerId: string; amount: Money }): Promise<void>;
}

const negative = (amount: Money) => Money.zero().minus(amount);

export function createBidLedger(kernel: Pick<Kernel, 'db' | 'clock'>): BidLedger {
  const postOnce = async (tx: Tx, posting: Parameters<typeof post>[2]) => {
    // The callers hold their own exactly-once keys; a posting already made means they lost track: refuse, roll back.
    if (!(await post(kernel.db, tx, posting, kernel.clock.now()))) {
      throw new Error(`the ledger already holds ${posting.kind} ${posting.reference}`);
    }
  };
  return {
    async postStake(tx, stake) {
      if (stake.amount.cents <= 0n) throw new RangeError('a stake is more than zero');
      await postOnce(tx, {
        kind: 'bid_stake',
        reference: stake.bidId,
        description: `Stake on order ${stake.orderId}`,
        entries: [
          { account: { kind: 'bids', ownerId: stake.managerId }, amount: negative(stake.amount) },
          { account: { kind: 'bid_pot', ownerId: stake.orderId }, amount: stake.amount },
        ],
      });
    },
    async settlePot(tx, settlement) {
      const shared = settlement.shares.reduce((sum, share) => sum.plus(share.amount), Money.zero());
      if (!shared.plus(settlement.developersShare).equals(settlement.pot)) {
        throw new Error(`the settlement of order ${settlement.orderId} does not add up to its pot`);
      }
      await postOnce(tx, {
        kind: 'bid_settlement',
        reference: settlement.orderId,
        description: `Settlement of the bids on order ${settlement.orderId}`,
        entries: [
          { account: { kind: 'bid_pot', ownerId: settlement.orderId }, amount: negative(settlement.pot) },
          ...settlement.shares.map((share) => ({
            account: { kind: 'bid_shares' as const, ownerId: share.managerId },
            amount: share.amount,
          })),
          { account: { kind: 'developers', ownerId: null }, amount: settlement.developersShare },
        ],
      });
    },
    async markSharePaid(tx, share) {
      await postOnce(tx, {
        kind: 'bid_share_paid',
        reference: share.shareId,
        description: `Settlement share ${share.shareId} paid by a manager`,
        entries: [
          { account: { kind: 'bid_shares', ownerId: share.managerId }, amount: negative(share.amount) },
          { account: { kind: 'external_out', ownerId: null }, amount: share.amount },
        ],
      });
    },
  };
}
