import { execute, sql, type Database, type Tx } from '../../../platform/database.ts';
import type { KeysetCursor } from '../../../platform/pagination.ts';
import {
  webhookDeliveriesTable,
  webhookDeliveryAttemptsTable,
  webhookEndpointsTable,
  type DeliveryRow,
  type EndpointRow,
} from './tables.ts';

const E = webhookEndpointsTable;
const D = webhookDeliveriesTable;

/** An endpoint without its secrets: what every read but the sender's needs. */
export type PublicEndpointRow = Omit<EndpointRow, 'secret_encrypted' | 'previous_secret_encrypted'>;
const PUBLIC_COLUMNS = E.listOf([
  'id',
  'url',
  'event_types',
  'status',
  'previous_secret_expires_at',
  'created_by',
  'created_at',
  'disabled_at',
  'disabled_reason',
  'deleted_at',
]);

export async function insertEndpoint(
  db: Database,
  tx: Tx,
  input: { id: string; url: string; eventTypes: string[]; secretEncrypted: string; createdBy: string; now: Date },
): Promise<PublicEndpointRow> {
  const { rows } = await execute<PublicEndpointRow>(
    db,
    `INSERT INTO webhook_endpoints (id, url, event_types, secret_encrypted, created_by, created_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6) RETURNING ${PUBLIC_COLUMNS}`,
    [input.id, input.url, input.eventTypes, input.secretEncrypted, input.createdBy, input.now],
    tx,
  );
  return rows[0]!;
}

export async function listEndpoints(db: Database, input: { limit: number; after?: KeysetCursor }): Promise<PublicEndpointRow[]> {
  const params: unknown[] = [input.limit + 1];
  let where = 'deleted_at IS NULL';
  if (input.after) {
    params.push(input.after.at, input.after.id);
    where += ' AND (created_at, id) < ($2::timestamptz, $3::uuid)';
  }
  return sql<PublicEndpointRow>(
    db,
    `SELECT ${PUBLIC_COLUMNS} FROM webhook_endpoints WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $1`,
    params,
  );
}

/** The endpoint locked for a change (rotation, disabling, redelivery), with its secrets; undefined once deleted. */
export async function lockEndpoint(db: Database, tx: Tx, id: string): Promise<EndpointRow | undefined> {
  const [row] = await sql<EndpointRow>(
    db,
    `SELECT ${E.list} FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
    tx,
  );
  return row;
}

export async function findEndpoint(db: Database, id: string): Promise<EndpointRow | undefined> {
  const [row] = await sql<EndpointRow>(db, `SELECT ${E.list} FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row;
}

/** Deletes once: of racing deletes exactly one sees the row still undeleted. */
export async function softDeleteEndpoint(db: Database, tx: Tx, id: string, now: Date): Promise<PublicEndpointRow | undefined> {
  const { rows } = await execute<PublicEndpointRow>(
    db,
    `UPDATE webhook_endpoints SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING ${PUBLIC_COLUMNS}`,
    [id, now],
    tx,
  );
  return rows[0];
}

export async function updateSecrets(
  db: Database,
  tx: Tx,
  input: { id: string; secretEncrypted: string; previousEncrypted: string; previousExpiresAt: Date },
): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_endpoints SET secret_encrypted = $2, previous_secret_encrypted = $3, previous_secret_expires_at = $4 WHERE id = $1`,
    [input.id, input.secretEncrypted, input.previousEncrypted, input.previousExpiresAt],
    tx,
  );
}

export async function markEndpointDisabled(db: Database, tx: Tx, input: { id: string; now: Date; reason: string }): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_endpoints SET status = 'disabled', disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND status = 'active'`,
    [input.id, input.now, input.reason],
    tx,
  );
}

export async function markEndpointActive(db: Database, tx: Tx, id: string): Promise<void> {
  await execute(db, `UPDATE webhook_endpoints SET status = 'active', disabled_at = NULL, disabled_reason = NULL WHERE id = $1`, [id], tx);
}

