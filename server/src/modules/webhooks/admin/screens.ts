import { Model, type Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  confirmAction,
  relatedList,
  listAttribute,
  runAdminAction,
  type AdminActionContext,
} from '../../../admin/actions.ts';
import { webhookDeliveriesTable, webhookDeliveryAttemptsTable, webhookEndpointOverview } from '../infra/tables.ts';
import { deleteEndpoint } from '../application/delete-endpoint.ts';
import { enableEndpoint, redeliver, sendTestEvent } from '../application/panel-actions.ts';
import type { Webhooks } from '../application/context.ts';

class WebhookEndpointRecord extends Model {}
class WebhookDeliveryRecord extends Model {}
class WebhookDeliveryAttemptRecord extends Model {}

type WithStatus = { record?: { params: { status?: string } } };

/**
 * Platform → Webhooks (managers and admins): the endpoints with the share
 * of their latest 100 attempts that succeeded, each one's deliveries and
 * every attempt's log (status code or error, latency, the first 1 kB of
 * the answer). Send test event, Enable, Delete and Redeliver go through the
 * same use cases as the API, audited. Secrets are not in these models at
 * all (the endpoints screen reads a view without them; the table's secret
 * columns are `secret` in its description): registering an endpoint and
 * rotating its secret, whose answers carry the secret, are API-only.
 */
export function webhooksAdminResources(webhooks: Webhooks, sequelize: Sequelize): AdminResource[] {
  webhookEndpointOverview.model(sequelize, WebhookEndpointRecord, {
    modelName: 'WebhookEndpoint',
    extra: { eventTypeNames: listAttribute('eventTypes') },
  });
  webhookDeliveriesTable.model(sequelize, WebhookDeliveryRecord, { modelName: 'WebhookDelivery' });
  webhookDeliveryAttemptsTable.model(sequelize, WebhookDeliveryAttemptRecord, { modelName: 'WebhookDeliveryAttempt' });
  const navigation = { name: 'Platform', icon: 'Settings' };
  return [
    {
      resource: WebhookEndpointRecord,
      actionLabels: { sendTestEvent: 'Send test event', enable: 'Enable', remove: 'Delete', deliveries: 'Deliveries' },
      options: {
        id: 'webhooks',
        navigation,
        listProperties: ['url', 'status', 'eventTypeNames', 'successRate', 'pendingDeliveries', 'createdAt'],
        showProperties: [
          'id',
          'url',
          'eventTypes',
          'status',
          'successRate',
          'pendingDeliveries',
          'createdBy',
          'createdAt',
          'disabledAt',
          'disabledReason',
          'rotationOverlapUntil',
        ],
        filterProperties: ['url', 'status', 'createdAt'],
        properties: {
          createdBy: { reference: 'users' },
          eventTypeNames: { isVisible: { list: true, show: false, edit: false, filter: false } },
          successRate: { description: 'Share of the latest 100 attempts that succeeded (%)' },
        },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          deliveries: relatedList('webhook_deliveries', 'endpointId', 'List'),
          sendTestEvent: confirmAction({
            icon: 'Send',
            question: 'Send a signed webhook.test event to this endpoint? It is delivered (and retried) like any event.',
            submitLabel: 'Send test event',
            isVisible: ({ record }: WithStatus) => record?.params.status === 'active',
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => sendTestEvent(webhooks, { actor: adminActor(context), endpointId: context.record!.id() }),
                'Test event queued: it is sent within seconds.',
                {
                  showAfterwards: true,
                },
              ),
          }),
          enable: confirmAction({
            icon: 'Play',
            question: 'Enable this endpoint again? Its pending deliveries are sent at once, each with a fresh 3-day window.',
            submitLabel: 'Enable',
            isVisible: ({ record }: WithStatus) => record?.params.status === 'disabled',
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => enableEndpoint(webhooks, { actor: adminActor(context), endpointId: context.record!.id() }),
                'Endpoint enabled.',
                {
                  showAfterwards: true,
                },
              ),
          }),
          remove: confirmAction({
            icon: 'Trash2',
            question: 'Delete this endpoint? Nothing more is sent to it, pending retries included. Its delivery log stays.',
            submitLabel: 'Delete',
            handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => {
              const result = await runAdminAction(
                context,
                () => deleteEndpoint(webhooks, { actor: adminActor(context), id: context.record!.id() }),
                'Endpoint deleted.',
              );
              return result.notice.type === 'success'
                ? {
                    ...result,
                    record: context.record!.toJSON(context.currentAdmin),
                    redirectUrl: context.h.resourceUrl({ resourceId: 'webhooks' }),
                  }
                : result;
            },
          }),
        },
      },
    },
    {
      resource: WebhookDeliveryRecord,
      actionLabels: { redeliver: 'Redeliver', attempts: 'Attempts' },
      options: {
        id: 'webhook_deliveries',
        navigation,
        listProperties: ['createdAt', 'endpointId', 'eventType', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt'],
        showProperties: [
          'id',
          'endpointId',
          'eventId',
          'eventType',
          'status',
          'attempts',
          'lastStatusCode',
          'lastError',
          'nextAttemptAt',
          'giveUpAt',
          'createdAt',
          'finishedAt',
          'body',
        ],
        filterProperties: ['endpointId', 'eventType', 'status', 'createdAt'],
        properties: { endpointId: { reference: 'webhooks' } },
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          attempts: relatedList('webhook_delivery_attempts', 'deliveryId', 'Activity'),
          redeliver: confirmAction({
            icon: 'RefreshCw',
            question: 'Send this delivery again? It goes out within seconds, signed afresh, with a new 3-day retry window.',
            submitLabel: 'Redeliver',
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => redeliver(webhooks, { actor: adminActor(context), deliveryId: context.record!.id() }),
                'Redelivery queued.',
                {
                  showAfterwards: true,
                },
              ),
          }),
        },
      },
    },
    {
      resource: WebhookDeliveryAttemptRecord,
      options: {
        id: 'webhook_delivery_attempts',
        navigation,
        listProperties: ['attemptedAt', 'endpointId', 'deliveryId', 'succeeded', 'statusCode', 'error', 'latencyMs'],
        showProperties: [
          'id',
          'deliveryId',
          'endpointId',
          'attemptedAt',
          'succeeded',
          'statusCode',
          'error',
          'latencyMs',
          'responseExcerpt',
        ],
        filterProperties: ['endpointId', 'deliveryId', 'succeeded', 'attemptedAt'],
        properties: { endpointId: { reference: 'webhooks' }, deliveryId: { reference: 'webhook_deliveries' } },
        sort: { sortBy: 'attemptedAt', direction: 'desc' },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
  ];
}
