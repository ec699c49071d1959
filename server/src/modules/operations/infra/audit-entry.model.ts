import { DataTypes, Model, type Sequelize } from 'sequelize';

/** The audit log, read-only, for the admin panel. */
export class AuditEntryRecord extends Model {}

export function defineAuditEntryModel(sequelize: Sequelize): typeof AuditEntryRecord {
  AuditEntryRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      at: { type: DataTypes.DATE },
      actorId: { type: DataTypes.UUID, field: 'actor_id' },
      actorRoles: { type: DataTypes.ARRAY(DataTypes.TEXT), field: 'actor_roles' },
      action: { type: DataTypes.TEXT },
      targetType: { type: DataTypes.TEXT, field: 'target_type' },
      targetId: { type: DataTypes.TEXT, field: 'target_id' },
      before: { type: DataTypes.JSONB },
      after: { type: DataTypes.JSONB },
      requestId: { type: DataTypes.TEXT, field: 'request_id' },
    },
    { sequelize, tableName: 'audit_log', modelName: 'AuditEntry', timestamps: false },
  );
  return AuditEntryRecord;
}
