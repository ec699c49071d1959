import { panelMoney } from '../../../admin/actions.ts';
import { describePeople } from '../../../admin/people.ts';
import { findAccounts } from '../infra/ledger.repository.ts';
import { linesOf } from '../infra/invoices.repository.ts';
import { statementLinesOf } from '../infra/statements.repository.ts';
import type { Billing } from './context.ts';

/** One line as the panel's lines table shows it: column → value (money with its unit, moments as ISO for the page to write). */
export type PanelLine = Record<string, string>;

/** An invoice's lines (its orders, and its tips, each its own line) for its panel show page. */
export async function invoiceLinesForPanel(billing: Billing, invoiceId: string): Promise<PanelLine[]> {
  const lines = await linesOf(billing.kernel.db, [invoiceId]);
  return lines.map((l) => ({
    Kind: l.kind,
    Order: l.order_id,
    Completed: new Date(l.completed_at).toISOString(),
    Price: panelMoney(l.price_cents),
  }));
}

/** A statement's lines (earnings, fines, rewards, adjustments, tips) for its panel show page. */
export async function statementLinesForPanel(billing: Billing, statementId: string): Promise<PanelLine[]> {
  const lines = await statementLinesOf(billing.kernel.db, [statementId]);
  return lines.map((l) => ({
    Kind: l.kind,
    At: new Date(l.at).toISOString(),
    For: l.tip_id
      ? `tip ${l.tip_id} on order ${l.order_id}`
      : l.order_id
        ? `order ${l.order_id}`
        : l.reward_id
          ? `reward ${l.reward_id}`
          : l.correction_id
            ? `correction ${l.correction_id}`
            : '',
    Description: l.description ?? '',
    Amount: panelMoney(l.amount_cents),
  }));
}

/** Ledger accounts as the panel names them: their kind and, for a client's or worker's, whose ("client · Whiskers <…>"). */
export async function accountLabelsForPanel(billing: Billing, accountIds: string[]): Promise<Map<string, string>> {
  const accounts = await findAccounts(billing.kernel.db, accountIds);
  const owners = await describePeople(billing.kernel)(accounts.flatMap((a) => (a.owner_id ? [a.owner_id] : [])));
  return new Map(
    accounts.map((a) => {
      const kind = a.kind.replace(/_/g, ' ');
      const owner = a.owner_id ? (owners.get(a.owner_id) ?? a.owner_id) : undefined;
      return [a.id, owner ? `${kind} · ${owner}` : kind];
    }),
  );
}
