import { col, defineTable } from '../../../platform/table.ts';

/** `matching_attempts` as the code sees it (history: migrations/): every try to match an order. */
export const matchingAttemptsTable = defineTable('matching_attempts', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  attempted_at: col.timestamptz(),
  strategy: col.text(),
  candidates: col.uuidArray(),
  /** Candidates the database refused (taken by a concurrent match meanwhile). */
  refused: col.uuidArray(),
  chosen: col.uuid.nullable(),
  price_cents: col.bigint.nullable(),
  pricing: col.text.nullable(),
  outcome: col.text<'assigned' | 'no_worker_free' | 'order_moved_on'>(),
});
