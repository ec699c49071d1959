import { Model, type Sequelize } from 'sequelize';
import { auditLogTable } from '../../../platform/tables.ts';

/** The audit log (the kernel's table), read-only, for the admin panel. */
export class AuditEntryRecord extends Model {}

export function defineAuditEntryModel(sequelize: Sequelize): typeof AuditEntryRecord {
  return auditLogTable.model(sequelize, AuditEntryRecord, { modelName: 'AuditEntry' });
}
