import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import { READ_ONLY_ADMIN_ACTIONS, moneyAttribute } from '../../../admin/actions.ts';

class AttemptRecord extends Model {}

/** Every matching try, read-only: which workers were free, in the strategy's order, and who got the order. */
export function matchingAdminResource(sequelize: Sequelize): AdminResource {
  AttemptRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      orderId: { type: DataTypes.UUID, field: 'order_id' },
      attemptedAt: { type: DataTypes.DATE, field: 'attempted_at' },
      strategy: { type: DataTypes.TEXT },
      candidates: { type: DataTypes.ARRAY(DataTypes.UUID) },
      candidateCount: {
        type: DataTypes.VIRTUAL,
        get(this: AttemptRecord) {
          return ((this.getDataValue('candidates') as string[] | undefined) ?? []).length;
        },
      },
      refused: { type: DataTypes.ARRAY(DataTypes.UUID) },
      chosen: { type: DataTypes.UUID },
      priceCents: { type: DataTypes.BIGINT, field: 'price_cents' },
      price: moneyAttribute('priceCents'),
      pricing: { type: DataTypes.TEXT },
      outcome: { type: DataTypes.TEXT },
    },
    { sequelize, tableName: 'matching_attempts', modelName: 'MatchingAttempt', timestamps: false },
  );
  return {
    resource: AttemptRecord,
    options: {
      id: 'matching_attempts',
      navigation: { name: 'Orders', icon: 'ShoppingCart' },
      listProperties: ['attemptedAt', 'orderId', 'outcome', 'strategy', 'candidateCount', 'chosen', 'price'],
      showProperties: ['id', 'attemptedAt', 'orderId', 'outcome', 'strategy', 'candidates', 'refused', 'chosen', 'price', 'pricing'],
      filterProperties: ['orderId', 'outcome', 'chosen', 'attemptedAt'],
      sort: { sortBy: 'attemptedAt', direction: 'desc' },
      properties: {
        orderId: { reference: 'orders' },
        chosen: { reference: 'users' },
        priceCents: { isVisible: false },
      },
      actions: READ_ONLY_ADMIN_ACTIONS,
    },
  };
}
