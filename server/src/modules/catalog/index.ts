import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { seedDemoCatalog } from './application/seed-demo-catalog.ts';
import { catalogHandlers } from './http/handlers.ts';
import { serviceTypesAdminResource } from './admin/screens.ts';
import { serviceTypesTable } from './infra/service-types.table.ts';

export { getServiceType } from './application/service-types.ts';
export { seedDemoCatalog, DEMO_SERVICE_TYPES } from './application/seed-demo-catalog.ts';
export type { ServiceType, KitItem } from './domain/service-type.ts';

export const catalogModule = defineModule({
  name: 'catalog',
  create: (kernel) => createCatalogModule(kernel),
  seed: seedDemoCatalog,
  tables: [serviceTypesTable],
});

/** Catalog: the service types clients order, their duration and kit template. */
export function createCatalogModule(kernel: Kernel): ChorecatModule {
  return {
    name: 'catalog',
    handlers: catalogHandlers(kernel),
    adminResources: [serviceTypesAdminResource(kernel, kernel.db.sequelize)],
  };
}
