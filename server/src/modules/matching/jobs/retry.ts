import type { JobDefinition } from '../../../platform/scheduler.ts';
import type { Matcher } from '../application/matcher.ts';
import { retryMatching } from '../application/retry-matching.ts';
import { lapseOffers } from '../application/lapse-offers.ts';
import { earliestPendingDeadline } from '../infra/offers.repository.ts';

/**
 * "No worker: retried every few minutes" (SPEC §4). A poller: it has no due
 * times of its own, so the sandbox clock runs it once at each advance's
 * target (nothing can free a worker between the jobs an advance replays
 * except those jobs, and the start-deadline timer fails what is left).
 *
 * The offers' deadlines (`matching.offer-deadlines`) are a poller with due
 * times of its own (`nextDueAt`: the earliest pending deadline), so an
 * advance of the sandbox clock stops at each deadline on the way, lapses
 * the offer as of that instant and asks the next candidate, whose own
 * deadline it then stops at in turn.
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
    {
      name: 'matching.offer-deadlines',
      description: 'Expires offers not answered by their deadline and offers the order to the next candidate',
      schedule: { everyMs: 5_000, nextDueAt: () => earliestPendingDeadline(m.kernel.db) },
      lockLifetimeMs: 60_000,
      quiet: true,
      async run({ asOf, logger }) {
        const { expired } = await lapseOffers(m, asOf);
        if (expired) logger.info({ expired }, 'offers expired');
      },
    },
  ];
}
