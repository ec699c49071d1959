import { matchingConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { createMatcher, matchOrder } from './application/match-order.ts';
import { matchingJobs } from './jobs/retry.ts';
import { matchingAdminActions, matchingAdminResources } from './admin/screens.ts';
import { matchingAttemptsTable, matchingOffersTable } from './infra/attempts.table.ts';
import { withdrawOffers } from './application/withdraw-offers.ts';
import { followOrderEdit } from './application/follow-order-edit.ts';
import { matchingHandlers } from './http/handlers.ts';
import { matchingPersonalData } from './application/personal-data.ts';

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
 * Orders nobody was free for are retried by `matching.retry`. With
 * `MATCHING_STRATEGY=offers` the candidates are asked one at a time
 * (`/v1/offers`), each with a deadline the `matching.offer-deadlines` job
 * keeps; an order that leaves `matching` otherwise withdraws its offer, and
 * one edited while offered is offered again.
 */
export function createMatchingModule(kernel: Kernel, options: { random?: () => number } = {}): ChorecatModule {
  const matcher = createMatcher(kernel, options.random);
  kernel.events.subscribe('order.kit_ready', 'matching.match-order', async (event) => {
    await matchOrder(matcher, event.payload.orderId);
  });
  // The ways out of `matching` other than an assignment (ORDER_TRANSITIONS: cancel, no_worker).
  for (const cause of ['cancel', 'no_worker'] as const) {
    kernel.events.subscribe(`order.${cause}`, 'matching.withdraw-offers', async (event) => {
      await withdrawOffers(matcher, event.payload.orderId);
    });
  }
  // An order edited while it is offered is offered again, as it is now.
  kernel.events.subscribe('order.edited', 'matching.follow-edit', async (event) => {
    await followOrderEdit(matcher, event);
  });
  return {
    name: 'matching',
    handlers: matchingHandlers(matcher),
    jobs: matchingJobs(matcher),
    adminResources: matchingAdminResources(kernel.db.sequelize),
    adminActions: matchingAdminActions(),
    personalData: [matchingPersonalData(kernel)],
  };
}

export const matchingModule = defineModule({
  name: 'matching',
  config: matchingConfig,
  create: (kernel) => createMatchingModule(kernel),
  tables: [matchingAttemptsTable, matchingOffersTable],
});
