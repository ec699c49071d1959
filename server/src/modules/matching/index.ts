/**
 * Matching and pricing (in progress, issue 5): the strategies, pure and
 * chosen by configuration. The module that runs them (candidates from the
 * database, the exclusion constraint's last word, retries, `no_worker`)
 * replaces orders' placeholder seam next.
 */
export {
  MATCHING_STRATEGIES,
  randomMatching,
  leastRecentlyAssignedMatching,
  seededRandom,
  type MatchingStrategy,
  type Candidate,
} from './domain/matching.ts';
export { PRICING_STRATEGIES, fixedPricing, FIXED_PRICE, type PricingStrategy, type PricingInput } from './domain/pricing.ts';
