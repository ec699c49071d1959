import { col, defineTable, type RowOf } from '../../../platform/table.ts';
import type { KitItem } from '../domain/service-type.ts';

/** `service_types` as the code sees it (history: migrations/). */
export const serviceTypesTable = defineTable('service_types', {
  id: col.uuid({ primaryKey: true, hasDefault: true }),
  name: col.text(),
  description: col.text({ hasDefault: true }),
  duration_minutes: col.integer(),
  active: col.boolean({ hasDefault: true }),
  kit_items: col.jsonb<KitItem[]>({ hasDefault: true }),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

export type ServiceTypeRow = RowOf<typeof serviceTypesTable>;
