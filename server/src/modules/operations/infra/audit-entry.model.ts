import { DataTypes, Model, type Sequelize } from 'sequelize';
import { auditLogTable } from '../../../platform/tables.ts';
import { MULTILINE } from '../../../admin/actions.ts';
import { auditDiff } from '../domain/audit-diff.ts';

/** The audit log (the kernel's table), read-only, for the admin panel. */
export class AuditEntryRecord extends Model {}

export function defineAuditEntryModel(sequelize: Sequelize): typeof AuditEntryRecord {
  return auditLogTable.model(sequelize, AuditEntryRecord, {
    modelName: 'AuditEntry',
    extra: {
      // What the entry was about, named (filled in after a list or show is read: see audit-targets.ts).
      target: { type: DataTypes.VIRTUAL, get: () => '' },
      // Before/After as a diff: what the change changed, beside the two whole records.
      changes: {
        type: DataTypes.VIRTUAL,
        ...MULTILINE,
        get(this: Model) {
          return auditDiff(this.getDataValue('before'), this.getDataValue('after'));
        },
      },
    },
  });
}