/** Stops what was still to be sent to an endpoint (deleted or disabled). */
export async function cancelPendingDeliveries(db: Database, tx: Tx, endpointId: string, now: Date, reason: string): Promise<number> {
  const { count } = await execute(
    db,
    `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, finished_at = $2, last_error = coalesce(last_error, $3)
     WHERE endpoint_id = $1 AND status = 'pending'`,
    [endpointId, now, reason],
    tx,
  );
  return count;
}

/** An endpoint enabled again: what was pending is due now, each with a fresh 3-day window. */
export async function revivePendingDeliveries(db: Database, tx: Tx, endpointId: string, now: Date): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_deliveries SET next_attempt_at = $2, give_up_at = NULL WHERE endpoint_id = $1 AND status = 'pending'`,
    [endpointId, now],
    tx,
  );
}

// --- the fan-out ---

export async function readFeedCursor(db: Database, tx?: Tx, lock = false): Promise<string | null> {
  const [row] = await sql<{ after_seq: string | null }>(
    db,
    `SELECT after_seq::text AS after_seq FROM webhook_feed_cursor WHERE singleton${lock ? ' FOR UPDATE' : ''}`,
    [],
    tx,
  );
  return row?.after_seq ?? null;
}

export async function advanceFeedCursor(db: Database, tx: Tx, afterSeq: string): Promise<void> {
  await execute(db, 'UPDATE webhook_feed_cursor SET after_seq = $1::bigint WHERE singleton', [afterSeq], tx);
}

/** Active endpoints, for matching events against their filters. */
export async function activeEndpointFilters(db: Database, tx: Tx): Promise<{ id: string; event_types: string[]; created_at: Date }[]> {
  return sql(db, `SELECT id, event_types, created_at FROM webhook_endpoints WHERE status = 'active' AND deleted_at IS NULL`, [], tx);
}

export async function insertDeliveries(
  db: Database,
  tx: Tx,
  rows: { endpointId: string; eventId: string; eventType: string; body: string }[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await execute(
    db,
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, next_attempt_at, created_at)
     SELECT e, i, t, b, $5, $5 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(e, i, t, b, n)
     ORDER BY n
     ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
    [rows.map((r) => r.endpointId), rows.map((r) => r.eventId), rows.map((r) => r.eventType), rows.map((r) => r.body), now],
    tx,
  );
  return count;
}

export async function insertDelivery(
  db: Database,
  tx: Tx,
  input: { endpointId: string; eventId: string; eventType: string; body: string; now: Date },
): Promise<DeliveryRow> {
  const { rows } = await execute<DeliveryRow>(
    db,
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${D.list}`,
    [input.endpointId, input.eventId, input.eventType, input.body, input.now],
    tx,
  );
  return rows[0]!;
}

// --- sending ---

export type DueDelivery = DeliveryRow & {
  url: string;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Date | null;
};

/** An endpoint with an attempt still in flight (an earlier run's, maybe another process's) waits until it ends. */
const NOT_IN_FLIGHT = `NOT EXISTS (SELECT 1 FROM webhook_deliveries l
  WHERE l.endpoint_id = d.endpoint_id AND l.status = 'pending' AND l.leased_until > clock_timestamp())`;

/** Due deliveries of active endpoints with nothing in flight, oldest first, at most `perEndpoint` of each endpoint. */
export async function dueDeliveries(db: Database, input: { now: Date; perEndpoint: number; limit: number }): Promise<DueDelivery[]> {
  return sql<DueDelivery>(
    db,
    `SELECT * FROM (
       SELECT ${D.listAs('d')}, e.url, e.secret_encrypted, e.previous_secret_encrypted, e.previous_secret_expires_at,
              row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.position) AS lane_rank
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND e.status = 'active' AND e.deleted_at IS NULL AND ${NOT_IN_FLIGHT}
     ) ranked WHERE lane_rank <= $2 ORDER BY next_attempt_at, position LIMIT $3`,
    [input.now, input.perEndpoint, input.limit],
  );
}

