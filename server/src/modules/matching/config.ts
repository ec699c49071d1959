import { z } from 'zod';
import { defineConfigSlice } from '../../platform/config.ts';

/** How an order gets its worker: `random` assigns at once; `offers` asks the ranked candidates one at a time. */
export type MatchingStrategyName = 'random' | 'offers';
/** The order candidates are assigned or offered in. */
export type MatchingRankingName = 'random' | 'least-recently-assigned' | 'nearest';

declare module '../../platform/config.ts' {
  interface Config {
    /** Names of the matching and pricing strategies (SPEC §7: pluggable by configuration). */
    matchingStrategy: MatchingStrategyName;
    matchingRanking: MatchingRankingName;
    pricingStrategy: 'fixed';
    /** How often an order nobody could take is matched again. */
    matchingRetryMs: number;
    /** How long a worker has to answer an offer (`MATCHING_STRATEGY=offers`). */
    matchingOfferMs: number;
    /** Which geocoder locates an order's address (`nearest`): only the stand-in exists, no service is reachable offline. */
    geocoder: 'stand-in';
  }
}

export const matchingConfig = defineConfigSlice({
  env: {
    // `least-recently-assigned` is the strategy's name from before rankings were separate: assign at once, ranked so.
    MATCHING_STRATEGY: z.enum(['random', 'least-recently-assigned', 'offers']).default('random'),
    MATCHING_RANKING: z.enum(['random', 'least-recently-assigned', 'nearest']).optional(),
    PRICING_STRATEGY: z.enum(['fixed']).default('fixed'),
    MATCHING_RETRY_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
    MATCHING_OFFER_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
    GEOCODER: z.enum(['stand-in']).default('stand-in'),
  },
  load: (env) => ({
    matchingStrategy: env.MATCHING_STRATEGY === 'offers' ? 'offers' : 'random',
    matchingRanking: env.MATCHING_RANKING ?? (env.MATCHING_STRATEGY === 'least-recently-assigned' ? 'least-recently-assigned' : 'random'),
    pricingStrategy: env.PRICING_STRATEGY,
    matchingRetryMs: env.MATCHING_RETRY_SECONDS * 1000,
    matchingOfferMs: env.MATCHING_OFFER_SECONDS * 1000,
    geocoder: env.GEOCODER,
  }),
});
