import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { purgeEventsBefore } from '../../platform/event-feed.ts';
import { eventsHandlers } from './http/handlers.ts';
import { eventsConfig } from './config.ts';

const DAY_MS = 86_400_000;

/**
 * Events: the public event feed as partners read it (GET /v1/events, each
 * caller what it may see) and its retention (`events.purge`). The feed
 * itself is the kernel's (`platform/event-feed.ts`); each module records its
 * own resources' events and declares them (`publicEvents`).
 */
export function createEventsModule(kernel: Kernel): ChorecatModule {
  return {
    name: 'events',
    handlers: eventsHandlers(kernel),
    jobs: [
      {
        name: 'events.purge',
        description: 'Forgets public events older than EVENTS_RETENTION_DAYS (30 days by default).',
        // Housekeeping: a poller, run by the sandbox clock at each advance; the age is read at the run's as-of time.
        schedule: { everyMs: 60 * 60_000 },
        lockLifetimeMs: 2 * 60_000,
        async run({ asOf, logger }) {
          const purged = await purgeEventsBefore(kernel.db, new Date(asOf.getTime() - kernel.config.eventsRetentionDays * DAY_MS));
          if (purged) logger.info({ purged }, 'public events purged');
        },
      },
    ],
  };
}

export const eventsModule = defineModule({
  name: 'events',
  config: eventsConfig,
  create: (kernel) => createEventsModule(kernel),
});
