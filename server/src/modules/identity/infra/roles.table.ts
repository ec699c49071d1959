import { col, defineTable, type RowOf } from '../../../platform/table.ts';

/**
 * `roles` as the code sees it (history: migrations/0023): the roles the
 * database lets users hold, written by the migrator from the registry
 * (platform/migrations.ts, allowRoles), read by the trigger on users.roles.
 */
export const rolesTable = defineTable('roles', {
  name: col.text({ primaryKey: true }),
});

export type RoleRow = RowOf<typeof rolesTable>;
