import { Counter } from 'prom-client';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { webhooksConfig } from './config.ts';
import { webhooksHandlers } from './http/handlers.ts';
import { webhooksJobs } from './jobs/deliver.ts';
import { webhooksAdminResources } from './admin/screens.ts';
import { createSecretBox } from './infra/secret-box.ts';
import { resolveEndpointHost } from './infra/address-resolver.ts';
import { postOnce } from './infra/http-sender.ts';
import {
  webhookDeliveriesTable,
  webhookDeliveryAttemptsTable,
  webhookEndpointOverview,
  webhookEndpointsTable,
  webhookFeedCursorTable,
} from './infra/tables.ts';
import type { Webhooks } from './application/context.ts';
import { WEBHOOKS_PUBLIC_EVENTS } from './events.ts';
import { webhooksDashboardFigures } from './infra/dashboard.figures.ts';
import { webhooksHealthChecks } from './infra/health.checks.ts';

export { ENDPOINT_DISABLED_EVENT_TYPE, TEST_EVENT_TYPE, type EndpointView, type EventEnvelope } from './domain/endpoint.ts';

/**
 * Webhooks (SPEC §13–14): integrators' endpoints, and signed deliveries of
 * the public event feed to them after commit, retried for 3 days, SSRF-safe.
 * Reads the feed (`platform/event-feed.ts`) from its own cursor.
 */
export function createWebhooksModule(kernel: Kernel, deps: Partial<Pick<Webhooks, 'resolve' | 'post'>> = {}): ChorecatModule {
  const webhooks: Webhooks = {
    kernel,
    box: createSecretBox(kernel.secrets.webhooksEncryptionKey),
    counters: {
      attempts: new Counter({
        name: 'chorecat_webhook_attempts_total',
        help: 'Webhook delivery attempts, by outcome (succeeded, failed)',
        labelNames: ['outcome'] as const,
        registers: [kernel.metrics.registry],
      }),
      disabled: new Counter({
        name: 'chorecat_webhook_endpoints_disabled_total',
        help: 'Webhook endpoints disabled after a delivery failed for 3 days',
        registers: [kernel.metrics.registry],
      }),
    },
    resolve: deps.resolve ?? resolveEndpointHost,
    post: deps.post ?? postOnce,
  };
  return {
    name: 'webhooks',
    handlers: webhooksHandlers(webhooks),
    jobs: webhooksJobs(webhooks),
    adminResources: webhooksAdminResources(webhooks, kernel.db.sequelize),
    dashboardFigures: webhooksDashboardFigures(kernel.db),
    health: webhooksHealthChecks(kernel.db),
  };
}

export const webhooksModule = defineModule({
  name: 'webhooks',
  config: webhooksConfig,
  publicEvents: WEBHOOKS_PUBLIC_EVENTS,
  create: (kernel) => createWebhooksModule(kernel),
  tables: [webhookEndpointsTable, webhookDeliveriesTable, webhookDeliveryAttemptsTable, webhookFeedCursorTable, webhookEndpointOverview],
});
