import { DataTypes, Model, type Sequelize } from 'sequelize';
import { listAttribute } from '../../../admin/actions.ts';
import { usersTable } from './tables.ts';

export class UserRecord extends Model {
  declare id: string;
  declare email: string;
  declare name: string;
  declare passwordHash: string | null;
  declare roles: string[];
  declare disabled: boolean;
}

/** The panel's users: the password hash is secret (never loaded); the avatar URL and token generation are not the panel's business. */
export function defineUserModel(sequelize: Sequelize): typeof UserRecord {
  return usersTable.model(sequelize, UserRecord, {
    modelName: 'User',
    omit: ['avatar_url', 'token_generation'],
    extra: {
      roleNames: listAttribute('roles'),
      // The worker's home base in degrees (nearest-available matching), as staff read and paste a point; blank when not set.
      homeBase: {
        type: DataTypes.VIRTUAL,
        get(this: UserRecord) {
          const [lat, lng] = [this.getDataValue('homeLatE6'), this.getDataValue('homeLngE6')] as (number | null)[];
          return lat === null || lat === undefined || lng === null || lng === undefined
            ? ''
            : `${(lat / 1e6).toFixed(6)}, ${(lng / 1e6).toFixed(6)}`;
        },
      },
    },
  });
}
