import { matchingConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { createMatcher, matchOrder } from './application/match-order.ts';
import { matchingJobs } from './jobs/retry.ts';
import { matchingAdminResource } from './admin/screens.ts';
import { matchingAttemptsTable } from './infra/attempts.table.ts';

export { matchingAttemptsOf } from './application/attempts-of-order.ts';

export {
  MATCHING_STRATEGIES,
  randomMatching,
  leastRecentlyAssignedMatching,
  seededRandom,
  type MatchingStrategy,
  type Candidate,
} from './domain/matching.ts';
export { PRICING_STRATEGIES, fixedPricing, FIXED_PRICE, type PricingStrategy, type PricingInput } from './domain/pricing.ts';

/**
 * Matching and pricing (SPEC §7): when an order's kit is ready
 * (`order.kit_ready`), the configured strategy picks a free worker and the
 * pricing strategy fixes the price, through orders' door (`assignWorker`).
 * Orders nobody was free for are retried by `matching.retry`.
 */
export function createMatchingModule(kernel: Kernel, options: { random?: () => number } = {}): ChorecatModule {
  const matcher = createMatcher(kernel, options.random);
  kernel.events.subscribe('order.kit_ready', 'matching.match-order', async (event) => {
    await matchOrder(matcher, event.payload.orderId);
  });
  return {
    name: 'matching',
    handlers: {},
    jobs: matchingJobs(matcher),
    adminResources: [matchingAdminResource(kernel.db.sequelize)],
  };
}

export const matchingModule = defineModule({
  name: 'matching',
  config: matchingConfig,
  create: (kernel) => createMatchingModule(kernel),
  tables: [matchingAttemptsTable],
});
