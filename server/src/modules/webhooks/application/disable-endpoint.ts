import type { Tx } from '../../../platform/database.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { ENDPOINT_DISABLED_EVENT_TYPE } from '../domain/endpoint.ts';
import { endpointDisabledEmail } from '../domain/emails.ts';
import { lockEndpoint, markEndpointDisabled } from '../infra/webhooks.repository.ts';
import { endpointView, type Webhooks } from './context.ts';

/**
 * Persistent failure (a delivery given up after 3 days) disables the
 * endpoint, in the transaction that gives the delivery up: the owner's
 * email (outbox) and the `webhook.endpoint.disabled` public event commit
 * with it, or none does. Deliveries still pending stay pending, not sent,
 * until the endpoint is enabled again.
 */
export async function disableEndpoint(webhooks: Webhooks, tx: Tx, input: { endpointId: string; reason: string }): Promise<boolean> {
  const { kernel } = webhooks;
  const row = await lockEndpoint(kernel.db, tx, input.endpointId);
  if (!row || row.status !== 'active') return false;
  const now = kernel.clock.now();
  await markEndpointDisabled(kernel.db, tx, { id: row.id, now, reason: input.reason });
  webhooks.counters?.disabled.inc();
  const view = endpointView({ ...row, status: 'disabled', disabled_at: now, disabled_reason: input.reason });
  await recordAudit(kernel.db, tx, kernel.clock, {
    actorId: null,
    actorRoles: [],
    action: 'webhook_endpoint.disabled',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    before: endpointView(row),
    after: view,
  });
  const owner = await findContact(kernel, row.created_by, tx);
  if (owner) {
    await sendEmail(kernel, tx, {
      template: endpointDisabledEmail,
      to: owner.email,
      data: { name: owner.name, url: row.url, reason: input.reason },
      dedupeKey: `webhook-endpoint:${row.id}:disabled:${now.toISOString()}`,
    });
  }
  // Staff only (managers and admins read every event): no audience besides them.
  await kernel.events.recordPublic(tx, { type: ENDPOINT_DISABLED_EVENT_TYPE, data: view, audience: [] });
  return true;
}
