import type { Config, ConfigSlice, Secrets } from './config.ts';
import type { Table } from './table.ts';
import type { Database } from './database.ts';
import type { PlatformClock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { OutboxDispatcher } from './outbox.ts';
import type { JobDefinition, Scheduler } from './scheduler.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import type { RequestHandler } from 'express';
import type { OperationHandlers } from './http/openapi.ts';
import type { MailTransport } from './mail.ts';
import type { EventBus, EventName } from './events.ts';
import type { PublicEventDeclaration } from './event-feed.ts';
import type { PersonalDataContributor, PrivacyRegistry } from './privacy.ts';
import type { DashboardFigure } from './dashboard.ts';
import type { HealthCheck } from './health.ts';
import { KERNEL_ROLES, type ResolvedCaller, type Role, type TokenService } from './http/auth.ts';

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
  /** Every role there is: the kernel's own (manager, admin) and those the registry's modules introduce. */
  roles: readonly Role[];
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
 * What the kernel needs of exactly one module, supplied by whichever module
 * owns it: who a caller is (identity), telling operators (notifications),
 * reading a stored file for the panel (files).
 */
export interface KernelServices {
  resolveCaller(userId: string): Promise<ResolvedCaller | null>;
  alertOperators(alert: { summary: string; detail: string; requestId?: string; fingerprint: string }): Promise<void>;
  /** A message that failed every retry. */
  onOutboxGaveUp(message: { id: string; topic: string; payload: unknown }, reason: string): Promise<void>;
  /** A stored file as `user` may read it, or undefined when there is none they may read. */
  readFile(user: { id: string; roles: Role[] }, id: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

/** What a module gives back: its HTTP handlers by operationId, its jobs, its admin screens. */
export interface ChorecatModule<Provides = unknown> {
  name: string;
  /** A service later modules in the registry may use (files' FilesService for orders), read through `Peers.of`. */
  provides?: Provides;
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
  /** Its figures on the panel's dashboard, each one indexed query of its own tables (platform/dashboard.ts). */
  dashboardFigures?: DashboardFigure[];
  /** What `chorecat doctor` checks of it (platform/health.ts): backlogs and failures of its own tables, read through its own queries. */
  health?: HealthCheck[];
  /** The kernel services it supplies (each is supplied by one module). */
  services?: Partial<KernelServices>;
  /** The personal data it holds, exported and erased with the rest (GDPR, SPEC §1). */
  personalData?: PersonalDataContributor[];
}

/** The panel's screens, with the actions modules add to each other's merged in. */
export function assembleAdminResources(modules: ChorecatModule[]): AdminResource[] {
  const resources = modules.flatMap((m) => m.adminResources ?? []);
  for (const extension of modules.flatMap((m) => m.adminActions ?? [])) {
    // A screen's id is its `id` option, else its table's name (as AdminJS names it).
    const index = resources.findIndex(
      (r) => ((r.options?.id as string | undefined) ?? (r.resource as { tableName?: string }).tableName) === extension.resourceId,
    );
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

/** The modules created before this one, by their definitions: a module reaches a peer's service only through its declaration. */
export interface Peers {
  of<Provides>(definition: ModuleDefinition<Provides>): Provides;
}

/**
 * A module as the registry (`server/src/modules/index.ts`) knows it: what it
 * declares without a running platform (its demo seed), and how it is created
 * on the kernel. The registry's order is the creation order: a module may
 * use only peers listed before it.
 */
export interface ModuleDefinition<Provides = unknown> {
  name: string;
  create(kernel: Kernel, peers: Peers): ChorecatModule<Provides>;
  /**
   * The roles it introduces (orders: client). Its type is declared by merging
   * into `RoleMap` (platform/http/auth.ts) from the module's folder.
   */
  roles?: readonly Role[];
  /** The domain events it publishes; their payload types are merged into `DomainEventMap` (platform/events.ts). */
  publishes?: readonly EventName[];
  /**
   * The public event types it records (`event-feed.ts`: GET /v1/events, webhooks), each with its payload's
   * contract schema; their payload types are merged into `PublicEventMap`. The contract's `webhooks` section
   * documents exactly these (the contract test compares the two).
   */
  publicEvents?: readonly PublicEventDeclaration[];
  /** Its configuration variables, what production requires, its secrets (platform/config.ts, `ConfigSlice`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each slice has its own variable shape
  config?: ConfigSlice<any, object>;
  /**
   * The module's demo data, created by `chorecat seed` and at start when
   * SEED_DEMO is on (never in production). Idempotent; returns what it created.
   */
  seed?: (kernel: Pick<Kernel, 'db' | 'clock' | 'config'>) => Promise<string[]>;
  /** The tables it owns, each described once (platform/table.ts); the shape test checks them against the migrated database. */
  tables?: readonly Table[];
}

/** Keeps the definition's `Provides` type for `Peers.of`. */
export function defineModule<Provides = undefined>(definition: ModuleDefinition<Provides>): ModuleDefinition<Provides> {
  return definition;
}

/**
 * Creates the registry's modules in order. A definition listed twice, two
 * modules of one name, or a peer used before it exists fails here, at start.
 */
export function createModules(
  kernel: Kernel,
  definitions: readonly ModuleDefinition[],
): { modules: ChorecatModule[]; peers: Peers; services: Partial<KernelServices> } {
  const created = new Map<ModuleDefinition, ChorecatModule>();
  const names = new Set<string>();
  const peers: Peers = {
    of<Provides>(definition: ModuleDefinition<Provides>): Provides {
      const module = created.get(definition as ModuleDefinition);
      if (!module) throw new Error(`module ${definition.name} is used before it is created: list it earlier in the registry`);
      if (module.provides === undefined) throw new Error(`module ${definition.name} provides nothing`);
      return module.provides as Provides;
    },
  };
  for (const definition of definitions) {
    if (names.has(definition.name)) throw new Error(`module ${definition.name} is registered twice`);
    names.add(definition.name);
    created.set(definition, definition.create(kernel, peers));
  }
  const services: Partial<KernelServices> = {};
  for (const module of created.values()) {
    for (const section of module.personalData ?? []) kernel.privacy.register(section);
    for (const [name, service] of Object.entries(module.services ?? {})) {
      if (name in services) throw new Error(`kernel service ${name} is supplied twice (again by ${module.name})`);
      Object.assign(services, { [name]: service });
    }
  }
  kernel.events.assertPublished(new Set(definitions.flatMap((d) => d.publishes ?? [])));
  kernel.events.declarePublic(publicEventsOf(definitions));
  return { modules: [...created.values()], peers, services };
}

/** Every public event type the definitions declare; a type declared twice is a mistake. */
export function publicEventsOf(definitions: readonly ModuleDefinition[]): PublicEventDeclaration[] {
  const declared: PublicEventDeclaration[] = [];
  for (const definition of definitions) {
    for (const event of definition.publicEvents ?? []) {
      if (declared.some((d) => d.type === event.type))
        throw new Error(`public event ${event.type} is declared twice (again by ${definition.name})`);
      declared.push(event);
    }
  }
  return declared;
}

/** Runs every module's demo seed in registry order; returns what was created. */
export async function seedDemoData(
  kernel: Pick<Kernel, 'db' | 'clock' | 'config'>,
  definitions: readonly ModuleDefinition[],
): Promise<string[]> {
  const created: string[] = [];
  for (const definition of definitions) if (definition.seed) created.push(...(await definition.seed(kernel)));
  return created;
}

/** The kernel's roles and every role the definitions introduce; a role introduced twice is a mistake. */
export function rolesOf(definitions: readonly ModuleDefinition[]): Role[] {
  const roles: Role[] = [...KERNEL_ROLES];
  for (const definition of definitions) {
    for (const role of definition.roles ?? []) {
      if (roles.includes(role)) throw new Error(`role ${role} is introduced twice (by ${definition.name})`);
      roles.push(role);
    }
  }
  return roles;
}
