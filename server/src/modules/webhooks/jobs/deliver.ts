import type { JobDefinition } from '../../../platform/scheduler.ts';
import type { Webhooks } from '../application/context.ts';
import { fanOut } from '../application/fan-out.ts';
import { deliverDue } from '../application/deliver-due.ts';
import { nextDeliveryDueAt } from '../infra/webhooks.repository.ts';

/**
 * Webhooks' own job (not the email outbox's sender, so neither holds the
 * other up): fans new public events out into deliveries, then sends the
 * due ones. Retries are data-driven (`nextDueAt`), so the sandbox clock
 * replays 3 days of them in order.
 */
export function webhooksJobs(webhooks: Webhooks): JobDefinition[] {
  return [
    {
      name: 'webhooks.deliver',
      description: 'Fans new public events out to the webhook endpoints and sends the due deliveries, with retries',
      schedule: { everyMs: 2_000, nextDueAt: () => nextDeliveryDueAt(webhooks.kernel.db) },
      // A run ends while attempts still hang (each is timed out at WEBHOOKS_TIMEOUT_MS, 10 s by default).
      lockLifetimeMs: 30_000,
      quiet: true,
      async run() {
        await fanOut(webhooks);
        return deliverDue(webhooks);
      },
    },
  ];
}
