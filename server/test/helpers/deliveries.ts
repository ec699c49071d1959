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

/** Job runs recorded as failed (a job that caught its work's failure and called it success would not be here). */
export async function failedJobRuns(t: TestPlatform): Promise<{ job: string; error: string | null }[]> {
  return sql<{ job: string; error: string | null }>(t.db, "SELECT job, error FROM job_runs WHERE outcome = 'failed' ORDER BY started_at");
}
