import type { Config, Secrets } from './config.ts';
import type { Database } from './database.ts';
import type { PlatformClock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { OutboxDispatcher } from './outbox.ts';
import type { JobDefinition, Scheduler } from './scheduler.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import type { TokenService } from './http/auth.ts';
import type { RequestHandler } from 'express';
import type { OperationHandlers } from './http/openapi.ts';
import type { MailTransport } from './mail.ts';
import type { PrivacyRegistry } from './privacy.ts';
import type { EventBus } from './events.ts';

/** What the platform hands every module when it is created. */
export interface Kernel {
  config: Config;
  secrets: Secrets;
  db: Database;
  clock: PlatformClock;
  logger: Logger;
  metrics: Metrics;
  tokens: TokenService;
  outbox: OutboxDispatcher;
  scheduler: Scheduler;
  sandbox: SandboxClock;
  mailTransport: MailTransport;
  privacy: PrivacyRegistry;
  events: EventBus;
  spec: Record<string, unknown>;
}

/** An AdminJS resource a module offers the panel (a Sequelize model and its options). */
export interface AdminResource {
  resource: unknown;
  options?: Record<string, unknown>;
  /** Panel roles that may use this screen (default: managers and admins). */
  roles?: string[];
  /** Words the panel shows for this screen's actions (e.g. `{ edit: 'Reject…' }`). */
  actionLabels?: Record<string, string>;
}

/**
 * Actions a module adds to another module's screen (billing's "Reward…" on
 * a worker), so each use case's action lives with its module. Merged into
 * the screen with id `resourceId` when the panel is built.
 */
export interface AdminActionsExtension {
  resourceId: string;
  actions: Record<string, unknown>;
  actionLabels?: Record<string, string>;
}

/**
 * AdminJS actions for a resource managers may read but never change from the
 * panel (changes go through use cases, as custom actions).
 */
export const READ_ONLY_ADMIN_ACTIONS = {
  new: { isAccessible: false },
  edit: { isAccessible: false },
  delete: { isAccessible: false },
  bulkDelete: { isAccessible: false },
} as const;

/** What a module gives back: its HTTP handlers by operationId, its jobs, its admin screens. */
export interface ChorecatModule {
  name: string;
  handlers: OperationHandlers;
  /**
   * Middleware mounted on a path before authentication and body parsing:
   * flood defence for public routes (rate limits, a smaller body limit), so
   * a refusal costs as little as possible.
   */
  early?: { path: string; handlers: RequestHandler[] }[];
  /** Per operationId, middleware run after validation and before idempotency: refusals that must store nothing. */
  guards?: Record<string, RequestHandler[]>;
  jobs?: JobDefinition[];
  adminResources?: AdminResource[];
  adminActions?: AdminActionsExtension[];
}

/** The panel's screens, with the actions modules add to each other's merged in. */
export function assembleAdminResources(modules: ChorecatModule[]): AdminResource[] {
  const resources = modules.flatMap((m) => m.adminResources ?? []);
  for (const extension of modules.flatMap((m) => m.adminActions ?? [])) {
    const index = resources.findIndex((r) => r.options?.id === extension.resourceId);
    if (index < 0) throw new Error(`admin actions for an unknown screen: ${extension.resourceId}`);
    const target = resources[index]!;
    resources[index] = {
      ...target,
      options: {
        ...target.options,
        actions: { ...((target.options?.actions as Record<string, unknown> | undefined) ?? {}), ...extension.actions },
      },
      actionLabels: { ...target.actionLabels, ...extension.actionLabels },
    };
  }
  return resources;
}
