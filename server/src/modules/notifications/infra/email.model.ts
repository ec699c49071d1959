import { DataTypes, Model, type Sequelize } from 'sequelize';

/** The read-only `emails` view, for the admin panel: one-time codes in it are already `[redacted]` (the view reads each email's shown copy). */
export class EmailRecord extends Model {}

export function defineEmailModel(sequelize: Sequelize): typeof EmailRecord {
  EmailRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      to: { type: DataTypes.TEXT },
      subject: { type: DataTypes.TEXT },
      template: { type: DataTypes.TEXT },
      status: { type: DataTypes.TEXT },
      attempts: { type: DataTypes.INTEGER },
      lastError: { type: DataTypes.TEXT, field: 'last_error' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
      sentAt: { type: DataTypes.DATE, field: 'sent_at' },
      nextAttemptAt: { type: DataTypes.DATE, field: 'next_attempt_at' },
      text: { type: DataTypes.TEXT },
      html: { type: DataTypes.TEXT },
    },
    {
      sequelize,
      tableName: 'emails',
      modelName: 'Email',
      timestamps: false,
    },
  );
  return EmailRecord;
}
