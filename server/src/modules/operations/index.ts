import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { READ_ONLY_ADMIN_ACTIONS } from '../../admin/actions.ts';
import { defineAuditEntryModel } from './infra/audit-entry.model.ts';
import type { JobDefinition } from '../../platform/scheduler.ts';
import { purgeExpiredIdempotencyKeys } from '../../platform/http/idempotency.ts';
import { operationsHandlers } from './http/handlers.ts';
import { operationsDashboardFigures } from './infra/dashboard.figures.ts';
import { operationsHealthChecks } from './infra/health.checks.ts';

export { getDashboard, getPlatformHealth } from './application/get-dashboard.ts';

export const operationsModule = defineModule({ name: 'operations', create: (kernel) => createOperationsModule(kernel) });

/**
 * Operations: health and readiness, metrics, the contract, the sandbox
 * clock, and the platform's own housekeeping jobs (outbox delivery,
 * idempotency-key expiry).
 */
export function createOperationsModule(kernel: Kernel): ChorecatModule {
  const jobs: JobDefinition[] = [
    {
      name: 'outbox.deliver',
      description: 'Delivers due outbox messages (emails, billing email fan-outs, domain events) with retries and backoff.',
      schedule: { everyMs: 2_000, nextDueAt: () => kernel.outbox.nextDueAt() },
      quiet: true,
      async run({ logger }) {
        const result = await kernel.outbox.dispatch();
        if (result.sent || result.failed) logger.info(result, 'outbox delivered');
        return result;
      },
    },
    {
      name: 'idempotency.purge',
      description: 'Forgets Idempotency-Keys older than 24 hours.',
      schedule: { everyMs: 60 * 60_000 },
      async run({ logger }) {
        const purged = await purgeExpiredIdempotencyKeys(kernel.db);
        if (purged) logger.info({ purged }, 'idempotency keys purged');
      },
    },
  ];
  const AuditEntry = defineAuditEntryModel(kernel.db.sequelize);
  return {
    name: 'operations',
    handlers: operationsHandlers(kernel),
    jobs,
    dashboardFigures: operationsDashboardFigures(kernel.db),
    health: operationsHealthChecks(kernel.db),
    adminResources: [
      {
        resource: AuditEntry,
        options: {
          navigation: { name: 'Platform', icon: 'Settings' },
          listProperties: ['at', 'action', 'actorId', 'targetType', 'targetId'],
          showProperties: [
            'id',
            'at',
            'action',
            'actorId',
            'actorRoles',
            'targetType',
            'targetId',
            'changes',
            'before',
            'after',
            'requestId',
          ],
          filterProperties: ['action', 'actorId', 'targetType', 'targetId', 'at'],
          properties: { actorId: { reference: 'users' } },
          sort: { sortBy: 'at', direction: 'desc' },
          actions: READ_ONLY_ADMIN_ACTIONS,
        },
      },
    ],
  };
}
