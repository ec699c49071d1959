import type { JobDefinition } from '../../../platform/scheduler.ts';
import type { Webhooks } from '../application/context.ts';
import { fanOut } from '../application/fan-out.ts';
import { deliverDue, deliverLockLifetimeMs } from '../application/deliver-due.ts';
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
      // A run ends while attempts still hang (they hold their deliveries by leases); a crashed run's
      // leases end before its lock does: 30 s, longer with a WEBHOOKS_TIMEOUT_MS above 20 s.
      lockLifetimeMs: deliverLockLifetimeMs(webhooks.kernel.config.webhooks.timeoutMs),
      quiet: true,
      async run() {
        await fanOut(webhooks);
        return deliverDue(webhooks);
      },
    },
  ];
}
