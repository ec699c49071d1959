import { sql, type Database } from '../../../platform/database.ts';

export interface AttemptRow {
  attempted_at: Date;
  strategy: string;
  candidates: string[];
  refused: string[];
  chosen: string | null;
  price_cents: string | null;
  pricing: string | null;
  outcome: 'assigned' | 'no_worker_free' | 'order_moved_on';
  ranking: string | null;
  note: string | null;
}

export const attemptRowsOf = (db: Database, orderId: string) =>
  sql<AttemptRow>(
    db,
    'SELECT attempted_at, strategy, candidates, refused, chosen, price_cents, pricing, outcome, ranking, note FROM matching_attempts WHERE order_id = $1 ORDER BY attempted_at, id',
    [orderId],
  );
