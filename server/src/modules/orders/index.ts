import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { ordersHandlers } from './http/handlers.ts';
import { filesModule, type FilesService } from '../files/index.ts';
import { orderPhotoAccess } from './application/order-photos.ts';
import { orderTimers } from './jobs/timers.ts';
import { ordersAdminResources } from './admin/screens.ts';
import { ordersDashboardFigures } from './infra/dashboard.figures.ts';
import { ORDER_EVENT_NAMES } from './events.ts';
import { ORDER_PUBLIC_EVENTS } from './public-events.ts';
import { ORDERS_TABLES } from './infra/tables.ts';

export {
  markKitReady,
  assignWorker,
  ordersAwaitingWorker,
  findOrderSlot,
  busyWorkerIds,
  lastAssignedAt,
  orderIdsOfClient,
  type OrderSlot,
} from './application/order-slots.ts';
export type { OrderEventName, OrderEventPayload, OrderTippedPayload, TipView } from './application/publish.ts';
export { lockOrderForStake, findOrderForStake, type OrderForStake } from './application/order-for-stake.ts';
export { orderForReview, orderFactsForReview, type ReviewTimelineEntry } from './application/review-door.ts';
export { orderHeadline, type OrderHeadline } from './application/order-headline.ts';

/**
 * Orders: work orders and their lifecycle. Other modules drive it through
 * this door only (supplies: kit_ready; matching: worker_assigned) and
 * follow it through its events (`order.created`, `order.<event>` …).
 */
export function createOrdersModule(kernel: Kernel, deps: { files: FilesService }): ChorecatModule {
  deps.files.addAccessRule(orderPhotoAccess(kernel));
  return {
    name: 'orders',
    handlers: ordersHandlers(kernel, deps.files),
    jobs: orderTimers(kernel),
    adminResources: ordersAdminResources(kernel, kernel.db.sequelize),
    dashboardFigures: ordersDashboardFigures(kernel.db),
  };
}

export const ordersModule = defineModule({
  name: 'orders',
  roles: ['client'],
  publishes: ORDER_EVENT_NAMES,
  publicEvents: ORDER_PUBLIC_EVENTS,
  create: (kernel, peers) => createOrdersModule(kernel, { files: peers.of(filesModule) }),
  tables: ORDERS_TABLES,
});

export {
  ORDER_STATUSES,
  ORDER_EVENTS,
  FAILURE_REASONS,
  ORDER_TRANSITIONS,
  TERMINAL_STATUSES,
  EDITABLE_STATUSES,
  decide,
  allowedActions,
  checkInOpen,
  entersReview,
  type OrderStatus,
  type OrderEvent,
  type OrderActor,
  type FailureReason,
} from './domain/order-lifecycle.ts';

declare module '../../platform/http/auth.ts' {
  interface RoleMap {
    client: true;
  }
}
