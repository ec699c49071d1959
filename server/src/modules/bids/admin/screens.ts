import { Model, type Sequelize } from 'sequelize';
import type { AdminActionsExtension, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  confirmAction,
  formAction,
  moneyAttribute,
  relatedList,
  runAdminAction,
  type AdminActionContext,
} from '../../../admin/actions.ts';
import { bidsTable, settlementsTable, settlementSharesTable } from '../infra/bids.tables.ts';
import { placeBid } from '../application/place-bid.ts';
import { markSharePaid } from '../application/mark-share-paid.ts';
import type { Bids } from '../application/context.ts';
import { stakesOpen } from '../domain/bid.ts';

class BidRecord extends Model {}
class SettlementRecord extends Model {}
class SettlementShareRecord extends Model {}

/**
 * Bids in the panel (managers and admins): every order's bids, its
 * settlement and the winners' shares, each due share with "Mark paid"
 * through the same use case as the API (audited, in the ledger).
 */
export function bidsAdminResources(bids: Bids, sequelize: Sequelize): AdminResource[] {
  bidsTable.model(sequelize, BidRecord, { modelName: 'Bid', extra: { amount: moneyAttribute('amountCents') } });
  settlementsTable.model(sequelize, SettlementRecord, {
    modelName: 'Settlement',
    extra: {
      pot: moneyAttribute('potCents'),
      winnersPot: moneyAttribute('winnersPotCents'),
      developersShare: moneyAttribute('developersShareCents'),
      remainder: moneyAttribute('remainderCents'),
    },
  });
  settlementSharesTable.model(sequelize, SettlementShareRecord, {
    modelName: 'SettlementShare',
    extra: { stake: moneyAttribute('stakeCents'), amount: moneyAttribute('amountCents') },
  });
  const navigation = { name: 'Bids', icon: 'TrendingUp' };
  const hidden = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { isVisible: false }]));
  return [
    {
      resource: BidRecord,
      options: {
        id: 'bids',
        navigation,
        listProperties: ['createdAt', 'orderId', 'managerId', 'amount', 'condition', 'status'],
        showProperties: ['id', 'orderId', 'managerId', 'amount', 'condition', 'status', 'createdAt', 'settledAt'],
        filterProperties: ['orderId', 'managerId', 'condition', 'status', 'createdAt'],
        properties: { orderId: { reference: 'orders' }, managerId: { reference: 'users' }, ...hidden('amountCents') },
        // The latest stakes first (an order's own bids, through its Bids link, are few).
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      resource: SettlementRecord,
      options: {
        id: 'settlements',
        navigation,
        listProperties: ['settledAt', 'orderId', 'outcome', 'pot', 'winnersPot', 'developersShare', 'remainder'],
        showProperties: ['id', 'orderId', 'outcome', 'pot', 'winnersPot', 'developersShare', 'remainder', 'settledAt'],
        filterProperties: ['orderId', 'outcome', 'settledAt'],
        properties: {
          orderId: { reference: 'orders' },
          ...hidden('potCents', 'winnersPotCents', 'developersShareCents', 'remainderCents'),
        },
        sort: { sortBy: 'settledAt', direction: 'desc' },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, shares: relatedList('settlement_shares', 'settlementId', 'List') },
      },
    },
    {
      resource: SettlementShareRecord,
      options: {
        id: 'settlement_shares',
        navigation,
        listProperties: ['orderId', 'managerId', 'stake', 'amount', 'status', 'paidAt', 'paidBy'],
        showProperties: ['id', 'settlementId', 'orderId', 'bidId', 'managerId', 'stake', 'amount', 'status', 'paidAt', 'paidBy'],
        filterProperties: ['orderId', 'settlementId', 'managerId', 'status'],
        properties: {
          orderId: { reference: 'orders' },
          settlementId: { reference: 'settlements' },
          bidId: { reference: 'bids' },
          managerId: { reference: 'users' },
          paidBy: { reference: 'users' },
          ...hidden('stakeCents', 'amountCents'),
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          markPaid: confirmAction({
            icon: 'CheckCircle',
            question: 'You paid this winner outside the platform? Marking the share paid cannot be undone.',
            submitLabel: 'Mark paid',
            isVisible: ({ record }: { record?: { params: { status?: string } } }) => record?.params.status === 'due',
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => markSharePaid(bids, { actor: adminActor(context), shareId: context.record!.id() }),
                'Share marked paid.',
                { showAfterwards: true },
              ),
          }),
        },
      },
    },
  ];
}

/** On each order (Orders → Orders): its bids, its settlement and shares, and "Place bid…" through the same use case. */
export function bidsAdminActions(bids: Bids): AdminActionsExtension[] {
  return [
    {
      resourceId: 'orders',
      actionLabels: { bids: 'Bids', settlement: 'Settlement', settlementShares: 'Settlement shares', placeBid: 'Place bid…' },
      actions: {
        bids: relatedList('bids', 'orderId', 'TrendingUp'),
        settlement: relatedList('settlements', 'orderId', 'PieChart'),
        settlementShares: relatedList('settlement_shares', 'orderId', 'CheckCircle'),
        placeBid: formAction({
          icon: 'PlusCircle',
          isVisible: ({ record }: { record?: { params: { status?: string } } }) => stakesOpen(String(record?.params.status)),
          help: 'Stake on how this order ends. Bids close when the worker checks in.',
          submitLabel: 'Place bid',
          fields: [
            { name: 'amount', label: 'Amount (cat-units)', placeholder: '25.00' },
            { name: 'condition', label: 'Condition (completed or failed)', placeholder: 'completed' },
          ],
          run: (form, orderId, actor) =>
            placeBid(bids, { actor, orderId, amount: String(form.amount ?? '').trim(), condition: String(form.condition ?? '').trim() }),
          done: 'Bid placed.',
          then: (orderId) => ({ resourceId: 'bids', search: `?filters.orderId=${orderId}` }),
        }),
      },
    },
  ];
}
