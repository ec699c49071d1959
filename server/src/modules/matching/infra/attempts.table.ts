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
  /** `offering` while an offers round is still asking; `order_edited` when an edit of the order ended the round. */
  outcome: col.text<'assigned' | 'no_worker_free' | 'order_moved_on' | 'offering' | 'order_edited'>(),
  /** The ranking the candidates are in (after any fallback). */
  ranking: col.text.nullable(),
  /** Why the ranking is not the configured one, in words for staff. */
  note: col.text.nullable(),
  /** The workers an offers round asked, in the order asked. */
  offered: col.uuidArray(),
  /** When the try ended (an offers round: when a worker accepted, the list ran out or the order moved on); null while open. */
  ended_at: col.timestamptz.nullable(),
  /** The `order.edited` event an offers round was opened for (the round the edit ended is before it). */
  after_edit: col.uuid.nullable(),
});

/** `matching_offers`: one question to one worker of an offers round, with its deadline and its answer. */
export const matchingOffersTable = defineTable('matching_offers', {
  id: col.uuid({ primaryKey: true }),
  attempt_id: col.uuid(),
  order_id: col.uuid(),
  worker_id: col.uuid(),
  /** The worker's place in the round's ranked candidates (0 = first). */
  position: col.integer(),
  status: col.text<'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'>(),
  offered_at: col.timestamptz(),
  expires_at: col.timestamptz(),
  answered_at: col.timestamptz.nullable(),
});
