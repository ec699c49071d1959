import { z } from 'zod';
import { defineConfigSlice } from '../../platform/config.ts';

declare module '../../platform/config.ts' {
  interface Config {
    /** Names of the matching and pricing strategies (SPEC §7: pluggable by configuration). */
    matchingStrategy: 'random' | 'least-recently-assigned';
    pricingStrategy: 'fixed';
    /** How often an order nobody could take is matched again. */
    matchingRetryMs: number;
  }
}

export const matchingConfig = defineConfigSlice({
  env: {
    MATCHING_STRATEGY: z.enum(['random', 'least-recently-assigned']).default('random'),
    PRICING_STRATEGY: z.enum(['fixed']).default('fixed'),
    MATCHING_RETRY_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  },
  load: (env) => ({
    matchingStrategy: env.MATCHING_STRATEGY,
    pricingStrategy: env.PRICING_STRATEGY,
    matchingRetryMs: env.MATCHING_RETRY_SECONDS * 1000,
  }),
});
