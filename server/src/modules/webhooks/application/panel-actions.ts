import { randomUUID } from 'node:crypto';
import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { PUBLIC_EVENTS_API_VERSION } from '../../../platform/event-feed.ts';
import { envelopeBody, TEST_EVENT_TYPE } from '../domain/endpoint.ts';
import {
  findDelivery,
  insertDelivery,
  lockEndpoint,
  markEndpointActive,
  requeueDelivery,
  revivePendingDeliveries,
} from '../infra/webhooks.repository.ts';
import { endpointNotFound, endpointView, type Webhooks } from './context.ts';

const forbidden = () => new AppError('AUTH.FORBIDDEN', 'Only managers and admins manage webhook endpoints.');
const disabled = () =>
  new AppError('WEBHOOKS.ENDPOINT_DISABLED', 'The endpoint is disabled: enable it first, then deliveries to it are sent again.');

/** Redeliver (panel): the delivery is sent again at the next run (seconds), with a fresh 3-day window. */
export async function redeliver(webhooks: Webhooks, input: { actor: Principal; deliveryId: string }) {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw forbidden();
  return transaction(kernel.db, async (tx) => {
    const delivery = await findDelivery(kernel.db, input.deliveryId, tx);
    if (!delivery) throw new AppError('NOT_FOUND', 'No such delivery.');
    const endpoint = await lockEndpoint(kernel.db, tx, delivery.endpoint_id);
    if (!endpoint) throw endpointNotFound();
    if (endpoint.status !== 'active') throw disabled();
    const now = kernel.clock.now();
    const requeued = (await requeueDelivery(kernel.db, tx, delivery.id, now))!;
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_delivery.redelivered',
      targetType: 'webhook_delivery',
      targetId: delivery.id,
      before: { status: delivery.status, attempts: delivery.attempts },
      after: { status: requeued.status, nextAttemptAt: now.toISOString() },
    });
    return requeued;
  });
}

/**
 * Send test event (panel): a `webhook.test` event to this endpoint alone
 * (never in the public feed), signed and retried like any other.
 */
export async function sendTestEvent(webhooks: Webhooks, input: { actor: Principal; endpointId: string }) {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw forbidden();
  return transaction(kernel.db, async (tx) => {
    const endpoint = await lockEndpoint(kernel.db, tx, input.endpointId);
    if (!endpoint) throw endpointNotFound();
    if (endpoint.status !== 'active') throw disabled();
    const now = kernel.clock.now();
    const id = randomUUID();
    const body = envelopeBody({
      id,
      type: TEST_EVENT_TYPE,
      apiVersion: PUBLIC_EVENTS_API_VERSION,
      createdAt: now.toISOString(),
      data: { endpointId: endpoint.id, message: 'A test event sent from the Chorecat panel.' },
    });
    const delivery = await insertDelivery(kernel.db, tx, { endpointId: endpoint.id, eventId: id, eventType: TEST_EVENT_TYPE, body, now });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_endpoint.test_event_sent',
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
      after: { deliveryId: delivery.id, eventId: id },
    });
    return delivery;
  });
}

/** Enable (panel): a disabled endpoint receives again; its pending deliveries are due now, each with a fresh window. */
export async function enableEndpoint(webhooks: Webhooks, input: { actor: Principal; endpointId: string }) {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw forbidden();
  return transaction(kernel.db, async (tx) => {
    const endpoint = await lockEndpoint(kernel.db, tx, input.endpointId);
    if (!endpoint) throw endpointNotFound();
    if (endpoint.status === 'active') throw new AppError('WEBHOOKS.ENDPOINT_ACTIVE', 'The endpoint is already active.');
    const now = kernel.clock.now();
    await markEndpointActive(kernel.db, tx, endpoint.id);
    await revivePendingDeliveries(kernel.db, tx, endpoint.id, now);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_endpoint.enabled',
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
      before: endpointView(endpoint),
      after: { ...endpointView(endpoint), status: 'active' },
    });
  });
}
