import type { Principal } from '../../../platform/http/auth.ts';
import { sql } from '../../../platform/database.ts';
import { formatCents } from '../../../platform/money.ts';
import { balance } from '../infra/ledger.repository.ts';
import type { Billing } from './context.ts';

/** The client's balance (derived from the ledger) and its latest top-ups. */
export async function getBalance(billing: Billing, client: Principal) {
  const [current, topUps] = await Promise.all([
    balance(billing.kernel.db, 'client', client.id),
    sql<{ id: string; amount_cents: string; status: string; provider: string; failure_reason: string | null; created_at: Date }>(
      billing.kernel.db,
      'SELECT id, amount_cents, status, provider, failure_reason, created_at FROM top_ups WHERE client_id = $1 ORDER BY created_at DESC, id LIMIT 10',
      [client.id],
    ),
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
