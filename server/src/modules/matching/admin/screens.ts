import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { AdminActionsExtension, AdminResource } from '../../../platform/module.ts';
import { READ_ONLY_ADMIN_ACTIONS, moneyAttribute, relatedList } from '../../../admin/actions.ts';
import { matchingAttemptsTable, matchingOffersTable } from '../infra/attempts.table.ts';

class AttemptRecord extends Model {}
class OfferRecord extends Model {}

const navigation = { name: 'Operations', icon: 'Activity' };

/**
 * Every matching try, read-only: which workers were free, in the ranking's
 * order, who was offered the order (sequential offers) and who got it; and
 * every offer with its deadline and answer.
 */
export function matchingAdminResources(sequelize: Sequelize): AdminResource[] {
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
  matchingOffersTable.model(sequelize, OfferRecord, { modelName: 'MatchingOffer' });
  return [
    {
      resource: AttemptRecord,
      options: {
        id: 'matching_attempts',
        navigation,
        listProperties: ['attemptedAt', 'orderId', 'outcome', 'strategy', 'candidateCount', 'chosen', 'price'],
        showProperties: [
          'id',
          'attemptedAt',
          'endedAt',
          'orderId',
          'outcome',
          'strategy',
          'ranking',
          'note',
          'candidates',
          'offered',
          'refused',
          'chosen',
          'price',
          'pricing',
        ],
        filterProperties: ['orderId', 'outcome', 'strategy', 'chosen', 'attemptedAt'],
        sort: { sortBy: 'attemptedAt', direction: 'desc' },
        properties: {
          orderId: { reference: 'orders' },
          chosen: { reference: 'users' },
          priceCents: { isVisible: false },
        },
        actions: { ...READ_ONLY_ADMIN_ACTIONS, offers: relatedList('matching_offers', 'attemptId', 'Send') },
      },
    },
    {
      resource: OfferRecord,
      options: {
        id: 'matching_offers',
        navigation,
        listProperties: ['offeredAt', 'orderId', 'workerId', 'position', 'status', 'expiresAt', 'answeredAt'],
        showProperties: ['id', 'orderId', 'attemptId', 'workerId', 'position', 'status', 'offeredAt', 'expiresAt', 'answeredAt'],
        filterProperties: ['orderId', 'attemptId', 'workerId', 'status', 'offeredAt'],
        sort: { sortBy: 'offeredAt', direction: 'desc' },
        properties: {
          orderId: { reference: 'orders' },
          attemptId: { reference: 'matching_attempts' },
          workerId: { reference: 'users' },
        },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
  ];
}

/** On each order (Orders → Orders): its matching attempts and its offer history. */
export function matchingAdminActions(): AdminActionsExtension[] {
  return [
    {
      resourceId: 'orders',
      actionLabels: { matchingAttempts: 'Matching attempts', offers: 'Offers' },
      actions: {
        matchingAttempts: relatedList('matching_attempts', 'orderId', 'Activity'),
        offers: relatedList('matching_offers', 'orderId', 'Send'),
      },
    },
  ];
}
