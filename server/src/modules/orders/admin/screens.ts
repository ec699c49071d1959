import { DataTypes, Model, type Sequelize } from 'sequelize';
import { PHOTO_THUMBNAIL } from '@chorecat/admin';
import type { Kernel, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  confirmAction,
  moneyAttribute,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { cancelOrder } from '../application/cancel-order.ts';
import { editOrder } from '../application/edit-order.ts';

class OrderRecord extends Model {}
class TimelineRecord extends Model {}
class PhotoRecord extends Model {}

function defineModels(sequelize: Sequelize) {
  OrderRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      clientId: { type: DataTypes.UUID, field: 'client_id' },
      workerId: { type: DataTypes.UUID, field: 'worker_id' },
      serviceTypeId: { type: DataTypes.UUID, field: 'service_type_id' },
      startsAt: { type: DataTypes.DATE, field: 'starts_at' },
      endsAt: { type: DataTypes.DATE, field: 'ends_at' },
      address: { type: DataTypes.TEXT },
      description: { type: DataTypes.TEXT },
      status: { type: DataTypes.TEXT },
      failureReason: { type: DataTypes.TEXT, field: 'failure_reason' },
      priceCents: { type: DataTypes.BIGINT, field: 'price_cents' },
      price: moneyAttribute('priceCents'),
      rating: { type: DataTypes.INTEGER },
      copyOf: { type: DataTypes.UUID, field: 'copy_of' },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
      updatedAt: { type: DataTypes.DATE, field: 'updated_at' },
    },
    { sequelize, tableName: 'orders', modelName: 'Order', timestamps: false },
  );
  TimelineRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      orderId: { type: DataTypes.UUID, field: 'order_id' },
      at: { type: DataTypes.DATE },
      actorId: { type: DataTypes.UUID, field: 'actor_id' },
      actorRole: { type: DataTypes.TEXT, field: 'actor_role' },
      event: { type: DataTypes.TEXT },
      fromStatus: { type: DataTypes.TEXT, field: 'from_status' },
      toStatus: { type: DataTypes.TEXT, field: 'to_status' },
      reason: { type: DataTypes.TEXT },
      fileHashes: { type: DataTypes.ARRAY(DataTypes.TEXT), field: 'file_hashes' },
      changes: { type: DataTypes.JSONB },
    },
    { sequelize, tableName: 'order_timeline', modelName: 'OrderTimeline', timestamps: false },
  );
  PhotoRecord.init(
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      orderId: { type: DataTypes.UUID, field: 'order_id' },
      purpose: { type: DataTypes.TEXT },
      position: { type: DataTypes.INTEGER },
      fileId: { type: DataTypes.UUID, field: 'file_id' },
    },
    { sequelize, tableName: 'order_photo_list', modelName: 'OrderPhoto', timestamps: false },
  );
}

/** Orders in the admin panel: find by status and period, read the timeline and photos, edit or cancel through the use cases. */
export function ordersAdminResources(kernel: Kernel, sequelize: Sequelize): AdminResource[] {
  defineModels(sequelize);
  const navigation = { name: 'Orders', icon: 'ShoppingCart' };
  const related = (resourceId: string) => ({
    actionType: 'record',
    component: false,
    readOnly: true,
    handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => ({
      record: context.record!.toJSON(context.currentAdmin),
      redirectUrl: context.h.resourceUrl({ resourceId, search: `?filters.orderId=${context.record!.id()}` }),
    }),
  });
  return [
    {
      resource: OrderRecord,
      options: {
        // Named, so other modules can add actions to it (quality's "Open review").
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
        filterProperties: ['status', 'startsAt', 'clientId', 'workerId', 'serviceTypeId', 'failureReason'],
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
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          edit: {
            isAccessible: true,
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
          cancelOrder: confirmAction({
            icon: 'XCircle',
            question: 'Cancel this order? The client and the worker are emailed.',
            submitLabel: 'Cancel order',
            // Offered while the lifecycle allows it (the use case decides, this only tidies the buttons).
            isVisible: ({ record }: { record?: { params: { status?: string } } }) =>
              ['created', 'matching', 'scheduled'].includes(String(record?.params.status)),
            handler: async (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => cancelOrder(kernel, adminActor(context), context.record!.id(), 'Cancelled by operations'),
                'Order cancelled.',
                { showAfterwards: true },
              ),
          }),
          timeline: { ...related('order_timeline'), icon: 'Clock' },
          photos: { ...related('order_photo_list'), icon: 'Image' },
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
