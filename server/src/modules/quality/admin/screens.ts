import type { Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import type { Quality } from '../application/context.ts';

export function qualityAdminResources(_quality: Quality, _sequelize: Sequelize): AdminResource[] {
  return [];
}
