import { DataTypes, Model, Op, type Sequelize } from 'sequelize';
import { ACTION_FORM, PHOTO_THUMBNAIL } from '@chorecat/admin';
import type { Kernel, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  moneyAttribute,
  relatedList,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { cancelOrder } from '../application/cancel-order.ts';
import { editOrder } from '../application/edit-order.ts';
import { orderPhotoListView, ordersTable, orderTimelineTable } from '../infra/tables.ts';
import { EDITABLE_STATUSES, allowedActions, type OrderStatus } from '../domain/order-lifecycle.ts';
import { actorsFor } from '../domain/order-view.ts';
import { userIdsMatching } from '../../identity/index.ts';

class OrderRecord extends Model {}
class TimelineRecord extends Model {}
class PhotoRecord extends Model {}

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The orders list's text search: an order whose client's name or email, or
 * whose address, contains the text, or whose id starts with it.
 */
function orderSearch(kernel: Kernel, sequelize: Sequelize) {
  return {
    type: DataTypes.VIRTUAL,
    get: () => '',
    panelSearch: async (text: string, where: Record<string | symbol, unknown>) => ({
      [Op.and]: [
        where,
        {
          [Op.or]: [
            { clientId: { [Op.in]: await userIdsMatching(kernel, text) } },
            { address: { [Op.iLike]: `%${likePattern(text)}%` } },
            sequelize.where(sequelize.cast(sequelize.col('id'), 'text'), { [Op.iLike]: `${likePattern(text.toLowerCase())}%` }),
          ],
        },
      ],
    }),
  };
}

function defineModels(kernel: Kernel, sequelize: Sequelize) {
  // An order's version (its optimistic lock) and report time are the lifecycle's bookkeeping, not shown.
  ordersTable.model(sequelize, OrderRecord, {
    modelName: 'Order',
    omit: ['version', 'reported_at'],
    extra: { price: moneyAttribute('priceCents'), search: orderSearch(kernel, sequelize) },
  });
  // The timeline reads in `at` order; `seq` only breaks ties.
  orderTimelineTable.model(sequelize, TimelineRecord, { modelName: 'OrderTimeline', omit: ['seq'] });
  orderPhotoListView.model(sequelize, PhotoRecord, { modelName: 'OrderPhoto' });
}

type ShownOrder = { params: { status?: unknown; startsAt?: unknown; clientId?: unknown; workerId?: unknown } };
type VisibleContext = { record?: ShownOrder; currentAdmin?: { id: string; roles?: string[] } };

/** The order's `allowedActions` for the signed-in panel user, as the API computes them for GET /v1/orders/{id}. */
function allowedNow(kernel: Kernel, { record, currentAdmin }: VisibleContext): string[] {
  if (!record || !currentAdmin) return [];
  const { status, startsAt, clientId, workerId } = record.params;
  const actors = actorsFor(
    { clientId: String(clientId), workerId: workerId ? String(workerId) : null },
    { id: currentAdmin.id, roles: currentAdmin.roles ?? [] },
  );
  return allowedActions({ status: status as OrderStatus, startsAt: new Date(String(startsAt)) }, actors, kernel.clock.now());
}

/** Orders in the admin panel: find by status and period, read the timeline and photos, edit or cancel through the use cases. */
export function ordersAdminResources(kernel: Kernel, sequelize: Sequelize): AdminResource[] {
  defineModels(kernel, sequelize);
  const navigation = { name: 'Operations', icon: 'Activity' };
  return [
    {
      resource: OrderRecord,
      options: {
        // Named, so other modules can add record actions to it (bids' Bids, Settlement, Place bid…; quality's Open review).
        id: 'orders',
        navigation,
        listProperties: ['startsAt', 'status', 'serviceTypeId', 'clientId', 'workerId', 'price', 'failureReason'],
        showProperties: [
          'id',
          'status',
          'failureReason',
          'startsAt',
          'endsAt',
          'serviceTypeId',
          'address',
          'description',
          'clientId',
          'workerId',
          'price',
          'rating',
          'copyOf',
          'createdAt',
          'updatedAt',
        ],
        filterProperties: ['search', 'status', 'startsAt', 'clientId', 'workerId', 'serviceTypeId', 'failureReason'],
        editProperties: ['startsAt', 'serviceTypeId', 'address', 'description'],
        sort: { sortBy: 'startsAt', direction: 'desc' },
        properties: {
          status: {
            availableValues: ['created', 'matching', 'scheduled', 'in_progress', 'reported', 'completed', 'failed', 'cancelled'].map(
              (v) => ({ value: v, label: v }),
            ),
          },
          clientId: { reference: 'users' },
          workerId: { reference: 'users' },
          serviceTypeId: { reference: 'service_types' },
          copyOf: { reference: 'orders' },
          description: { type: 'textarea' },
          priceCents: { isVisible: false },
          search: { label: 'Search (client, address or id)', isVisible: { list: false, show: false, edit: false, filter: true } },
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          edit: {
            isAccessible: true,
            // Offered while the order may still be edited (the rule editOrder applies); the use case still decides.
            isVisible: ({ record }: VisibleContext) => EDITABLE_STATUSES.includes(record?.params.status as OrderStatus),
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin) };
              const raw = unflattenPayload(request.payload);
              const edit: Record<string, string> = {};
              for (const key of ['startsAt', 'serviceTypeId', 'address', 'description'] as const) {
                if (raw[key] !== undefined && raw[key] !== '')
                  edit[key] = key === 'startsAt' ? new Date(String(raw[key])).toISOString() : String(raw[key]);
              }
              return runAdminAction(context, () => editOrder(kernel, adminActor(context), context.record!.id(), edit), 'Order edited.', {
                showAfterwards: true,
              });
            },
          },
          // Asks for the reason POST /v1/orders/{id}/cancel takes: it goes on the timeline.
          cancelOrder: {
            actionType: 'record',
            icon: 'XCircle',
            component: ACTION_FORM,
            custom: {
              help: 'Cancel this order? The client and the worker are emailed.',
              submitLabel: 'Cancel order',
              fields: [{ name: 'reason', label: 'Reason (kept on the order’s timeline)', type: 'textarea' }],
            },
            // Offered while the order's allowedActions has it, as the API says: the use case still decides.
            isVisible: (context: VisibleContext) => allowedNow(kernel, context).includes('cancel'),
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              const reason = String(unflattenPayload(request.payload).reason ?? '').trim();
              return runAdminAction(
                context,
                () => cancelOrder(kernel, adminActor(context), context.record!.id(), reason || 'Cancelled by operations'),
                'Order cancelled.',
                { showAfterwards: true },
              );
            },
          },
          timeline: relatedList('order_timeline', 'orderId', 'Clock'),
          photos: relatedList('order_photo_list', 'orderId', 'Image'),
        },
      },
    },
    {
      resource: TimelineRecord,
      options: {
        navigation,
        listProperties: ['at', 'orderId', 'event', 'fromStatus', 'toStatus', 'actorRole', 'reason'],
        filterProperties: ['orderId', 'event', 'actorId', 'at'],
        sort: { sortBy: 'at', direction: 'asc' },
        properties: { orderId: { reference: 'orders' }, actorId: { reference: 'users' } },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
    {
      resource: PhotoRecord,
      options: {
        navigation,
        listProperties: ['fileId', 'orderId', 'purpose', 'position'],
        filterProperties: ['orderId', 'purpose'],
        properties: {
          orderId: { reference: 'orders' },
          fileId: { components: { list: PHOTO_THUMBNAIL, show: PHOTO_THUMBNAIL } },
        },
        actions: READ_ONLY_ADMIN_ACTIONS,
      },
    },
  ];
}
