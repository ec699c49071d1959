import { Money } from '../../../platform/money.ts';

/** SPEC §8: a worker earns 60 % of each completed order's price and is fined 40 for each failed one. */
export const WORKER_SHARE_BASIS_POINTS = 6_000;
export const FAILED_ORDER_FINE = Money.parse('40.00');

/** One completed order's earning, rounded half up to the hundredth (per order, so each line is traceable). */
export function earningFor(price: Money): Money {
  return price.percentOf(WORKER_SHARE_BASIS_POINTS);
}

/** A statement's net: earned − fines + rewards − the debt carried from a negative month. */
export function statementNet(s: { earned: Money; fines: Money; rewards: Money; debtCarried: Money }): Money {
  return s.earned.minus(s.fines).plus(s.rewards).minus(s.debtCarried);
}
