import { Model, type Sequelize } from 'sequelize';
import { emailsView } from './emails.table.ts';

/** The read-only `emails` view, for the admin panel: one-time codes in it are already `[redacted]` (the view reads each email's shown copy). */
export class EmailRecord extends Model {}

export function defineEmailModel(sequelize: Sequelize): typeof EmailRecord {
  return emailsView.model(sequelize, EmailRecord, { modelName: 'Email' });
}
