import { panelMoney } from '../../../admin/actions.ts';
import { describePeople } from '../../../admin/people.ts';
import { accountsOfOwner, clientBalanceRow, workerEarningsRow } from '../infra/balances.repository.ts';
import { listInvoiceRows, unbilledOf } from '../infra/invoices.repository.ts';
import { recentTopUps } from '../infra/top-ups.repository.ts';
import { earningsBetween, listStatementRows, statementLinesOf } from '../infra/statements.repository.ts';
import { listPayoutRows } from '../infra/payouts.repository.ts';
import type { Billing } from './context.ts';
import { periodNet } from '../domain/earnings.ts';

/**
 * One person's money on one panel page (the summary page component): a few
 * figures, then tables. Rows are column → text (money with its unit,
 * moments as ISO for the page to write in the business time zone); a
 * table's `resourceId` and a row's `_id` make the row a link to that
 * record's page.
 */
export interface MoneyPage {
  title: string;
  facts: { key: string; label: string; value: string; note?: string }[];
  tables: {
    key: string;
    title: string;
    /** Where a row leads: this screen's record `_id` (its show page), or with `filter` its list filtered to `_id`. */
    resourceId?: string;
    filter?: string;
    empty: string;
    rows: Record<string, string>[];
  }[];
}

// How far back a page goes: a year of weekly invoices, two years of monthly statements.
const INVOICES_SHOWN = 52;
const TOP_UPS_SHOWN = 50;
const STATEMENTS_SHOWN = 24;
const PAYOUTS_SHOWN = 50;

const iso = (at: Date | string | null) => (at ? new Date(at).toISOString() : '');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

async function nameOf(billing: Billing, id: string): Promise<string> {
  return (await describePeople(billing.kernel)([id])).get(id) ?? id;
}

async function accountsTable(billing: Billing, ownerId: string): Promise<MoneyPage['tables'][number]> {
  const accounts = await accountsOfOwner(billing.kernel.db, ownerId);
  return {
    key: 'accounts',
    title: 'Ledger accounts',
    // A row opens the account's entries.
    resourceId: 'ledger_entries',
    filter: 'accountId',
    empty: 'No ledger account yet: nothing has been posted for them.',
    rows: accounts.map((a) => ({
      _id: a.id,
      Account: a.kind.replace(/_/g, ' '),
      Balance: panelMoney(a.balance_cents),
      Entries: String(a.entries),
    })),
  };
}

/**
 * What a client owes and has paid: the ledger balance of their account
 * (top-ups and refunds less invoices paid), unpaid and paid invoices,
 * top-ups, and the orders of the period not invoiced yet. The figures are
 * the `client_balances` view's (the Billing list's), the balance the
 * ledger's sum as `balance()` reads it.
 */
export async function clientBalancePage(billing: Billing, clientId: string): Promise<MoneyPage> {
  const db = billing.kernel.db;
  const [name, totals, invoices, topUps, upcoming, accounts] = await Promise.all([
    nameOf(billing, clientId),
    clientBalanceRow(db, clientId),
    listInvoiceRows(db, { clientId, limit: INVOICES_SHOWN }),
    recentTopUps(db, clientId, TOP_UPS_SHOWN),
    unbilledOf(db, clientId),
    accountsTable(billing, clientId),
  ]);
  const balance = BigInt(totals?.balance_cents ?? 0);
  const unpaid = BigInt(totals?.unpaid_cents ?? 0);
  const stillToPay = unpaid > balance ? unpaid - balance : 0n;
  return {
    title: `Balance of ${name}`,
    facts: [
      { key: 'balance', label: 'Ledger balance', value: panelMoney(balance), note: 'top-ups and refunds, less invoices paid' },
      { key: 'unpaid', label: 'Unpaid invoices', value: panelMoney(unpaid), note: plural(totals?.unpaid_invoices ?? 0, 'invoice') },
      { key: 'to-pay', label: 'Still to pay', value: panelMoney(stillToPay), note: 'unpaid invoices the balance does not cover' },
      { key: 'paid', label: 'Invoices paid', value: panelMoney(totals?.paid_cents ?? '0') },
      { key: 'topped-up', label: 'Topped up', value: panelMoney(totals?.topped_up_cents ?? '0'), note: 'succeeded top-ups' },
      {
        key: 'upcoming',
        label: 'Next invoice (open week)',
        value: panelMoney(totals?.upcoming_cents ?? '0'),
        note: `${plural(upcoming.length, 'order')}, before discount`,
      },
    ],
    tables: [
      {
        key: 'invoices',
        title: 'Invoices',
        resourceId: 'invoices',
        empty: 'No invoice yet.',
        rows: invoices.map((i) => ({
          _id: i.id,
          'Week ending': iso(i.period_end),
          Subtotal: panelMoney(i.subtotal_cents),
          Discount: panelMoney(i.discount_cents),
          Total: panelMoney(i.total_cents),
          Status: i.status,
          Paid: iso(i.paid_at),
        })),
      },
      {
        key: 'upcoming',
        title: 'Orders for the next invoice',
        resourceId: 'billable_orders',
        empty: 'No completed order waits for an invoice.',
        rows: upcoming.map((o) => ({
          _id: o.order_id,
          Order: o.order_id,
          Completed: iso(o.completed_at),
          Price: panelMoney(o.price_cents),
        })),
      },
      {
        key: 'top-ups',
        title: 'Top-ups',
        resourceId: 'top_ups',
        empty: 'No top-up yet.',
        rows: topUps.map((t) => ({
          _id: t.id,
          At: iso(t.created_at),
          Amount: panelMoney(t.amount_cents),
          Status: t.status,
          Provider: t.provider,
          'Declined because': t.failure_reason ?? '',
        })),
      },
      accounts,
    ],
  };
}

