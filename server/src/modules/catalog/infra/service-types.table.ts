import { col, defineTable, type RowOf } from '../../../platform/table.ts';
import type { KitItem } from '../domain/service-type.ts';

/** `service_types` as the code sees it (history: migrations/). */
export const serviceTypesTable = defineTable('service_types', {
  id: col.uuid({ primaryKey: true }),
  name: col.text(),
  description: col.text(),
  duration_minutes: col.integer(),
  active: col.boolean(),
  kit_items: col.jsonb<KitItem[]>(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

export type ServiceTypeRow = RowOf<typeof serviceTypesTable>;
