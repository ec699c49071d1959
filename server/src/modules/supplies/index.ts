import { suppliesConfig } from './config.ts';
import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import type { Supplies } from './application/context.ts';
import { openKit } from './application/open-kit.ts';
import { cancelKit } from './application/cancel-kit.ts';
import { followOrderEdit } from './application/follow-order-edit.ts';
import { suppliesHandlers } from './http/handlers.ts';
import { supplierJobs } from './jobs/supplier-sync.ts';
import { kitsAdminResource } from './admin/screens.ts';
import { kitsTable, supplierEventsTable } from './infra/tables.ts';
import { createSupplierClient, type SupplierClient } from './infra/supplier-client.ts';
import { suppliesPersonalData } from './application/personal-data.ts';
import { KIT_PUBLIC_EVENTS } from './public-events.ts';

export { kitOfOrder } from './application/kit-of-order.ts';

export {
  KIT_STATUSES,
  KIT_EVENTS,
  KIT_TRANSITIONS,
  COOKIE_STATUSES,
  decideKit,
  readiness,
  type KitStatus,
} from './domain/kit-lifecycle.ts';
import { suppliesDashboardFigures } from './infra/dashboard.figures.ts';

/**
 * Supplies (SPEC §6): the kit of every order, its assembly by the supplies
 * team, and the cookie ordered from the external supplier. Follows orders
 * through their events; drives them through orders' door (`markKitReady`).
 */
export function createSuppliesModule(kernel: Kernel, deps: { supplier?: SupplierClient } = {}): ChorecatModule {
  const supplies: Supplies = {
    kernel,
    supplier:
      deps.supplier ??
      createSupplierClient({
        baseUrl: kernel.config.supplier.url,
        apiKey: kernel.secrets.supplierApiKey,
        timeoutMs: kernel.config.supplier.timeoutMs,
      }),
  };
  kernel.events.subscribe('order.created', 'supplies.open-kit', (event) => openKit(supplies, event.payload));
  // Every order event that means the order will never happen, whatever state its kit is in.
  for (const cause of ['cancel', 'no_worker', 'no_check_in'] as const) {
    kernel.events.subscribe(`order.${cause}`, 'supplies.cancel-kit', (event) => cancelKit(supplies, event.payload, cause));
  }
  kernel.events.subscribe('order.edited', 'supplies.follow-edit', (event) => followOrderEdit(supplies, event.payload));
  return {
    name: 'supplies',
    handlers: suppliesHandlers(supplies),
    jobs: supplierJobs(supplies),
    adminResources: [kitsAdminResource(supplies, kernel.db.sequelize)],
    dashboardFigures: suppliesDashboardFigures(kernel.db),
    personalData: [suppliesPersonalData(kernel)],
  };
}

export const suppliesModule = defineModule({
  name: 'supplies',
  config: suppliesConfig,
  roles: ['supplies'],
  create: (kernel) => createSuppliesModule(kernel),
  tables: [kitsTable, supplierEventsTable],
  publicEvents: KIT_PUBLIC_EVENTS,
});

declare module '../../platform/http/auth.ts' {
  interface RoleMap {
    supplies: true;
  }
}
