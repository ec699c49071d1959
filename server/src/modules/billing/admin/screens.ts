import { DataTypes, Model, type Sequelize } from 'sequelize';
import { ACTION_FORM } from '@chorecat/admin';
import type { AdminActionsExtension, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  chosenId,
  confirmAction,
  moneyAttribute,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { grantReward } from '../application/statements.ts';
import { retryPayoutNow, type Payouts } from '../application/payouts.ts';

class AccountRecord extends Model {}
class EntryRecord extends Model {}
class TopUpRecord extends Model {}
class InvoiceRecord extends Model {}
class StatementRecord extends Model {}
class RewardRecord extends Model {}
class PayoutRecord extends Model {}

/** The ledger, read-only: accounts, and each account's entries; top-ups. */
export function billingAdminResources(billing: Payouts, sequelize: Sequelize): AdminResource[] {
  AccountRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      kind: { type: DataTypes.TEXT },
      ownerId: { type: DataTypes.UUID, field: 'owner_id' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'ledger_accounts', modelName: 'LedgerAccount', timestamps: false },
  );
  EntryRecord.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true },
      transactionId: { type: DataTypes.UUID, field: 'transaction_id' },
      accountId: { type: DataTypes.UUID, field: 'account_id' },
      amountCents: { type: DataTypes.BIGINT, field: 'amount_cents' },
      amount: moneyAttribute('amountCents'),
    },
    { sequelize, tableName: 'ledger_entries', modelName: 'LedgerEntry', timestamps: false },
  );
  TopUpRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      clientId: { type: DataTypes.UUID, field: 'client_id' },
      amountCents: { type: DataTypes.BIGINT, field: 'amount_cents' },
      amount: moneyAttribute('amountCents'),
      provider: { type: DataTypes.TEXT },
      status: { type: DataTypes.TEXT },
      failureReason: { type: DataTypes.TEXT, field: 'failure_reason' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'top_ups', modelName: 'TopUp', timestamps: false },
  );
  InvoiceRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      clientId: { type: DataTypes.UUID, field: 'client_id' },
      periodStart: { type: DataTypes.DATE, field: 'period_start' },
      periodEnd: { type: DataTypes.DATE, field: 'period_end' },
      subtotalCents: { type: DataTypes.BIGINT, field: 'subtotal_cents' },
      subtotal: moneyAttribute('subtotalCents'),
      paidBeforeCents: { type: DataTypes.BIGINT, field: 'paid_before_cents' },
      paidBefore: moneyAttribute('paidBeforeCents'),
      discountRate: { type: DataTypes.INTEGER, field: 'discount_rate' },
      discountCents: { type: DataTypes.BIGINT, field: 'discount_cents' },
      discount: moneyAttribute('discountCents'),
      totalCents: { type: DataTypes.BIGINT, field: 'total_cents' },
      total: moneyAttribute('totalCents'),
      status: { type: DataTypes.TEXT },
      issuedAt: { type: DataTypes.DATE, field: 'issued_at' },
      paidAt: { type: DataTypes.DATE, field: 'paid_at' },
    },
    { sequelize, tableName: 'invoices', modelName: 'Invoice', timestamps: false },
  );
  StatementRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      workerId: { type: DataTypes.UUID, field: 'worker_id' },
      periodStart: { type: DataTypes.DATE, field: 'period_start' },
      periodEnd: { type: DataTypes.DATE, field: 'period_end' },
      earnedCents: { type: DataTypes.BIGINT, field: 'earned_cents' },
      earned: moneyAttribute('earnedCents'),
      finesCents: { type: DataTypes.BIGINT, field: 'fines_cents' },
      fines: moneyAttribute('finesCents'),
      rewardsCents: { type: DataTypes.BIGINT, field: 'rewards_cents' },
      rewards: moneyAttribute('rewardsCents'),
      adjustmentsCents: { type: DataTypes.BIGINT, field: 'adjustments_cents' },
      adjustments: moneyAttribute('adjustmentsCents'),
      debtCarriedCents: { type: DataTypes.BIGINT, field: 'debt_carried_cents' },
      debtCarried: moneyAttribute('debtCarriedCents'),
      netCents: { type: DataTypes.BIGINT, field: 'net_cents' },
      net: moneyAttribute('netCents'),
      status: { type: DataTypes.TEXT },
      issuedAt: { type: DataTypes.DATE, field: 'issued_at' },
      paidAt: { type: DataTypes.DATE, field: 'paid_at' },
    },
    { sequelize, tableName: 'statements', modelName: 'Statement', timestamps: false },
  );
  RewardRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      workerId: { type: DataTypes.UUID, field: 'worker_id' },
      amountCents: { type: DataTypes.BIGINT, field: 'amount_cents' },
      amount: moneyAttribute('amountCents'),
      reason: { type: DataTypes.TEXT },
      createdBy: { type: DataTypes.UUID, field: 'created_by' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'rewards', modelName: 'Reward', timestamps: false },
  );
  PayoutRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      statementId: { type: DataTypes.UUID, field: 'statement_id' },
      workerId: { type: DataTypes.UUID, field: 'worker_id' },
      amountCents: { type: DataTypes.BIGINT, field: 'amount_cents' },
      amount: moneyAttribute('amountCents'),
      status: { type: DataTypes.TEXT },
      attempt: { type: DataTypes.INTEGER },
      providerPayoutId: { type: DataTypes.TEXT, field: 'provider_payout_id' },
      failures: { type: DataTypes.INTEGER },
      lastError: { type: DataTypes.TEXT, field: 'last_error' },
      nextAttemptAt: { type: DataTypes.DATE, field: 'next_attempt_at' },
      paidAt: { type: DataTypes.DATE, field: 'paid_at' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'payouts', modelName: 'Payout', timestamps: false },
  );
  const navigation = { name: 'Billing', icon: 'DollarSign' };
  const hiddenCents = Object.fromEntries(
    ['subtotalCents', 'paidBeforeCents', 'discountCents', 'totalCents', 'amountCents'].map((k) => [k, { isVisible: false }]),
  );
  return [
    {
      // Failed payouts are visible here (failures, last error, next try) and can be retried at once.
      resource: PayoutRecord,
      options: {
        id: 'payouts',
        navigation,
        listProperties: ['createdAt', 'workerId', 'amount', 'status', 'failures', 'lastError', 'nextAttemptAt'],
        filterProperties: ['workerId', 'status', 'createdAt'],
        properties: { workerId: { reference: 'users' }, statementId: { reference: 'statements' }, amountCents: { isVisible: false } },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          retry: confirmAction({
            icon: 'RefreshCw',
            question: 'Send this payout to Golden Hat again now, without waiting for the next retry?',
            submitLabel: 'Send again',
            isVisible: ({ record }: { record?: { params: { status?: string } } }) => record?.params.status === 'pending',
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => retryPayoutNow(billing, { actor: adminActor(context), payoutId: context.record!.id() }),
                'Payout sent again.',
                { showAfterwards: true },
              ),
          }),
        },
      },
    },
    {
      resource: StatementRecord,
      options: {
        id: 'statements',
        navigation,
        listProperties: ['periodEnd', 'workerId', 'earned', 'fines', 'rewards', 'adjustments', 'debtCarried', 'net', 'status'],
        filterProperties: ['workerId', 'status', 'periodEnd'],
        properties: {
          workerId: { reference: 'users' },
          ...hiddenCents,
          earnedCents: { isVisible: false },
          finesCents: { isVisible: false },
          rewardsCents: { isVisible: false },
          adjustmentsCents: { isVisible: false },
          debtCarriedCents: { isVisible: false },
          netCents: { isVisible: false },
        },
        sort: { sortBy: 'periodEnd', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      // Rewarding a worker: "Create new" here is the reward action, through the same use case as the API (audited).
      resource: RewardRecord,
      options: {
        id: 'rewards',
        navigation,
        listProperties: ['createdAt', 'workerId', 'amount', 'reason', 'createdBy'],
        editProperties: ['workerId', 'amount', 'reason'],
        filterProperties: ['workerId', 'createdAt'],
        properties: {
          workerId: { reference: 'users' },
          createdBy: { reference: 'users' },
          amountCents: { isVisible: false },
          reason: { type: 'textarea' },
        },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          new: {
            isAccessible: true,
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              if (request.method !== 'post') return {};
              const raw = unflattenPayload(request.payload);
              return runAdminAction(
                context,
                () =>
                  grantReward(billing, {
                    actor: adminActor(context),
                    workerId: chosenId(raw.workerId, 'worker'),
                    amount: String(raw.amount ?? ''),
                    reason: String(raw.reason ?? ''),
                  }),
                'Reward granted: it is paid with the next statement.',
                { showAfterwards: true },
              );
            },
          },
        },
      },
    },
    {
      resource: InvoiceRecord,
      options: {
        id: 'invoices',
        navigation,
        listProperties: ['periodEnd', 'clientId', 'subtotal', 'discountRate', 'discount', 'total', 'status'],
        showProperties: [
          'id',
          'clientId',
          'periodStart',
          'periodEnd',
          'subtotal',
          'paidBefore',
          'discountRate',
          'discount',
          'total',
          'status',
          'issuedAt',
          'paidAt',
        ],
        filterProperties: ['clientId', 'status', 'periodEnd'],
        properties: { clientId: { reference: 'users' }, ...hiddenCents },
        sort: { sortBy: 'periodEnd', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      resource: AccountRecord,
      options: {
        id: 'ledger_accounts',
        navigation,
        listProperties: ['kind', 'ownerId', 'createdAt'],
        filterProperties: ['kind', 'ownerId'],
        properties: { ownerId: { reference: 'users' } },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          entries: {
            actionType: 'record',
            icon: 'List',
            component: false,
            readOnly: true,
            handler: (
              _request: unknown,
              _response: unknown,
              context: {
                record?: { id(): string; toJSON(a?: unknown): unknown };
                currentAdmin?: unknown;
                h: { resourceUrl(o: { resourceId: string; search?: string }): string };
              },
            ) => ({
              record: context.record!.toJSON(context.currentAdmin),
              redirectUrl: context.h.resourceUrl({ resourceId: 'ledger_entries', search: `?filters.accountId=${context.record!.id()}` }),
            }),
          },
        },
      },
    },
    {
      resource: EntryRecord,
      options: {
        id: 'ledger_entries',
        navigation,
        listProperties: ['id', 'transactionId', 'accountId', 'amount'],
        filterProperties: ['accountId', 'transactionId'],
        properties: { accountId: { reference: 'ledger_accounts' }, amountCents: { isVisible: false } },
        sort: { sortBy: 'id', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      resource: TopUpRecord,
      options: {
        id: 'top_ups',
        navigation,
        listProperties: ['createdAt', 'clientId', 'amount', 'status', 'provider', 'failureReason'],
        filterProperties: ['clientId', 'status', 'createdAt'],
        properties: { clientId: { reference: 'users' }, amountCents: { isVisible: false } },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
  ];
}

/**
 * "Reward…" on a worker (Hiring → Worker Profiles): amount and reason in a
 * small form, granted through the same use case as the API (validated,
 * audited), then the worker's rewards.
 */
export function billingAdminActions(billing: Payouts): AdminActionsExtension[] {
  return [
    {
      resourceId: 'worker_profiles',
      actionLabels: { reward: 'Reward…' },
      actions: {
        reward: {
          actionType: 'record',
          icon: 'Award',
          component: ACTION_FORM,
          custom: {
            help: "Paid with the worker's next monthly statement (a line of its own).",
            submitLabel: 'Grant reward',
            fields: [
              { name: 'amount', label: 'Amount (cat-units)', placeholder: '25.00' },
              { name: 'reason', label: 'Reason', type: 'textarea' },
            ],
          },
          handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
            const record = context.record!.toJSON(context.currentAdmin);
            if (request.method !== 'post') return { record };
            const raw = unflattenPayload(request.payload);
            const workerId = context.record!.id();
            const result = await runAdminAction(
              context,
              () =>
                grantReward(billing, {
                  actor: adminActor(context),
                  workerId,
                  amount: String(raw.amount ?? ''),
                  reason: String(raw.reason ?? ''),
                }),
              'Reward granted: it is paid with the next statement.',
            );
            return result.notice.type === 'success'
              ? { ...result, redirectUrl: context.h.resourceUrl({ resourceId: 'rewards', search: `?filters.workerId=${workerId}` }) }
              : result;
          },
        },
      },
    },
  ];
}
