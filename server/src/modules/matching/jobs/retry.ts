import type { JobDefinition } from '../../../platform/scheduler.ts';
import type { Matcher } from '../application/match-order.ts';
import { retryMatching } from '../application/retry-matching.ts';

/**
 * "No worker: retried every few minutes" (SPEC §4). A poller: it has no due
 * times of its own, so the sandbox clock runs it once at each advance's
 * target (nothing can free a worker between the jobs an advance replays
 * except those jobs, and the start-deadline timer fails what is left).
 */
export function matchingJobs(m: Matcher): JobDefinition[] {
  return [
    {
      name: 'matching.retry',
      description: 'Matches again the orders no worker was free for',
      schedule: { everyMs: 60_000 },
      lockLifetimeMs: 60_000,
      quiet: true,
      async run(context) {
        const { tried, assigned } = await retryMatching(m);
        if (tried) context.logger.info({ tried, assigned }, 'matching retried');
      },
    },
  ];
}
