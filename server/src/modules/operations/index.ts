import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { LINK_VALUE } from '@chorecat/admin';
import { READ_ONLY_ADMIN_ACTIONS } from '../../admin/actions.ts';
import { defineAuditEntryModel } from './infra/audit-entry.model.ts';
import { defineJobRunModel } from './infra/job-run.model.ts';
import type { JobDefinition } from '../../platform/scheduler.ts';
import { purgeExpiredIdempotencyKeys } from '../../platform/http/idempotency.ts';
import { operationsHandlers } from './http/handlers.ts';
import { operationsDashboardFigures } from './infra/dashboard.figures.ts';
import { auditTargetsNamed } from './infra/audit-targets.ts';
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
      description:
        'Delivers due outbox messages (emails, billing email fan-outs, domain events) with retries and backoff; the fallback poll behind LISTEN/NOTIFY.',
      // Workers deliver at each commit's notification (OutboxDispatcher.start); this catches a missed one.
      schedule: { everyMs: 30_000, nextDueAt: () => kernel.outbox.nextDueAt() },
      // A batch takes seconds; a crashed one holds the fallback poll back this long (the LISTEN wake-ups go on).
      lockLifetimeMs: 30_000,
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
      lockLifetimeMs: 2 * 60_000,
      async run({ logger }) {
        const purged = await purgeExpiredIdempotencyKeys(kernel.db);
        if (purged) logger.info({ purged }, 'idempotency keys purged');
      },
    },
  ];
  const AuditEntry = defineAuditEntryModel(kernel.db.sequelize);
  const JobRun = defineJobRunModel(kernel.db.sequelize);
  return {
    name: 'operations',
    handlers: operationsHandlers(kernel),
    jobs,
    dashboardFigures: operationsDashboardFigures(kernel.db),
    health: operationsHealthChecks(kernel.db, kernel.scheduler.registry),
    adminResources: [
      {
        resource: AuditEntry,
        options: {
          navigation: { name: 'Platform', icon: 'Settings' },
          listProperties: ['at', 'action', 'actorId', 'target'],
          showProperties: [
            'id',
            'at',
            'action',
            'actorId',
            'actorRoles',
            'target',
            'targetType',
            'targetId',
            'changes',
            'before',
            'after',
            'requestId',
          ],
          filterProperties: ['action', 'actorId', 'targetType', 'targetId', 'at'],
          properties: { actorId: { reference: 'users' }, target: { components: { list: LINK_VALUE, show: LINK_VALUE } } },
          sort: { sortBy: 'at', direction: 'desc' },
          actions: {
            ...READ_ONLY_ADMIN_ACTIONS,
            // The target by what it is (an order by service and start, a person by name), linking to its page.
            list: { after: auditTargetsNamed(kernel) },
            show: { after: auditTargetsNamed(kernel) },
          },
        },
      },
      {
        // Every recorded run of a scheduled job (pollers' idle runs are not recorded), newest first; the dashboard's
        // "Job runs failed" opens it filtered to those runs.
        resource: JobRun,
        options: {
          id: 'job_runs',
          navigation: { name: 'Platform', icon: 'Settings' },
          listProperties: ['job', 'asOf', 'startedAt', 'outcome', 'error'],
          showProperties: ['id', 'job', 'trigger', 'asOf', 'startedAt', 'finishedAt', 'outcome', 'error'],
          filterProperties: ['job', 'outcome', 'trigger', 'asOf', 'startedAt'],
          properties: {
            job: { label: 'Job' },
            asOf: { label: 'Due (platform time)' },
            outcome: { availableValues: ['succeeded', 'failed'].map((value) => ({ value, label: value })) },
            trigger: { availableValues: ['schedule', 'cli', 'sandbox', 'test'].map((value) => ({ value, label: value })) },
          },
          sort: { sortBy: 'startedAt', direction: 'desc' },
          actions: READ_ONLY_ADMIN_ACTIONS,
        },
      },
    ],
  };
}
