import type { Kernel } from '../../../platform/module.ts';
import type { OrderSlot } from '../../orders/index.ts';
import { PRICING_STRATEGIES, type PricingStrategy } from '../domain/pricing.ts';
import { GEOCODERS, type Geocoder } from '../infra/geocoder.ts';

/** What matching's use cases work with: the kernel, the configured pricing strategy and geocoder, and randomness. */
export interface Matcher {
  kernel: Kernel;
  pricing: PricingStrategy;
  geocoder: Geocoder;
  random: () => number;
}

export function createMatcher(kernel: Kernel, random: () => number = Math.random, geocoder?: Geocoder): Matcher {
  return {
    kernel,
    pricing: PRICING_STRATEGIES[kernel.config.pricingStrategy]!,
    geocoder: geocoder ?? GEOCODERS[kernel.config.geocoder]!,
    random,
  };
}

/** The order's price from the pricing strategy (fixed when the worker is: a direct match, or an accepted offer). */
export function priceOf(m: Matcher, slot: OrderSlot) {
  return m.pricing.price({
    serviceTypeId: slot.serviceTypeId,
    durationMinutes: Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000),
    startsAt: slot.startsAt,
  });
}
