import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import { READ_ONLY_ADMIN_ACTIONS, moneyAttribute } from '../../../admin/actions.ts';
import { matchingAttemptsTable } from '../infra/attempts.table.ts';

class AttemptRecord extends Model {}

/** Every matching try, read-only: which workers were free, in the strategy's order, and who got the order. */
export function matchingAdminResource(sequelize: Sequelize): AdminResource {
  matchingAttemptsTable.model(sequelize, AttemptRecord, {
    modelName: 'MatchingAttempt',
    extra: {
      candidateCount: {
        type: DataTypes.VIRTUAL,
        get(this: AttemptRecord) {
          return ((this.getDataValue('candidates') as string[] | undefined) ?? []).length;
        },
      },
      price: moneyAttribute('priceCents'),
    },
  });
  return {
    resource: AttemptRecord,
    options: {
      id: 'matching_attempts',
      navigation: { name: 'Operations', icon: 'Activity' },
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
