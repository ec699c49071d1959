import type { JobDefinition } from '../../../platform/scheduler.ts';
import { earliestAutoAcceptAt, earliestStartOfOpenOrder, openOrdersStartedBy, reportedOrdersDueBy } from '../infra/orders.repository.ts';
import { AppError } from '../../../platform/errors.ts';
import { AUTO_ACCEPT_AFTER_MS, type OrderEvent } from '../domain/order-lifecycle.ts';
import { transitionOrder, type OrdersKernel } from '../application/transition.ts';

/**
 * The order timers (SPEC §3–4), as thin idempotent jobs: each finds the
 * orders due as of its run and fires the system event; an order that has
 * moved on meanwhile refuses the event and is skipped. `nextDueAt` tells the
 * sandbox clock exactly when each falls due.
 */
async function fire(kernel: OrdersKernel, ids: string[], event: (id: string) => OrderEvent): Promise<number> {
  let fired = 0;
  for (const id of ids) {
    try {
      await transitionOrder(kernel, { orderId: id, event: event(id), caller: 'system' });
      fired++;
    } catch (error) {
      // Checked in, cancelled or accepted a moment ago: nothing is due any more.
      if (!(error instanceof AppError && error.code === 'ORDERS.ILLEGAL_TRANSITION')) throw error;
    }
  }
  return fired;
}

export function orderTimers(kernel: OrdersKernel): JobDefinition[] {
  return [
    {
      name: 'orders.start-deadline',
      description: "At an order's start: not checked in → failed (no_check_in); still without a worker → failed (no_worker).",
      schedule: {
        everyMs: 30_000,
        nextDueAt: () => earliestStartOfOpenOrder(kernel.db),
      },
      lockLifetimeMs: 60_000,
      quiet: true,
      async run({ asOf, logger }) {
        const due = await openOrdersStartedBy(kernel.db, asOf);
        const statusOf = new Map(due.map((o) => [o.id, o.status]));
        const fired = await fire(kernel, [...statusOf.keys()], (id) => (statusOf.get(id) === 'scheduled' ? 'no_check_in' : 'no_worker'));
        if (fired) logger.info({ fired }, 'orders failed at their start');
      },
    },
    {
      name: 'orders.auto-accept',
      description: 'Accepts a reported order the client has not answered within 72 hours.',
      schedule: {
        everyMs: 60_000,
        nextDueAt: () => earliestAutoAcceptAt(kernel.db, AUTO_ACCEPT_AFTER_MS),
      },
      lockLifetimeMs: 60_000,
      quiet: true,
      async run({ asOf, logger }) {
        const due = await reportedOrdersDueBy(kernel.db, asOf, AUTO_ACCEPT_AFTER_MS);
        const fired = await fire(
          kernel,
          due.map((o) => o.id),
          () => 'auto_accept',
        );
        if (fired) logger.info({ fired }, 'orders accepted automatically');
      },
    },
  ];
}
