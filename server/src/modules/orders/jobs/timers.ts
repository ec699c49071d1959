import type { JobDefinition } from '../../../platform/scheduler.ts';
import { sql } from '../../../platform/database.ts';
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
        nextDueAt: async () => {
          const [row] = await sql<{ at: Date | null }>(
            kernel.db,
            "SELECT min(starts_at) AS at FROM orders WHERE status IN ('created', 'matching', 'scheduled')",
          );
          return row?.at ? new Date(row.at) : null;
        },
      },
      quiet: true,
      async run({ asOf, logger }) {
        const due = await sql<{ id: string; status: string }>(
          kernel.db,
          "SELECT id, status FROM orders WHERE status IN ('created', 'matching', 'scheduled') AND starts_at <= $1 ORDER BY starts_at",
          [asOf],
        );
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
        nextDueAt: async () => {
          const [row] = await sql<{ at: Date | null }>(
            kernel.db,
            "SELECT min(reported_at) + make_interval(secs => $1 / 1000.0) AS at FROM orders WHERE status = 'reported'",
            [AUTO_ACCEPT_AFTER_MS],
          );
          return row?.at ? new Date(row.at) : null;
        },
      },
      quiet: true,
      async run({ asOf, logger }) {
        const due = await sql<{ id: string }>(
          kernel.db,
          "SELECT id FROM orders WHERE status = 'reported' AND reported_at + make_interval(secs => $2 / 1000.0) <= $1 ORDER BY reported_at",
          [asOf, AUTO_ACCEPT_AFTER_MS],
        );
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
