import { transaction } from '../../../platform/database.ts';
import { Money, formatCents } from '../../../platform/money.ts';
import { settledStatus, type SettlementOutcome } from '../domain/bid.ts';
import { splitPot } from '../domain/settlement.ts';
import {
  claimSettlement,
  findSettlementOfOrder,
  insertShares,
  lockBidsOfOrder,
  settleBidRows,
  sharesOfSettlement,
} from '../infra/bids.repository.ts';
import { settlementView } from './views.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { orderHeadline } from '../../orders/index.ts';
import { shareWonEmail } from '../domain/emails.ts';
import type { Bids } from './context.ts';

/**
 * Settles an ended order's bids, exactly once (SPEC §9): in one transaction
 * it locks the order's bids, splits the pot (domain/settlement.ts), claims
 * the order's one settlement row (a unique key: a second run, concurrent or
 * later, finds it claimed and changes nothing), writes the winners' shares,
 * marks every bid won or lost, posts the pot in the ledger (once per order,
 * by kind and reference), emails each winner and publishes
 * `settlement.computed`. A crash
 * anywhere rolls all of it back, and the retried delivery settles afresh.
 * An order nobody bid on is settled too (pot 0.00), so every ended order has
 * a settlement.
 */
export async function settleOrder(bids: Bids, input: { orderId: string; outcome: SettlementOutcome }) {
  const { kernel } = bids;
  return transaction(kernel.db, async (tx) => {
    const existing = await findSettlementOfOrder(kernel.db, input.orderId, tx);
    if (existing) return { settled: false, settlement: settlementView(existing, await sharesOfSettlement(kernel.db, existing.id, tx)) };
    const rows = await lockBidsOfOrder(kernel.db, tx, input.orderId);
    const split = splitPot(
      rows.map((row) => ({
        id: row.id,
        managerId: row.manager_id,
        amountCents: BigInt(row.amount_cents),
        condition: row.condition,
        createdAt: new Date(row.created_at),
      })),
      input.outcome,
    );
    const now = kernel.clock.now();
    const claimed = await claimSettlement(kernel.db, tx, {
      orderId: input.orderId,
      outcome: input.outcome,
      potCents: split.pot,
      winnersPotCents: split.winnersPot,
      developersShareCents: split.developersShare,
      remainderCents: split.remainder,
      now,
    });
    if (!claimed) {
      // Another run settled it while this one waited for the bids' locks.
      const settlement = (await findSettlementOfOrder(kernel.db, input.orderId, tx))!;
      return { settled: false, settlement: settlementView(settlement, await sharesOfSettlement(kernel.db, settlement.id, tx)) };
    }
    const shares = await insertShares(kernel.db, tx, { id: claimed.id, orderId: input.orderId }, split.shares);
    const statuses = rows.map((row) => {
      const decision = settledStatus(row, input.outcome);
      if (!decision.ok) throw new Error(`bid ${row.id} is already ${row.status}`);
      return { id: row.id, status: decision.to };
    });
    await settleBidRows(kernel.db, tx, statuses, now);
    await bids.ledger.settlePot(tx, {
      orderId: input.orderId,
      pot: Money.fromCents(split.pot),
      shares: shares.map((share) => ({
        shareId: share.id,
        managerId: share.manager_id,
        amount: Money.fromCents(BigInt(share.amount_cents)),
      })),
      developersShare: Money.fromCents(split.developersShare),
    });
    const settlement = settlementView(claimed, shares);
    // Each winner hears what it is owed, in the settlement's transaction (once per share).
    const order = await orderHeadline(kernel, input.orderId, tx);
    if (!order) throw new Error(`order ${input.orderId} settled but not found`);
    for (const share of settlement.shares) {
      const contact = await findContact(kernel, share.managerId, tx);
      if (!contact) continue;
      await sendEmail(kernel, tx, {
        template: shareWonEmail,
        to: contact.email,
        data: { name: contact.name, order, outcome: input.outcome, stake: share.stake, amount: share.amount },
        dedupeKey: `settlement-share:${share.id}:won`,
      });
    }
    await kernel.events.publish(
      tx,
      'settlement.computed',
      {
        settlementId: claimed.id,
        orderId: input.orderId,
        outcome: input.outcome,
        pot: settlement.pot,
        winnersPot: settlement.winnersPot,
        developersShare: settlement.developersShare,
        remainder: settlement.remainder,
        shares: shares.map((s) => ({
          shareId: s.id,
          bidId: s.bid_id,
          managerId: s.manager_id,
          stake: formatCents(s.stake_cents),
          amount: formatCents(s.amount_cents),
        })),
        settledAt: settlement.settledAt,
      },
      `settlement:${input.orderId}`,
    );
    // Managers' business only (a settlement names who staked and won): no audience beyond staff.
    await kernel.events.recordPublic(tx, { type: 'settlement.computed', data: settlement, audience: [] });
    return { settled: true, settlement };
  });
}
