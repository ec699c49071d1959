import { DataTypes, Model, literal, type FindOptions, type Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import { READ_ONLY_ADMIN_ACTIONS, adminActor, confirmAction, runAdminAction, type AdminActionContext } from '../../../admin/actions.ts';
import { KIT_STATUSES, COOKIE_STATUSES, type KitLine } from '../domain/kit-lifecycle.ts';
import type { Supplies } from '../application/context.ts';
import { packKit } from '../application/pack-kit.ts';
import { markKitReady } from '../application/mark-kit-ready.ts';
import { retryCookieNow } from '../application/retry-cookie-now.ts';
import { kitsTable } from '../infra/tables.ts';

class KitRecord extends Model {}

function defineModel(sequelize: Sequelize) {
  kitsTable.model(sequelize, KitRecord, {
    modelName: 'Kit',
    // When the supplier is next asked about the cookie is the sync job's bookkeeping; the attempts and errors show.
    omit: ['cookie_next_poll_at'],
    extra: {
      // One readable line for the queue: "✓ Litter × 1 · ✗ Scoop × 2".
      contents: {
        type: DataTypes.VIRTUAL,
        get(this: KitRecord) {
          const items = (this.getDataValue('items') as KitLine[] | undefined) ?? [];
          return items.length ? items.map((i) => `${i.packed ? '✓' : '✗'} ${i.name} × ${i.quantity}`).join(' · ') : '(cookie only)';
        },
      },
    },
  });
  // The queue, by start, lists the kits still to do before the finished ones (ready, cancelled): AdminJS sorts by one
  // column, so a sort by start gets "still open" put in front of it.
  KitRecord.addHook('beforeFind', (options: FindOptions) => {
    const order = options.order;
    if (!Array.isArray(order) || !order.some((o) => Array.isArray(o) && o[0] === 'orderStartsAt')) return;
    options.order = [[literal("CASE WHEN status IN ('open', 'assembling') THEN 0 ELSE 1 END"), 'ASC'], ...order];
  });
}

const recordAction = (
  icon: string,
  run: (context: AdminActionContext) => Promise<unknown>,
  done: string,
  isVisible: (params: Record<string, unknown>) => boolean,
  confirm: { question: string; submitLabel: string },
) =>
  confirmAction({
    icon,
    ...confirm,
    isVisible: ({ record }: { record?: { params: Record<string, unknown> } }) => Boolean(record && isVisible(record.params)),
    handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
      runAdminAction(context, () => run(context), done, { showAfterwards: true }),
  });

/**
 * The supplies team's screen: kits to assemble, open ones first, then soonest order first, with
 * pack, ready and retry-the-supplier actions calling the same use cases as
 * the API. Supplies staff see this screen only (besides the dashboard).
 */
export function kitsAdminResource(supplies: Supplies, sequelize: Sequelize): AdminResource {
  defineModel(sequelize);
  const open = (p: Record<string, unknown>) => p.status === 'open' || p.status === 'assembling';
  return {
    resource: KitRecord,
    roles: ['supplies', 'manager', 'admin'],
    options: {
      id: 'kits',
      navigation: { name: 'Operations', icon: 'Activity' },
      listProperties: ['orderStartsAt', 'status', 'contents', 'cookieStatus', 'cookieAttempts', 'cookieLastError'],
      showProperties: [
        'id',
        'orderId',
        'orderStartsAt',
        'status',
        'contents',
        'recipientName',
        'deliveryAddress',
        'cookieStatus',
        'cookieSupplierOrderId',
        'cookieAttempts',
        'cookieLastError',
        'cookieNextAttemptAt',
        'cookieDeliveredAt',
        'readyAt',
        'readyBy',
        'cancelledAt',
        'createdAt',
      ],
      filterProperties: ['status', 'cookieStatus', 'orderStartsAt', 'orderId'],
      sort: { sortBy: 'orderStartsAt', direction: 'asc' },
      properties: {
        status: { availableValues: KIT_STATUSES.map((v) => ({ value: v, label: v })) },
        cookieStatus: { availableValues: COOKIE_STATUSES.map((v) => ({ value: v, label: v })) },
        items: { isVisible: false },
        readyBy: { reference: 'users' },
      },
      actions: {
        ...READ_ONLY_ADMIN_ACTIONS,
        pack: recordAction(
          'Package',
          (context) => packKit(supplies, { actor: adminActor(context), kitId: context.record!.id() }),
          'Every item is packed.',
          (p) => open(p) && String(p.contents ?? '').includes('✗'),
          { question: 'Mark every item of this kit as packed?', submitLabel: 'Pack every item' },
        ),
        ready: recordAction(
          'CheckCircle',
          (context) => markKitReady(supplies, { actor: adminActor(context), kitId: context.record!.id() }),
          'Kit ready: matching a worker has started.',
          open,
          { question: 'Mark this kit ready? Matching a worker starts at once.', submitLabel: 'Kit is ready' },
        ),
        retryCookie: recordAction(
          'RefreshCw',
          (context) => retryCookieNow(supplies, { actor: adminActor(context), kitId: context.record!.id() }),
          'Supplier called again.',
          (p) => p.cookieStatus === 'pending' || p.cookieStatus === 'cancelling',
          { question: 'Call the cookie supplier again now, without waiting for the next retry?', submitLabel: 'Call the supplier' },
        ),
      },
    },
  };
}
