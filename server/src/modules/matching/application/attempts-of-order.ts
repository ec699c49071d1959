import type { Kernel } from '../../../platform/module.ts';
import { formatCents } from '../../../platform/money.ts';
import { attemptRowsOf } from '../infra/attempts-of-order.repository.ts';

/** Read-only door for quality reviews: every try to match an order, oldest first. */
export async function matchingAttemptsOf(kernel: Pick<Kernel, 'db'>, orderId: string) {
  return (await attemptRowsOf(kernel.db, orderId)).map((r) => ({
    at: new Date(r.attempted_at).toISOString(),
    strategy: r.strategy,
    candidates: r.candidates,
    refused: r.refused,
    chosen: r.chosen,
    price: r.price_cents === null ? null : formatCents(r.price_cents),
    outcome: r.outcome,
  }));
}
