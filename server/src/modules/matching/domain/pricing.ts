import { Money } from '../../../platform/money.ts';

/**
 * How an order's price is fixed when a worker is matched (SPEC §7). Today a
 * fixed 100.00; the formula will change, so it is a strategy chosen by
 * configuration (`PRICING_STRATEGY`).
 */
export interface PricingInput {
  serviceTypeId: string;
  durationMinutes: number;
  startsAt: Date;
}

export interface PricingStrategy {
  readonly name: string;
  price(input: PricingInput): Money;
}

export const FIXED_PRICE = Money.parse('100.00');

export const fixedPricing: PricingStrategy = {
  name: 'fixed',
  price: () => FIXED_PRICE,
};

export const PRICING_STRATEGIES: Record<string, PricingStrategy> = { fixed: fixedPricing };