/**
 * What a worker has earned and been paid: statements per month with their
 * lines, payouts and their status, the ledger balance of their account
 * (owed and not yet paid; below zero a debt), and what they have earned
 * since their last statement. Figures from the `worker_earnings` view.
 */
export async function workerEarningsPage(billing: Billing, workerId: string): Promise<MoneyPage> {
  const db = billing.kernel.db;
  const [name, totals, statements, payouts, accounts] = await Promise.all([
    nameOf(billing, workerId),
    workerEarningsRow(db, workerId),
    listStatementRows(db, { workerId, limit: STATEMENTS_SHOWN }),
    listPayoutRows(db, { workerId, limit: PAYOUTS_SHOWN }),
    accountsTable(billing, workerId),
  ]);
  // A statement is a calendar month of the business time zone: named by it ("January 2027"), it is one short column.
  const monthOf = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: billing.kernel.config.businessTimeZone });
  const periods = new Map(statements.map((s) => [s.id, monthOf.format(new Date(s.period_end))]));
  const lines = await statementLinesOf(db, [...periods.keys()]);
  // Since the last statement's period: earned, not stated yet.
  const since = statements[0] ? new Date(statements[0].period_end) : new Date(0);
  const now = billing.kernel.clock.now();
  const e = await earningsBetween(db, workerId, since, now);
  const unstated = periodNet(e);
  const balance = BigInt(totals?.balance_cents ?? 0);
  return {
    title: `Earnings of ${name}`,
    facts: [
      {
        key: 'owed',
        label: balance < 0n ? 'Debt carried (ledger)' : 'Owed, not yet paid (ledger)',
        value: panelMoney(balance),
        note: 'stated net less payouts paid',
      },
      {
        key: 'in-payout',
        label: 'In payouts not paid yet',
        value: panelMoney(totals?.in_payout_cents ?? '0'),
        note: 'pending or processing',
      },
      { key: 'paid-out', label: 'Paid out', value: panelMoney(totals?.paid_out_cents ?? '0') },
      {
        key: 'earned',
        label: 'Earned on statements',
        value: panelMoney(totals?.earned_cents ?? '0'),
        note: `60 % of completed orders, ${plural(totals?.statements ?? 0, 'statement')}`,
      },
      {
        key: 'unstated',
        label: 'Since the last statement',
        value: panelMoney(unstated),
        note: `${plural(Number(e.completed), 'completed order')}, ${plural(Number(e.failed), 'failed order')}, ${panelMoney(e.tips)} in tips: on the next statement`,
      },
    ],
    tables: [
      {
        key: 'statements',
        title: 'Statements',
        resourceId: 'statements',
        empty: 'No statement yet.',
        rows: statements.map((s) => ({
          _id: s.id,
          Month: periods.get(s.id)!,
          Earned: panelMoney(s.earned_cents),
          Fines: panelMoney(s.fines_cents),
          Rewards: panelMoney(s.rewards_cents),
          Adjustments: panelMoney(s.adjustments_cents),
          Tips: panelMoney(s.tips_cents),
          'Debt carried': panelMoney(s.debt_carried_cents),
          Net: panelMoney(s.net_cents),
          Status: s.status,
        })),
      },
      {
        key: 'lines',
        title: 'Statement lines',
        empty: 'No statement lines yet.',
        rows: lines.map((l) => ({
          Month: periods.get(l.statement_id) ?? '',
          Kind: l.kind,
          At: iso(l.at),
          Description: l.description ?? (l.order_id ? `order ${l.order_id}` : l.reward_id ? 'reward' : ''),
          Amount: panelMoney(l.amount_cents),
        })),
      },
      {
        key: 'payouts',
        title: 'Payouts',
        resourceId: 'payouts',
        empty: 'No payout yet.',
        rows: payouts.map((p) => ({
          _id: p.id,
          Created: iso(p.created_at),
          Amount: panelMoney(p.amount_cents),
          Status: p.status,
          Failures: String(p.failures),
          'Last error': p.last_error ?? '',
          Paid: iso(p.paid_at),
        })),
      },
      accounts,
    ],
  };
}