/**
 * A run's hold on a delivery: the `leased_until` its lease (or last renewal) wrote, read back exactly
 * (cut to milliseconds in SQL, so a JavaScript Date carries it without rounding). It fences the
 * renewal and the release: another run can only take a lease that has expired, and writes its own
 * `clock_timestamp() + lease`, later than the expired one, so a row still holding this value is this
 * run's and nobody else's.
 */
export type Lease = { id: string; until: Date };

const LEASE_END = `date_trunc('milliseconds', clock_timestamp() + $2 * interval '1 millisecond')`;

/**
 * Takes some of one endpoint's deliveries, in one statement, for `leaseMs` on the database's wall
 * clock; the leases it took (not those no longer pending or held by another run). A process that
 * dies mid-run lets them go at the lease's end, and they are tried again; a run renews what it
 * still holds before an attempt that could outlive it (`renewLeases`) and gives back what it did
 * not send (`releaseDeliveries`).
 */
export async function leaseDeliveries(db: Database, ids: string[], leaseMs: number): Promise<Lease[]> {
  return sql<Lease>(
    db,
    `UPDATE webhook_deliveries SET leased_until = ${LEASE_END}
      WHERE id = ANY($1::uuid[]) AND status = 'pending' AND (leased_until IS NULL OR leased_until <= clock_timestamp())
      RETURNING id, leased_until AS until`,
    [ids, leaseMs],
  );
}

/**
 * Moves the end of leases this run still holds to `leaseMs` from now, in one statement; the renewed
 * ones. A lease that has expired is not renewed even if nobody took it yet (another process may be
 * about to, and would then send it and its endpoint's next ones alongside this run), nor is one
 * another run took since (its `leased_until` is no longer this run's), nor a delivery no longer pending.
 */
export async function renewLeases(db: Database, leases: Lease[], leaseMs: number): Promise<Lease[]> {
  if (leases.length === 0) return [];
  return sql<Lease>(
    db,
    `UPDATE webhook_deliveries d SET leased_until = ${LEASE_END}
       FROM unnest($1::uuid[], $3::timestamptz[]) AS held(id, until)
      WHERE d.id = held.id AND d.leased_until = held.until AND d.leased_until > clock_timestamp() AND d.status = 'pending'
      RETURNING d.id, d.leased_until AS until`,
    [leases.map((lease) => lease.id), leaseMs, leases.map((lease) => lease.until)],
  );
}

/**
 * Leases a run took and will not use (its endpoint stopped, or the run's time ran out): due again at
 * once. Only while still this run's: a lease that expired and was taken by another run stays that run's.
 */
export async function releaseDeliveries(db: Database, leases: Lease[]): Promise<void> {
  if (leases.length === 0) return;
  await execute(
    db,
    `UPDATE webhook_deliveries d SET leased_until = NULL
       FROM unnest($1::uuid[], $2::timestamptz[]) AS held(id, until)
      WHERE d.id = held.id AND d.leased_until = held.until AND d.status = 'pending'`,
    [leases.map((lease) => lease.id), leases.map((lease) => lease.until)],
  );
}

/** The delivery locked for recording an attempt; undefined if it is no longer pending (deleted endpoint, another run). */
export async function lockPendingDelivery(db: Database, tx: Tx, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await sql<DeliveryRow>(
    db,
    `SELECT ${D.list} FROM webhook_deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE`,
    [id],
    tx,
  );
  return row;
}

