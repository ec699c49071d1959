import { Money } from '../../../platform/money.ts';

/** SPEC §8: a worker earns 60 % of each completed order's price and is fined 40 for each failed one. */
export const WORKER_SHARE_BASIS_POINTS = 6_000;
export const FAILED_ORDER_FINE = Money.parse('40.00');

/** One completed order's earning, rounded half up to the hundredth (per order, so each line is traceable). */
export function earningFor(price: Money): Money {
  return price.percentOf(WORKER_SHARE_BASIS_POINTS);
}

/**
 * The net of a period's figures, in hundredths: earned − fines + rewards +
 * adjustments (fines reversed) + tips (in full). A statement also takes off
 * the debt carried from a negative month (its CHECK `statements_net`).
 */
export function periodNet(e: { earned: string; fines: string; rewards: string; adjustments: string; tips: string }): bigint {
  return BigInt(e.earned) - BigInt(e.fines) + BigInt(e.rewards) + BigInt(e.adjustments) + BigInt(e.tips);
}
