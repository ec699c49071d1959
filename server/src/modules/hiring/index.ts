import { APPLICATION_PUBLIC_EVENTS } from './public-events.ts';
import { hiringConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { seedDemoHiring } from './application/seed-demo-hiring.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Hiring } from './application/context.ts';
import { createProofOfWork } from './infra/proof-of-work.ts';
import { purgeRedeemedChallenges } from './infra/hiring.repository.ts';
import { applicationFloodDefence, hiringHandlers } from './http/handlers.ts';
import { hiringAdminResources } from './admin/screens.ts';
import { HIRING_TABLES } from './infra/tables.ts';
import { hiringPersonalData } from './application/personal-data.ts';

export { seedDemoHiring } from './application/seed-demo-hiring.ts';
export { workerCode, WORKER_CODE_PATTERN } from './domain/worker-code.ts';
export { workerProfileForReview, workerCodesOf } from './application/worker-for-review.ts';

/**
 * Hiring (SPEC §5): vacancies and their tests, the public application form
 * (flood-proof), testing, and the decision that makes an applicant a worker.
 */
export function createHiringModule(kernel: Kernel): ChorecatModule {
  const hiring: Hiring = {
    kernel,
    pow: createProofOfWork({
      secret: kernel.secrets.jwt,
      maxNumber: kernel.config.applications.powMaxNumber,
      ttlMs: kernel.config.applications.challengeTtlMs,
    }),
  };
  return {
    name: 'hiring',
    handlers: hiringHandlers(hiring),
    early: [applicationFloodDefence(hiring)],
    jobs: [
      {
        name: 'hiring.purge-challenges',
        description: 'Forgets spent proof-of-work solutions once their challenges have expired',
        // Housekeeping with no business time: a poller, so the sandbox clock runs it once per advance, not once per day.
        schedule: { everyMs: 6 * 60 * 60_000 },
        lockLifetimeMs: 2 * 60_000,
        quiet: true,
        async run() {
          // Kept a day, far beyond a challenge's life, in real time like the challenges themselves.
          await purgeRedeemedChallenges(
            kernel.db,
            new Date(systemClock.now().getTime() - Math.max(86_400_000, 2 * kernel.config.applications.challengeTtlMs)),
          );
        },
      },
    ],
    adminResources: hiringAdminResources(hiring, kernel.db.sequelize),
    personalData: [hiringPersonalData(kernel)],
  };
}

export const hiringModule = defineModule({
  name: 'hiring',
  config: hiringConfig,
  roles: ['applicant', 'worker'],
  create: (kernel) => createHiringModule(kernel),
  seed: seedDemoHiring,
  tables: HIRING_TABLES,
  publicEvents: APPLICATION_PUBLIC_EVENTS,
});

declare module '../../platform/http/auth.ts' {
  interface RoleMap {
    applicant: true;
    worker: true;
  }
}
