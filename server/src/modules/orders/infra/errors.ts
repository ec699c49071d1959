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
