import type { Principal } from '../../../platform/http/auth.ts';
import { formatCents } from '../../../platform/money.ts';
import type { Schemas } from '../../../platform/http/contract.ts';
import { balance } from '../infra/ledger.repository.ts';
import { recentTopUps } from '../infra/top-ups.repository.ts';
import type { Billing } from './context.ts';

/** The client's balance (derived from the ledger) and its latest top-ups. */
export async function getBalance(billing: Billing, client: Principal): Promise<Schemas['Balance']> {
  const [current, topUps] = await Promise.all([
    balance(billing.kernel.db, 'client', client.id),
    recentTopUps(billing.kernel.db, client.id, 10),
  ]);
  return {
    balance: current.toString(),
    recentTopUps: topUps.map((t) => ({
      id: t.id,
      amount: formatCents(t.amount_cents),
      status: t.status,
      provider: t.provider,
      failureReason: t.failure_reason,
      createdAt: new Date(t.created_at).toISOString(),
    })),
  };
}
