/**
 * The order lifecycle (SPEC §4) as data. Every change of an order's status
 * is one of these events; anything not in the table is illegal (409) and
 * changes nothing. Timers (check-in deadline, auto-accept, no worker) are
 * `system` events that do nothing once the order has moved on.
 */
export const ORDER_STATUSES = ['created', 'matching', 'scheduled', 'in_progress', 'reported', 'completed', 'failed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FAILURE_REASONS = ['no_check_in', 'no_worker', 'rejected'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Who acts: the order's own client, its assigned worker, staff, or the platform itself. */
export type OrderActor = 'owner_client' | 'assigned_worker' | 'manager' | 'admin' | 'supplies' | 'system';

export const ORDER_EVENTS = [
  'kit_ready',
  'worker_assigned',
  'no_worker',
  'check_in',
  'no_check_in',
  'report',
  'accept',
  'auto_accept',
  'reject',
  'cancel',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export interface Transition {
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly OrderActor[];
  failureReason?: FailureReason;
}

export const ORDER_TRANSITIONS: Record<OrderEvent, Transition> = {
  // Matching starts only once the kit is ready: workers never wait for kits.
  kit_ready: { from: ['created'], to: 'matching', actors: ['supplies', 'manager', 'admin', 'system'] },
  worker_assigned: { from: ['matching'], to: 'scheduled', actors: ['system'] },
  // At the scheduled start with nobody matched (or the kit still not ready): the order cannot happen.
  no_worker: { from: ['created', 'matching'], to: 'failed', actors: ['system'], failureReason: 'no_worker' },
  check_in: { from: ['scheduled'], to: 'in_progress', actors: ['assigned_worker'] },
  no_check_in: { from: ['scheduled'], to: 'failed', actors: ['system'], failureReason: 'no_check_in' },
  report: { from: ['in_progress'], to: 'reported', actors: ['assigned_worker'] },
  accept: { from: ['reported'], to: 'completed', actors: ['owner_client'] },
  auto_accept: { from: ['reported'], to: 'completed', actors: ['system'] },
  reject: { from: ['reported'], to: 'failed', actors: ['owner_client'], failureReason: 'rejected' },
  // A client may cancel before the worker checks in; so may staff.
  cancel: { from: ['created', 'matching', 'scheduled'], to: 'cancelled', actors: ['owner_client', 'manager', 'admin'] },
};

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['completed', 'failed', 'cancelled'];

/** Managers may edit date, address, description and service type while the order has not started. */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ['created', 'matching', 'scheduled'];

/** Failed, cancelled and rejected orders go to quality review by themselves (SPEC §10). */
export function entersReview(status: OrderStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

export type Decision =
  { ok: true; to: OrderStatus; failureReason?: FailureReason } | { ok: false; reason: 'illegal_transition' | 'not_allowed' };

/** The table's answer for one event: pure, no I/O, no time (time rules are guards, below). */
export function decide(status: OrderStatus, event: OrderEvent, actors: readonly OrderActor[]): Decision {
  const transition = ORDER_TRANSITIONS[event];
  if (!transition.from.includes(status)) return { ok: false, reason: 'illegal_transition' };
  if (!transition.actors.some((a) => actors.includes(a))) return { ok: false, reason: 'not_allowed' };
  return { ok: true, to: transition.to, ...(transition.failureReason ? { failureReason: transition.failureReason } : {}) };
}

export const CHECK_IN_WINDOW_MS = 2 * 60 * 60_000;
export const AUTO_ACCEPT_AFTER_MS = 72 * 60 * 60_000;

/** Check-in is open during the 2 hours before the scheduled start (the start itself is too late). */
export function checkInOpen(startsAt: Date, now: Date): boolean {
  const t = now.getTime();
  return t >= startsAt.getTime() - CHECK_IN_WINDOW_MS && t < startsAt.getTime();
}

/** What the caller could do to this order now: what a front end offers as buttons. */
/** Events people cause through another resource, never through the order: the kit's `POST /v1/kits/{id}/ready`. */
const TAKEN_ELSEWHERE: ReadonlySet<OrderEvent> = new Set(['kit_ready']);

/**
 * The events a caller can take on the order itself: the API offers these
 * (the contract's `allowedActions`), never a timer's or another resource's.
 */
export type OrderAction = Exclude<OrderEvent, 'kit_ready' | 'worker_assigned' | 'no_worker' | 'no_check_in' | 'auto_accept'>;

export function allowedActions(order: { status: OrderStatus; startsAt: Date }, actors: readonly OrderActor[], now: Date): OrderAction[] {
  return ORDER_EVENTS.filter((event): event is OrderAction => {
    if (ORDER_TRANSITIONS[event].actors.every((a) => a === 'system') || TAKEN_ELSEWHERE.has(event)) return false;
    if (!decide(order.status, event, actors).ok) return false;
    if (event === 'check_in') return checkInOpen(order.startsAt, now);
    return true;
  });
}
