import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { activeWorkerIds } from '../../identity/index.ts';
import { assignWorker, busyWorkerIds, findOrderSlot, lastAssignedAt, type OrderSlot } from '../../orders/index.ts';
import { MATCHING_STRATEGIES, type MatchingStrategy } from '../domain/matching.ts';
import { PRICING_STRATEGIES, type PricingStrategy } from '../domain/pricing.ts';
import { recordAttempt, type MatchingAttempt } from '../infra/attempts.repository.ts';

export interface Matcher {
  kernel: Kernel;
  strategy: MatchingStrategy;
  pricing: PricingStrategy;
  random: () => number;
}

export function createMatcher(kernel: Kernel, random: () => number = Math.random): Matcher {
  return {
    kernel,
    strategy: MATCHING_STRATEGIES[kernel.config.matchingStrategy]!,
    pricing: PRICING_STRATEGIES[kernel.config.pricingStrategy]!,
    random,
  };
}

/**
 * Tries to give an order in `matching` a worker (SPEC §7): the active
 * workers free for the whole slot (never its own client), in the
 * configured strategy's order; the price from the pricing strategy. The
 * database has the last word: a worker taken meanwhile by a concurrent
 * match is refused and the next candidate tried. Every try is recorded
 * with its candidates and its choice. Idempotent: an order that has moved
 * on is left alone.
 */
export async function matchOrder(m: Matcher, orderId: string): Promise<MatchingAttempt['outcome'] | 'not_matching'> {
  const { kernel } = m;
  const slot = await findOrderSlot(kernel, orderId);
  if (!slot || slot.status !== 'matching') return 'not_matching';
  const candidates = await freeWorkers(m, slot);
  const ranked = m.strategy.rank(candidates, m.random).map((c) => c.workerId);
  const price = m.pricing.price({
    serviceTypeId: slot.serviceTypeId,
    durationMinutes: Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000),
    startsAt: slot.startsAt,
  });
  const refused: string[] = [];
  const attempt = (outcome: MatchingAttempt['outcome'], chosen: string | null): MatchingAttempt => ({
    orderId,
    at: kernel.clock.now(),
    strategy: m.strategy.name,
    candidates: ranked,
    refused,
    chosen,
    priceCents: chosen ? price.cents : null,
    pricing: chosen ? m.pricing.name : null,
    outcome,
  });
  for (const workerId of ranked) {
    try {
      await assignWorker(kernel, orderId, workerId, price);
      await recordAttempt(kernel.db, attempt('assigned', workerId));
      return 'assigned';
    } catch (error) {
      if (error instanceof AppError && error.code === 'ORDERS.WORKER_BUSY') {
        refused.push(workerId);
        continue;
      }
      if (error instanceof AppError && error.code === 'ORDERS.ILLEGAL_TRANSITION') {
        // Matched by a concurrent run, cancelled, or failed meanwhile.
        await recordAttempt(kernel.db, attempt('order_moved_on', null));
        return 'order_moved_on';
      }
      throw error;
    }
  }
  await recordAttempt(kernel.db, attempt('no_worker_free', null));
  return 'no_worker_free';
}

async function freeWorkers(m: Matcher, slot: OrderSlot) {
  const [pool, busy] = await Promise.all([activeWorkerIds(m.kernel), busyWorkerIds(m.kernel, slot.startsAt, slot.endsAt)]);
  const free = pool.filter((id) => !busy.has(id) && id !== slot.clientId);
  const last = await lastAssignedAt(m.kernel, free);
  return free.map((workerId) => ({ workerId, lastAssignedAt: last.get(workerId) ?? null }));
}
