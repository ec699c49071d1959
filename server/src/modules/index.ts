import { rolesOf, type ModuleDefinition } from '../platform/module.ts';
import { operationsModule } from './operations/index.ts';
import { identityModule } from './identity/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { catalogModule } from './catalog/index.ts';
import { filesModule } from './files/index.ts';
import { ordersModule } from './orders/index.ts';
import { suppliesModule } from './supplies/index.ts';
import { matchingModule } from './matching/index.ts';
import { hiringModule } from './hiring/index.ts';
import { billingModule } from './billing/index.ts';
import { bidsModule } from './bids/index.ts';
import { qualityModule } from './quality/index.ts';
import { eventsModule } from './events/index.ts';
import { webhooksModule } from './webhooks/index.ts';

/**
 * The one list of Chorecat's modules, read by the composition root (app.ts),
 * the runtime, the CLI and the benchmarks. A new module is its folder and one
 * line here. Order is creation order: a module may use only peers above it
 * (orders uses files), and its demo seed runs after theirs.
 */
export const MODULES: readonly ModuleDefinition[] = [
  operationsModule,
  identityModule,
  notificationsModule,
  catalogModule,
  filesModule,
  ordersModule,
  suppliesModule,
  matchingModule,
  hiringModule,
  billingModule,
  bidsModule,
  qualityModule,
  eventsModule,
  webhooksModule,
];

/** Every role of the registry's platform: the kernel's and those its modules introduce. */
export const ROLES = rolesOf(MODULES);
