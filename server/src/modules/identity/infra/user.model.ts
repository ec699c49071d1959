import { DataTypes, Model, type Sequelize } from 'sequelize';

export class UserRecord extends Model {
  declare id: string;
  declare email: string;
  declare name: string;
  declare passwordHash: string | null;
  declare roles: string[];
  declare disabled: boolean;
}

export function defineUserModel(sequelize: Sequelize): typeof UserRecord {
  UserRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      email: { type: DataTypes.TEXT, allowNull: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      passwordHash: { type: DataTypes.TEXT, field: 'password_hash' },
      roles: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
      // AdminJS lists arrays as "Length: n"; this reads as the roles themselves.
      roleNames: {
        type: DataTypes.VIRTUAL,
        get(this: UserRecord) {
          return (this.getDataValue('roles') as string[] | undefined)?.join(', ') ?? '';
        },
      },
      disabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      emailVerifiedAt: { type: DataTypes.DATE, field: 'email_verified_at' },
      phone: { type: DataTypes.TEXT },
      address: { type: DataTypes.TEXT },
      erasedAt: { type: DataTypes.DATE, field: 'erased_at' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
      updatedAt: { type: DataTypes.DATE, field: 'updated_at' },
    },
    {
      sequelize,
      tableName: 'users',
      modelName: 'User',
      timestamps: false,
      // The hash is a secret: no query through this model (the admin panel's included) loads it unless it names it.
      defaultScope: { attributes: { exclude: ['passwordHash'] } },
    },
  );
  return UserRecord;
}
