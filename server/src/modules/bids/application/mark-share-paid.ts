import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money } from '../../../platform/money.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { findSettlementOfOrder, findShare, markShareRowPaid, sharesOfSettlement } from '../infra/bids.repository.ts';
import { settlementView, shareView } from './views.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { orderHeadline } from '../../orders/index.ts';
import { sharePaidEmail } from '../domain/emails.ts';
import type { Bids } from './context.ts';

/**
 * A manager paid a winner outside the platform and says so (SPEC §9): on the
 * locked share, `due` becomes `paid`, the ledger moves the amount out of the
 * winner's due winnings, audited, the winner emailed, `settlement.share_paid` published, all in
 * one transaction. A share already paid is refused (409) and nothing changes:
 * of twenty racing marks one succeeds. (A retry with the same Idempotency-Key
 * replays the first answer before this runs.)
 */
export async function markSharePaid(bids: Bids, input: { actor: Principal; shareId: string; requestId?: string }) {
  const { kernel } = bids;
  if (!isManager(input.actor)) throw new AppError('AUTH.FORBIDDEN', 'Only managers and admins mark shares paid.');
  return transaction(kernel.db, async (tx) => {
    const share = await findShare(kernel.db, input.shareId, tx, true);
    if (!share) throw new AppError('NOT_FOUND', 'No such settlement share.');
    if (share.status !== 'due') {
      throw new AppError('BIDS.SHARE_ALREADY_PAID', `This share was already marked paid at ${new Date(share.paid_at!).toISOString()}.`);
    }
    const now = kernel.clock.now();
    const paid = (await markShareRowPaid(kernel.db, tx, share.id, input.actor.id, now))!;
    const amount = Money.fromCents(BigInt(paid.amount_cents));
    await bids.ledger.markSharePaid(tx, { shareId: paid.id, managerId: paid.manager_id, amount });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'settlement_share.paid',
      targetType: 'settlement_share',
      targetId: paid.id,
      before: { status: share.status },
      after: { status: paid.status, amount: amount.toString(), winnerId: paid.manager_id, orderId: paid.order_id },
      requestId: input.requestId,
    });
    const view = shareView(paid);
    const winner = await findContact(kernel, paid.manager_id, tx);
    if (winner) {
      // A share exists only for an order that ended, and orders are never deleted.
      const order = await orderHeadline(kernel, paid.order_id, tx);
      if (!order) throw new Error(`order ${paid.order_id} of share ${paid.id} not found`);
      const payer = input.actor.id === paid.manager_id ? undefined : await findContact(kernel, input.actor.id, tx);
      await sendEmail(kernel, tx, {
        template: sharePaidEmail,
        to: winner.email,
        data: {
          name: winner.name,
          order,
          amount: view.amount,
          paidBy: input.actor.id === paid.manager_id ? null : (payer?.name ?? 'a manager'),
        },
        dedupeKey: `settlement-share:${paid.id}:paid`,
      });
    }
    await kernel.events.publish(
      tx,
      'settlement.share_paid',
      {
        shareId: paid.id,
        settlementId: paid.settlement_id,
        orderId: paid.order_id,
        managerId: paid.manager_id,
        amount: view.amount,
        paidAt: view.paidAt!,
        paidBy: input.actor.id,
      },
      `share-paid:${paid.id}`,
    );
    const settlement = (await findSettlementOfOrder(kernel.db, paid.order_id, tx))!;
    await kernel.events.recordPublic(tx, {
      type: 'settlement.share_paid',
      data: settlementView(settlement, await sharesOfSettlement(kernel.db, settlement.id, tx)),
      audience: [],
    });
    return view;
  });
}
