import { sql } from '../../src/platform/database.ts';
import type { TestPlatform } from './platform.ts';

export interface DeliveryTrouble {
  topic: string;
  subscriber: string | null;
  event: string | null;
  orderId: string | null;
  status: string;
  attempts: number;
  error: string | null;
}

/**
 * Outbox messages that failed: given up, or waiting for a retry after an
 * error. `settle` cannot see these (a failed delivery is simply not due
 * again yet), so a test that must prove every subscriber coped asks here.
 */
export async function deliveryTrouble(t: TestPlatform): Promise<DeliveryTrouble[]> {
  return sql<DeliveryTrouble>(
    t.db,
    `SELECT topic, payload->>'subscriber' AS subscriber, payload->'event'->>'name' AS event,
            payload->'event'->'payload'->>'orderId' AS "orderId", status, attempts, last_error AS error
     FROM outbox WHERE status = 'failed' OR (status = 'pending' AND last_error IS NOT NULL) ORDER BY created_at`,
  );
}

/** Job runs recorded as failed since `since` (real time, as job_runs records it). */
export async function failedJobRuns(t: TestPlatform, since = new Date(0)): Promise<{ job: string; error: string | null }[]> {
  return sql<{ job: string; error: string | null }>(
    t.db,
    "SELECT job, error FROM job_runs WHERE outcome = 'failed' AND started_at >= $1 ORDER BY started_at",
    [since],
  );
}
