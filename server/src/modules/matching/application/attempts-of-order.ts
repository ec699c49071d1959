import type { Kernel } from '../../../platform/module.ts';
import { formatCents } from '../../../platform/money.ts';
import { attemptRowsOf, offerRowsOfOrder } from '../infra/attempts-of-order.repository.ts';

const iso = (at: Date | string) => new Date(at).toISOString();

/**
 * Read-only door for quality reviews and the panel's order page: every try
 * to match an order, oldest first, each with the offers it made (sequential
 * offers; none for a direct match): the offer history of the order.
 */
export async function matchingAttemptsOf(kernel: Pick<Kernel, 'db'>, orderId: string) {
  const [attempts, offers] = await Promise.all([attemptRowsOf(kernel.db, orderId), offerRowsOfOrder(kernel.db, orderId)]);
  return attempts.map((r) => ({
    at: new Date(r.attempted_at).toISOString(),
    strategy: r.strategy,
    candidates: r.candidates,
    refused: r.refused,
    chosen: r.chosen,
    price: r.price_cents === null ? null : formatCents(r.price_cents),
    outcome: r.outcome,
    offers: offers
      .filter((o) => o.attempt_id === r.id)
      .map((o) => ({
        workerId: o.worker_id,
        status: o.status,
        offeredAt: iso(o.offered_at),
        expiresAt: iso(o.expires_at),
        answeredAt: o.answered_at ? iso(o.answered_at) : null,
      })),
  }));
}