export async function insertAttempt(
  db: Database,
  tx: Tx,
  input: {
    deliveryId: string;
    endpointId: string;
    at: Date;
    succeeded: boolean;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
    excerpt: string | null;
  },
): Promise<void> {
  await execute(
    db,
    `INSERT INTO ${webhookDeliveryAttemptsTable.name}
       (delivery_id, endpoint_id, attempted_at, succeeded, status_code, error, latency_ms, response_excerpt)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [input.deliveryId, input.endpointId, input.at, input.succeeded, input.statusCode, input.error, input.latencyMs, input.excerpt],
    tx,
  );
}

export async function updateDeliveryAfterAttempt(
  db: Database,
  tx: Tx,
  input: {
    id: string;
    status: 'pending' | 'succeeded' | 'failed';
    nextAttemptAt: Date | null;
    giveUpAt: Date;
    statusCode: number | null;
    error: string | null;
    finishedAt: Date | null;
  },
): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, next_attempt_at = $3, give_up_at = $4,
            last_status_code = $5, last_error = $6, finished_at = $7, leased_until = NULL
      WHERE id = $1`,
    [input.id, input.status, input.nextAttemptAt, input.giveUpAt, input.statusCode, input.error, input.finishedAt],
    tx,
  );
}

/**
 * Records an attempt and the delivery's next step in one statement (one round trip, atomic: the
 * attempt is logged only with its delivery's update), provided the delivery is still pending with
 * the attempt count and 3-day window the sender computed from (`expected`); false, writing nothing,
 * when it changed meanwhile (redelivered, revived, deleted, sent elsewhere): the caller then records
 * through the locking transaction instead.
 */
export async function recordAttemptIfUnchanged(
  db: Database,
  input: {
    expected: { attempts: number; giveUpAt: Date | null };
    attempt: { at: Date; succeeded: boolean; statusCode: number | null; error: string | null; latencyMs: number; excerpt: string | null };
    next: {
      id: string;
      status: 'pending' | 'succeeded';
      nextAttemptAt: Date | null;
      giveUpAt: Date;
      error: string | null;
      finishedAt: Date | null;
    };
  },
): Promise<boolean> {
  const { expected, attempt, next } = input;
  const { count } = await execute(
    db,
    `WITH updated AS (
       UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, next_attempt_at = $3, give_up_at = $4,
              last_status_code = $5, last_error = $6, finished_at = $7, leased_until = NULL
        WHERE id = $1 AND status = 'pending' AND attempts = $8 AND give_up_at IS NOT DISTINCT FROM $9::timestamptz
        RETURNING id, endpoint_id)
     INSERT INTO ${webhookDeliveryAttemptsTable.name}
       (delivery_id, endpoint_id, attempted_at, succeeded, status_code, error, latency_ms, response_excerpt)
     SELECT id, endpoint_id, $10::timestamptz, $11::boolean, $5, $12::text, $13::integer, $14::text FROM updated`,
    [
      next.id,
      next.status,
      next.nextAttemptAt,
      next.giveUpAt,
      attempt.statusCode,
      next.error,
      next.finishedAt,
      expected.attempts,
      expected.giveUpAt,
      attempt.at,
      attempt.succeeded,
      attempt.error,
      attempt.latencyMs,
      attempt.excerpt,
    ],
  );
  return count === 1;
}

/** A delivery sent again from the panel: pending now, with a fresh 3-day window. */
export async function requeueDelivery(db: Database, tx: Tx, id: string, now: Date): Promise<DeliveryRow | undefined> {
  const { rows } = await execute<DeliveryRow>(
    db,
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, give_up_at = NULL, finished_at = NULL
      WHERE id = $1 RETURNING ${D.list}`,
    [id, now],
    tx,
  );
  return rows[0];
}

export async function findDelivery(db: Database, id: string, tx?: Tx): Promise<DeliveryRow | undefined> {
  const [row] = await sql<DeliveryRow>(db, `SELECT ${D.list} FROM webhook_deliveries WHERE id = $1`, [id], tx);
  return row;
}

/** When the earliest pending delivery falls due (for the sandbox clock). */
export async function nextDeliveryDueAt(db: Database): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(
    db,
    `SELECT min(d.next_attempt_at) AS at FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.status = 'pending' AND e.status = 'active' AND e.deleted_at IS NULL AND ${NOT_IN_FLIGHT}`,
  );
  return row?.at ?? null;
}
