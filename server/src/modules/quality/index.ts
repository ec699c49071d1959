import { qualityConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { billingModule, type BillingReviewCorrections } from '../billing/index.ts';
import { filesModule, type FilesService } from '../files/index.ts';
import type { Quality } from './application/context.ts';
import { onOrderCompleted, onOrderEnded } from './application/open-review.ts';
import { seedDemoReviewForms } from './application/seed-demo-forms.ts';
import { qualityPersonalData } from './application/personal-data.ts';
import { qualityHandlers } from './http/handlers.ts';
import { qualityAdminActions, qualityAdminResources } from './admin/screens.ts';
import { QUALITY_EVENT_NAMES } from './events.ts';
import { QUALITY_TABLES } from './infra/tables.ts';
import { REASON_OF_ORDER_EVENT } from './domain/review-lifecycle.ts';
import { REVIEW_PUBLIC_EVENTS } from './public-events.ts';

export type { ReviewOpenedPayload, ReviewCompletedPayload } from './events.ts';
export {
  REVIEW_STATUSES,
  REVIEW_REASONS,
  VERDICTS,
  type ReviewReason,
  type ReviewStatus,
  type Verdict,
} from './domain/review-lifecycle.ts';
import { qualityDashboardFigures } from './infra/dashboard.figures.ts';
export { FIELD_TYPES, type FormField, type FieldType } from './domain/forms.ts';

/**
 * Quality (SPEC §10): the review queue (failed, cancelled and rejected
 * orders by themselves, a sampled share of completed ones, any order a
 * manager opens), review forms managers define (versioned), and results
 * that may reverse the worker's fine or refund the client through billing.
 */
export function createQualityModule(
  kernel: Kernel,
  deps: { billing: BillingReviewCorrections; files: FilesService; random?: () => number },
): ChorecatModule {
  const quality: Quality = { kernel, billing: deps.billing, files: deps.files, random: deps.random ?? Math.random };
  for (const event of Object.keys(REASON_OF_ORDER_EVENT) as (keyof typeof REASON_OF_ORDER_EVENT)[]) {
    kernel.events.subscribe(`order.${event}`, 'quality.open-review', (e) => onOrderEnded(quality, event, e.payload));
  }
  for (const event of ['order.accept', 'order.auto_accept'] as const) {
    kernel.events.subscribe(event, 'quality.sample-completed', async (e) => {
      await onOrderCompleted(quality, e.payload);
    });
  }
  return {
    name: 'quality',
    handlers: qualityHandlers(quality),
    adminResources: qualityAdminResources(quality, kernel.db.sequelize),
    dashboardFigures: qualityDashboardFigures(kernel.db),
    adminActions: qualityAdminActions(quality),
    personalData: [qualityPersonalData(kernel)],
  };
}

export const qualityModule = defineModule({
  name: 'quality',
  config: qualityConfig,
  publishes: QUALITY_EVENT_NAMES,
  publicEvents: REVIEW_PUBLIC_EVENTS,
  tables: QUALITY_TABLES,
  seed: seedDemoReviewForms,
  create: (kernel, peers) =>
    createQualityModule(kernel, { billing: peers.of(billingModule).reviewCorrections, files: peers.of(filesModule) }),
});
