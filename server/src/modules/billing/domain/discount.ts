import { Money } from '../../../platform/money.ts';

/**
 * The cumulative-spend discount of SPEC §8, by what the client paid before
 * this invoice: more than 10,000 → 5 %; more than 20,000 → 6 %; +1 % for
 * every further 10,000; at most 12 %. So exactly 10,000 → 0 %,
 * 20,000.01 → 6 %, exactly 30,000 → 6 %, 30,000.01 → 7 %, over 80,000 → 12 %.
 */
const TEN_THOUSAND = 1_000_000n;

export function discountRate(paidBefore: Money): number {
  const paid = paidBefore.cents;
  if (paid <= TEN_THOUSAND) return 0;
  if (paid <= 2n * TEN_THOUSAND) return 5;
  const further = (paid - 2n * TEN_THOUSAND - 1n) / TEN_THOUSAND;
  return Math.min(12, 6 + Number(further));
}

/** The discount on a subtotal at a rate in whole percent, rounded half up to the hundredth (`Money.percentOf`). */
export function discountOn(subtotal: Money, rate: number): Money {
  if (subtotal.cents <= 0n || rate <= 0) return Money.zero();
  return subtotal.percentOf(rate * 100);
}
