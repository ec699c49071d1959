import { DataTypes, Model, Op, type Sequelize } from 'sequelize';
import { LINES_TABLE, MONEY_PAGE } from '@chorecat/admin';
import type { AdminActionsExtension, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  chosenId,
  confirmAction,
  formAction,
  moneyAttribute,
  percentAttribute,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { grantReward } from '../application/statements.ts';
import { retryPayoutNow, type Payouts } from '../application/payouts.ts';
import { accountLabelsForPanel, invoiceLinesForPanel, statementLinesForPanel, type PanelLine } from '../application/panel-lines.ts';
import { clientBalancePage, workerEarningsPage, type MoneyPage } from '../application/panel-balances.ts';
import {
  billableOrdersTable,
  billableTipsTable,
  clientBalancesView,
  invoicesTable,
  ledgerAccountsTable,
  ledgerEntriesTable,
  payoutsTable,
  rewardsTable,
  statementsTable,
  topUpsTable,
  workerEarningsView,
} from '../infra/tables.ts';

class AccountRecord extends Model {}
class EntryRecord extends Model {}
class TopUpRecord extends Model {}
class InvoiceRecord extends Model {}
class StatementRecord extends Model {}
class RewardRecord extends Model {}
class PayoutRecord extends Model {}
class BillableOrderRecord extends Model {}
class BillableTipRecord extends Model {}
class ClientBalanceRecord extends Model {}
class WorkerEarningsRecord extends Model {}

/** A record's lines, shown on its show page only: the show action puts them in (a list never loads them). */
const LINES = { type: DataTypes.VIRTUAL, get: () => '' };
const linesProperty = { components: { show: LINES_TABLE }, isVisible: { list: false, show: true, edit: false, filter: false } };

interface PageRecord {
  params: Record<string, unknown>;
  populated?: Record<string, { title?: string } | null>;
}

/** The list's and show's hook that names each entry's account (kind and owner) instead of its id, all of a page's at once. */
function namingAccounts(billing: Payouts) {
  return {
    after: async (response: { records?: PageRecord[]; record?: PageRecord }) => {
      const records = response.records ?? (response.record ? [response.record] : []);
      const ids = [...new Set(records.map((r) => r.params.accountId).filter((id): id is string => typeof id === 'string'))];
      if (ids.length === 0) return response;
      const labels = await accountLabelsForPanel(billing, ids);
      for (const r of records) {
        const populated = r.populated?.accountId;
        const label = labels.get(String(r.params.accountId));
        if (populated && label) populated.title = label;
      }
      return response;
    },
  };
}

/** The show action's hook that adds the record's lines (as JSON, for the lines table). */
function withLines(read: (id: string) => Promise<PanelLine[]>) {
  return {
    after: async (response: { record?: { id?: string; params: Record<string, unknown> } }) => {
      const id = response.record?.params.id;
      if (typeof id === 'string') response.record!.params.lines = JSON.stringify(await read(id));
      return response;
    },
  };
}

/**
 * A record action (or a screen's `show`) that draws one person's money on
 * the money page: billing's page for the record's id (a client's, a
 * worker's), read through billing's own queries, only on GET.
 */
function moneyPageAction(
  billing: Payouts,
  read: (billing: Payouts, id: string) => Promise<MoneyPage>,
  extra: Record<string, unknown> = {},
) {
  return {
    actionType: 'record',
    component: MONEY_PAGE,
    readOnly: true,
    ...extra,
    handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => {
      const json = context.record!.toJSON(context.currentAdmin) as { params: Record<string, unknown> };
      const page = await read(billing, context.record!.id());
      const timeZone = billing.kernel.config.businessTimeZone;
      return { record: { ...json, params: { ...json.params, moneyPage: JSON.stringify({ ...page, timeZone }) } } };
    },
  };
}

/**
 * The payouts list's "failing" filter: a payout a try of which failed and
 * that is not paid yet (what the dashboard's "Payouts failing" counts).
 */
const failingPayouts = {
  type: DataTypes.VIRTUAL,
  get: () => '',
  panelSearch: async (text: string, where: Record<string | symbol, unknown>) =>
    text === 'yes' ? { [Op.and]: [where, { status: { [Op.ne]: 'paid' } }, { failures: { [Op.gt]: 0 } }] } : where,
};

/** The ledger, read-only: accounts, and each account's entries; top-ups. */
export function billingAdminResources(billing: Payouts, sequelize: Sequelize): AdminResource[] {
  ledgerAccountsTable.model(sequelize, AccountRecord, { modelName: 'LedgerAccount' });
  ledgerEntriesTable.model(sequelize, EntryRecord, { modelName: 'LedgerEntry', extra: { amount: moneyAttribute('amountCents') } });
  // The provider's own reference for a top-up is not shown.
  topUpsTable.model(sequelize, TopUpRecord, {
    modelName: 'TopUp',
    omit: ['provider_reference'],
    extra: { amount: moneyAttribute('amountCents') },
  });
  invoicesTable.model(sequelize, InvoiceRecord, {
    modelName: 'Invoice',
    extra: {
      subtotal: moneyAttribute('subtotalCents'),
      paidBefore: moneyAttribute('paidBeforeCents'),
      discount: moneyAttribute('discountCents'),
      tips: moneyAttribute('tipsCents'),
      total: moneyAttribute('totalCents'),
      discountPercent: percentAttribute('discountRate'),
      lines: LINES,
    },
  });
  statementsTable.model(sequelize, StatementRecord, {
    modelName: 'Statement',
    extra: {
      earned: moneyAttribute('earnedCents'),
      fines: moneyAttribute('finesCents'),
      rewards: moneyAttribute('rewardsCents'),
      adjustments: moneyAttribute('adjustmentsCents'),
      tips: moneyAttribute('tipsCents'),
      debtCarried: moneyAttribute('debtCarriedCents'),
      net: moneyAttribute('netCents'),
      lines: LINES,
    },
  });
  rewardsTable.model(sequelize, RewardRecord, { modelName: 'Reward', extra: { amount: moneyAttribute('amountCents') } });
  // When Golden Hat is next asked about a payout is the payout job's bookkeeping; failures and the next try show.
  payoutsTable.model(sequelize, PayoutRecord, {
    modelName: 'Payout',
    omit: ['next_poll_at'],
    extra: { amount: moneyAttribute('amountCents'), failing: failingPayouts },
  });
  billableOrdersTable.model(sequelize, BillableOrderRecord, { modelName: 'BillableOrder', extra: { price: moneyAttribute('priceCents') } });
  billableTipsTable.model(sequelize, BillableTipRecord, { modelName: 'BillableTip', extra: { amount: moneyAttribute('amountCents') } });
  clientBalancesView.model(sequelize, ClientBalanceRecord, {
    modelName: 'ClientBalance',
    extra: {
      balance: moneyAttribute('balanceCents'),
      unpaid: moneyAttribute('unpaidCents'),
      paid: moneyAttribute('paidCents'),
      toppedUp: moneyAttribute('toppedUpCents'),
      upcoming: moneyAttribute('upcomingCents'),
    },
  });
  workerEarningsView.model(sequelize, WorkerEarningsRecord, {
    modelName: 'WorkerEarnings',
    extra: {
      owed: moneyAttribute('balanceCents'),
      earned: moneyAttribute('earnedCents'),
      paidOut: moneyAttribute('paidOutCents'),
      inPayout: moneyAttribute('inPayoutCents'),
    },
  });
  const navigation = { name: 'Billing', icon: 'DollarSign' };
  const hiddenCents = Object.fromEntries(
    ['subtotalCents', 'paidBeforeCents', 'discountCents', 'tipsCents', 'totalCents', 'amountCents'].map((k) => [k, { isVisible: false }]),
  );
  return [
    {
      // What a client owes and has paid, one row each; a row opens the client's money page.
      resource: ClientBalanceRecord,
      options: {
        id: 'client_balances',
        navigation,
        listProperties: ['clientId', 'balance', 'unpaidInvoices', 'unpaid', 'paid', 'toppedUp', 'upcoming'],
        filterProperties: ['clientId', 'unpaidInvoices'],
        properties: {
          clientId: { reference: 'users', label: 'Client' },
          unpaidInvoices: { label: 'Unpaid invoices' },
          unpaid: { label: 'Owed (unpaid)' },
          upcoming: { label: 'Next invoice' },
          ...Object.fromEntries(
            ['balanceCents', 'unpaidCents', 'paidCents', 'toppedUpCents', 'upcomingCents'].map((k) => [k, { isVisible: false }]),
          ),
        },
        sort: { sortBy: 'unpaidCents', direction: 'desc' },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, show: moneyPageAction(billing, clientBalancePage) },
      },
    },
    {
      // What a worker has earned, been paid and is owed, one row each; a row opens the worker's money page.
      resource: WorkerEarningsRecord,
      options: {
        id: 'worker_earnings',
        navigation,
        listProperties: ['workerId', 'owed', 'inPayout', 'paidOut', 'earned', 'statements'],
        filterProperties: ['workerId'],
        properties: {
          workerId: { reference: 'users', label: 'Worker' },
          owed: { label: 'Owed, not yet paid' },
          inPayout: { label: 'In payouts' },
          earned: { label: 'Earned on statements' },
          ...Object.fromEntries(['balanceCents', 'earnedCents', 'paidOutCents', 'inPayoutCents'].map((k) => [k, { isVisible: false }])),
        },
        sort: { sortBy: 'balanceCents', direction: 'desc' },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, show: moneyPageAction(billing, workerEarningsPage) },
      },
    },
    {
      // Completed orders as billing bills them (price, week): the dashboard's revenue and upcoming invoices open this list.
      resource: BillableOrderRecord,
      options: {
        id: 'billable_orders',
        navigation,
        listProperties: ['completedAt', 'clientId', 'workerId', 'price', 'periodEnd'],
        filterProperties: ['clientId', 'workerId', 'completedAt', 'periodEnd'],
        properties: {
          clientId: { reference: 'users' },
          workerId: { reference: 'users' },
          priceCents: { isVisible: false },
          periodEnd: { label: 'Week ending' },
        },
        sort: { sortBy: 'completedAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      // Clients' tips as billing bills them (the invoice week; the worker's in full): the dashboard's tips figure opens this list.
      resource: BillableTipRecord,
      options: {
        id: 'billable_tips',
        navigation,
        listProperties: ['tippedAt', 'orderId', 'clientId', 'workerId', 'amount', 'periodEnd'],
        filterProperties: ['orderId', 'clientId', 'workerId', 'tippedAt', 'periodEnd'],
        properties: {
          orderId: { reference: 'orders' },
          clientId: { reference: 'users' },
          workerId: { reference: 'users' },
          amountCents: { isVisible: false },
          periodEnd: { label: 'Week ending' },
        },
        sort: { sortBy: 'tippedAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      // Failed payouts are visible here (failures, last error, next try) and can be retried at once.
      resource: PayoutRecord,
      options: {
        id: 'payouts',
        navigation,
        listProperties: ['createdAt', 'workerId', 'amount', 'status', 'failures', 'lastError', 'nextAttemptAt'],
        showProperties: [
          'id',
          'createdAt',
          'paidAt',
          'nextAttemptAt',
          'lastError',
          // What the worker reads of the last failure (GET /v1/payouts), beside the raw error.
          'failureReason',
          'failures',
          'providerPayoutId',
          'attempt',
          'status',
          'amount',
          'workerId',
          'statementId',
        ],
        filterProperties: ['workerId', 'status', 'failing', 'createdAt'],
        properties: {
          workerId: { reference: 'users' },
          statementId: { reference: 'statements' },
          amountCents: { isVisible: false },
          failing: {
            label: 'Failing',
            availableValues: [{ value: 'yes', label: 'a try failed, not paid yet' }],
            isVisible: { list: false, show: false, edit: false, filter: true },
          },
        },
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
        listProperties: ['periodEnd', 'workerId', 'earned', 'fines', 'rewards', 'adjustments', 'tips', 'debtCarried', 'net', 'status'],
        showProperties: [
          'id',
          'paidAt',
          'issuedAt',
          'status',
          'net',
          'debtCarried',
          'tips',
          'adjustments',
          'rewards',
          'fines',
          'earned',
          'periodEnd',
          'periodStart',
          'workerId',
          'lines',
        ],
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
          lines: linesProperty,
        },
        sort: { sortBy: 'periodEnd', direction: 'desc' },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, show: withLines((id) => statementLinesForPanel(billing, id)) },
      },
    },
    {
      // Rewarding a worker: "Create new" here is the reward action, through the same use case as the API (audited).
      resource: RewardRecord,
      options: {
        id: 'rewards',
        navigation,
        listProperties: ['createdAt', 'workerId', 'amount', 'reason', 'createdBy'],
        showProperties: ['id', 'createdAt', 'createdBy', 'reason', 'amount', 'workerId'],
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
        listProperties: ['periodEnd', 'clientId', 'subtotal', 'discountPercent', 'discount', 'tips', 'total', 'status'],
        showProperties: [
          'id',
          'clientId',
          'periodStart',
          'periodEnd',
          'subtotal',
          'paidBefore',
          'discountPercent',
          'discount',
          'tips',
          'total',
          'status',
          'issuedAt',
          'paidAt',
          'lines',
        ],
        filterProperties: ['clientId', 'status', 'periodEnd'],
        properties: { clientId: { reference: 'users' }, ...hiddenCents, discountPercent: { label: 'Discount rate' }, lines: linesProperty },
        sort: { sortBy: 'periodEnd', direction: 'desc' },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, show: withLines((id) => invoiceLinesForPanel(billing, id)) },
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
        actions: { ...READ_ONLY_ADMIN_ACTIONS, list: namingAccounts(billing), show: namingAccounts(billing) },
      },
    },
    {
      resource: TopUpRecord,
      options: {
        id: 'top_ups',
        navigation,
        listProperties: ['createdAt', 'clientId', 'amount', 'status', 'provider', 'failureReason'],
        showProperties: ['id', 'createdAt', 'failureReason', 'status', 'provider', 'amount', 'clientId'],
        filterProperties: ['clientId', 'status', 'createdAt'],
        properties: { clientId: { reference: 'users' }, amountCents: { isVisible: false } },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
  ];
}

/** Whether a users-screen record (its params flattened, `roles.0` …) is a client's. */
const isClient = ({ record }: { record?: { params: Record<string, unknown> } }) =>
  Object.entries(record?.params ?? {}).some(([key, value]) => /^roles\.\d+$/.test(key) && value === 'client');

/**
 * "Reward…" on a worker (Hiring → Worker Profiles): amount and reason in a
 * small form, granted through the same use case as the API (validated,
 * audited), then the worker's rewards.
 */
export function billingAdminActions(billing: Payouts): AdminActionsExtension[] {
  return [
    {
      // A client's money page from their user record (Platform → Users); only for clients.
      resourceId: 'users',
      actionLabels: { balance: 'Balance' },
      actions: {
        balance: moneyPageAction(billing, clientBalancePage, {
          icon: 'DollarSign',
          isVisible: isClient,
          // Not only hidden: asked for anyone else (by its address), it is refused, not an all-zero page.
          // AdminJS also asks without a record (whether the screen has the action at all): that it has.
          isAccessible: (context: { record?: { params: Record<string, unknown> } }) => !context.record || isClient(context),
        }),
      },
    },
    {
      resourceId: 'worker_profiles',
      actionLabels: { reward: 'Reward…', earnings: 'Earnings' },
      actions: {
        earnings: moneyPageAction(billing, workerEarningsPage, { icon: 'DollarSign' }),
        reward: formAction({
          icon: 'Award',
          help: "Paid with the worker's next monthly statement (a line of its own).",
          submitLabel: 'Grant reward',
          fields: [
            { name: 'amount', label: 'Amount (cat-units)', placeholder: '25.00' },
            { name: 'reason', label: 'Reason', type: 'textarea' },
          ],
          run: (form, workerId, actor) =>
            grantReward(billing, { actor, workerId, amount: String(form.amount ?? ''), reason: String(form.reason ?? '') }),
          done: 'Reward granted: it is paid with the next statement.',
          then: (workerId) => ({ resourceId: 'rewards', search: `?filters.workerId=${workerId}` }),
        }),
      },
    },
  ];
}
