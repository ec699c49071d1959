/**
 * Orders (in progress, issue 4): so far the lifecycle, as a pure transition
 * table. Persistence, routes, jobs and emails come next; other modules will
 * drive it through this door only.
 */
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
