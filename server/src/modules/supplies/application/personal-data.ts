import type { Kernel } from '../../../platform/module.ts';
import type { PersonalDataContributor } from '../../../platform/privacy.ts';
import { sql, execute } from '../../../platform/database.ts';
import { orderIdsOfClient } from '../../orders/index.ts';

/**
 * Kits carry the client's name and delivery address (the cookie is ordered
 * with them): exported with the client's data, replaced on erasure.
 */
export function suppliesPersonalData(kernel: Pick<Kernel, 'db'>): PersonalDataContributor {
  return {
    section: 'kits',
    async export(userId) {
      const orderIds = await orderIdsOfClient(kernel, userId);
      return sql(
        kernel.db,
        `SELECT id, order_id AS "orderId", recipient_name AS "recipientName", delivery_address AS "deliveryAddress", status,
                cookie_status AS "cookieStatus", created_at AS "createdAt"
         FROM kits WHERE order_id = ANY($1::uuid[]) ORDER BY created_at`,
        [orderIds],
      );
    },
    async erase(userId, { tx }) {
      const orderIds = await orderIdsOfClient(kernel, userId, tx);
      await execute(
        kernel.db,
        "UPDATE kits SET recipient_name = '[erased]', delivery_address = '[erased]' WHERE order_id = ANY($1::uuid[])",
        [orderIds],
        tx,
      );
    },
  };
}
