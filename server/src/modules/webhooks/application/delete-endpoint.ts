import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { cancelPendingDeliveries, softDeleteEndpoint } from '../infra/webhooks.repository.ts';
import { endpointNotFound, endpointView, type Webhooks } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Deletes an endpoint once (of racing deletes one wins, the rest are 404s)
 * and cancels what was still to be sent to it, in one transaction. The row
 * stays, marked deleted, so the panel's delivery log keeps its endpoint.
 */
export async function deleteEndpoint(webhooks: Webhooks, input: { actor: Principal; id: string; requestId?: string }): Promise<void> {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw new AppError('AUTH.FORBIDDEN', 'Only managers and admins manage webhook endpoints.');
  if (!UUID.test(input.id)) throw endpointNotFound();
  await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const row = await softDeleteEndpoint(kernel.db, tx, input.id, now);
    if (!row) throw endpointNotFound();
    const cancelled = await cancelPendingDeliveries(kernel.db, tx, row.id, now, 'endpoint deleted');
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_endpoint.deleted',
      targetType: 'webhook_endpoint',
      targetId: row.id,
      before: endpointView(row),
      after: { deletedAt: now.toISOString(), cancelledDeliveries: cancelled },
      requestId: input.requestId,
    });
  });
}
