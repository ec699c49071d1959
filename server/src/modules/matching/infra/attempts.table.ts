import { col, defineTable } from '../../../platform/table.ts';

/** Matching's tables as the code sees them (history: migrations/). `matching_attempts`: every try to match an order. */
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
  /** The ranking the candidates are in (after any fallback). */
  ranking: col.text.nullable(),
  /** Why the ranking is not the configured one, in words for staff. */
  note: col.text.nullable(),
});
