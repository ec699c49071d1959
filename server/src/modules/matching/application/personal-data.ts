import { sql } from '../../../platform/database.ts';
import type { Kernel } from '../../../platform/module.ts';
import type { PersonalDataContributor } from '../../../platform/privacy.ts';

/**
 * A worker's offers in its GDPR export. Erasure keeps them: they hold only
 * ids, times and answers (like the matching attempts naming the worker),
 * and the user row they point at is what identity anonymises.
 */
export function matchingPersonalData(kernel: Pick<Kernel, 'db'>): PersonalDataContributor {
  return {
    section: 'offers',
    async export(userId) {
      return sql(
        kernel.db,
        `SELECT id, order_id AS "orderId", status, offered_at AS "offeredAt", expires_at AS "expiresAt", answered_at AS "answeredAt"
         FROM matching_offers WHERE worker_id = $1 ORDER BY offered_at, id`,
        [userId],
      );
    },
    async erase() {
      // Nothing personal beyond the worker's id (see above).
    },
  };
}
