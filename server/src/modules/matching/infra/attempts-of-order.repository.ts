import { sql, type Database } from '../../../platform/database.ts';
import type { OfferStatus } from '../domain/offers.ts';

export interface AttemptRow {
  id: string;
  attempted_at: Date;
  strategy: string;
  candidates: string[];
  refused: string[];
  chosen: string | null;
  price_cents: string | null;
  pricing: string | null;
  outcome: 'assigned' | 'no_worker_free' | 'order_moved_on' | 'offering';
  ranking: string | null;
  note: string | null;
}

export const attemptRowsOf = (db: Database, orderId: string) =>
  sql<AttemptRow>(
    db,
    'SELECT id, attempted_at, strategy, candidates, refused, chosen, price_cents, pricing, outcome, ranking, note FROM matching_attempts WHERE order_id = $1 ORDER BY attempted_at, id',
    [orderId],
  );

export interface OfferHistoryRow {
  attempt_id: string;
  worker_id: string;
  status: OfferStatus;
  offered_at: Date;
  expires_at: Date;
  answered_at: Date | null;
}

/** Every offer made for the order, in the order they were made. */
export const offerRowsOfOrder = (db: Database, orderId: string) =>
  sql<OfferHistoryRow>(
    db,
    'SELECT attempt_id, worker_id, status, offered_at, expires_at, answered_at FROM matching_offers WHERE order_id = $1 ORDER BY offered_at, position',
    [orderId],
  );
