/** PostgreSQL's exclusion_violation on the worker/time-range constraint. */
export function isWorkerOverlap(error: unknown): boolean {
  const e = error as {
    parent?: { code?: string; constraint?: string };
    original?: { code?: string; constraint?: string };
    code?: string;
    constraint?: string;
  };
  const cause = e?.parent ?? e?.original ?? e;
  return cause?.code === '23P01' && cause?.constraint === 'orders_worker_no_overlap';
}

/**
 * PostgreSQL's deadlock_detected. Two assignments of one worker to two
 * orders at overlapping times each wait on the other's exclusion check;
 * PostgreSQL aborts one of them, and the other takes the worker. For the
 * aborted one that worker is taken, as with an overlap.
 */
export function isDeadlock(error: unknown): boolean {
  const e = error as { parent?: { code?: string }; original?: { code?: string }; code?: string };
  return (e?.parent ?? e?.original ?? e)?.code === '40P01';
}
