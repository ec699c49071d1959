import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import type { FailureReason, OrderStatus } from '../domain/order-lifecycle.ts';
import { ordersTable, orderTimelineTable, orderTipsTable } from './tables.ts';

export type OrderRow = RowOf<typeof ordersTable>;
export type TipRow = RowOf<typeof orderTipsTable>;

const COLUMNS = ordersTable.list;

export async function findOrder(db: Database, id: string, tx?: Tx, lock = false): Promise<OrderRow | undefined> {
  const [row] = await sql<OrderRow>(db, `SELECT ${COLUMNS} FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id], tx);
  return row;
}

export async function insertOrder(
  db: Database,
  tx: Tx,
  order: {
    clientId: string;
    serviceTypeId: string;
    startsAt: Date;
    endsAt: Date;
    address: string;
    description: string;
    copyOf: string | null;
    now: Date;
  },
): Promise<OrderRow> {
  const { rows } = await execute<OrderRow>(
    db,
    `INSERT INTO orders (client_id, service_type_id, starts_at, ends_at, address, description, copy_of, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLUMNS}`,
    [order.clientId, order.serviceTypeId, order.startsAt, order.endsAt, order.address, order.description, order.copyOf, order.now],
    tx,
  );
  return rows[0]!;
}

export type OrderChanges = Partial<{
  status: OrderStatus;
  failure_reason: FailureReason | null;
  worker_id: string | null;
  price_cents: bigint | null;
  rating: number | null;
  starts_at: Date;
  ends_at: Date;
  address: string;
  description: string;
  service_type_id: string;
  reported_at: Date;
}>;

/** Applies changes to a locked order row, bumping its version. */
export async function updateOrder(db: Database, tx: Tx, id: string, changes: OrderChanges, now: Date): Promise<OrderRow> {
  const entries = Object.entries(changes).map(([column, value]) => [column, typeof value === 'bigint' ? value.toString() : value] as const);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
  const { rows } = await execute<OrderRow>(
    db,
    `UPDATE orders SET ${[...sets, `version = version + 1`, `updated_at = $${entries.length + 2}`].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...entries.map(([, value]) => value), now],
    tx,
  );
  return rows[0]!;
}

export interface OrderQuery {
  clientId?: string;
  workerId?: string;
  status?: OrderStatus;
  from?: Date;
  to?: Date;
  after?: { at: string; id: string };
  limit: number;
}

export async function listOrderRows(db: Database, q: OrderQuery): Promise<OrderRow[]> {
  return sql<OrderRow>(
    db,
    `SELECT ${COLUMNS} FROM orders
     WHERE ($1::uuid IS NULL OR client_id = $1)
       AND ($2::uuid IS NULL OR worker_id = $2)
       AND ($3::text IS NULL OR status = $3)
       AND ($4::timestamptz IS NULL OR starts_at >= $4)
       AND ($5::timestamptz IS NULL OR starts_at < $5)
       AND ($6::timestamptz IS NULL OR (starts_at, id) > ($6::timestamptz, $7::uuid))
     ORDER BY starts_at, id LIMIT $8`,
    [
      q.clientId ?? null,
      q.workerId ?? null,
      q.status ?? null,
      q.from ?? null,
      q.to ?? null,
      q.after?.at ?? null,
      q.after?.id ?? null,
      q.limit,
    ],
  );
}

const TIMELINE = ['at', 'actor_id', 'actor_role', 'event', 'from_status', 'to_status', 'reason', 'file_hashes', 'changes'] as const;
export type TimelineRow = Pick<RowOf<typeof orderTimelineTable>, (typeof TIMELINE)[number]>;

export async function appendTimeline(
  db: Database,
  tx: Tx,
  entry: {
    orderId: string;
    at: Date;
    actorId: string | null;
    actorRole: string;
    event: string;
    from: OrderStatus | null;
    to: OrderStatus;
    reason?: string | null;
    fileHashes?: string[];
    changes?: Record<string, unknown>;
  },
): Promise<void> {
  await execute(
    db,
    `INSERT INTO order_timeline (order_id, at, actor_id, actor_role, event, from_status, to_status, reason, file_hashes, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::jsonb)`,
    [
      entry.orderId,
      entry.at,
      entry.actorId,
      entry.actorRole,
      entry.event,
      entry.from,
      entry.to,
      entry.reason ?? null,
      entry.fileHashes ?? [],
      entry.changes ? JSON.stringify(entry.changes) : null,
    ],
    tx,
  );
}

export async function timelineOf(db: Database, orderId: string): Promise<TimelineRow[]> {
  return sql<TimelineRow>(db, `SELECT ${orderTimelineTable.listOf(TIMELINE)} FROM order_timeline WHERE order_id = $1 ORDER BY seq`, [
    orderId,
  ]);
}

/** The columns other modules may learn of an order (its slot), never its whole row. */
const SLOT = ['id', 'client_id', 'service_type_id', 'starts_at', 'ends_at', 'status', 'address'] as const;
export type SlotRow = Pick<OrderRow, (typeof SLOT)[number]>;
const SLOT_COLUMNS = ordersTable.listOf(SLOT);

export const ordersAwaitingWorkerRows = (db: Database, now: Date, limit: number) =>
  sql<SlotRow>(db, `SELECT ${SLOT_COLUMNS} FROM orders WHERE status = 'matching' AND starts_at > $1 ORDER BY starts_at, id LIMIT $2`, [
    now,
    limit,
  ]);

export const findSlotRow = async (db: Database, orderId: string, tx?: Tx) =>
  (await sql<SlotRow>(db, `SELECT ${SLOT_COLUMNS} FROM orders WHERE id = $1`, [orderId], tx))[0];

/** Workers holding an order that overlaps [startsAt, endsAt) (the statuses the exclusion constraint covers). */
export async function busyWorkerIdsBetween(db: Database, startsAt: Date, endsAt: Date, tx?: Tx): Promise<string[]> {
  const rows = await sql<{ worker_id: string }>(
    db,
    `SELECT DISTINCT worker_id FROM orders
     WHERE worker_id IS NOT NULL AND status IN ('scheduled', 'in_progress', 'reported', 'completed')
       AND tstzrange(starts_at, ends_at) && tstzrange($1::timestamptz, $2::timestamptz)`,
    [startsAt, endsAt],
    tx,
  );
  return rows.map((r) => r.worker_id);
}

/** When each worker was last assigned an order (by the assignment's time in the timeline). */
export const lastAssignmentRows = (db: Database, workerIds: string[]) =>
  sql<{ worker_id: string; at: Date }>(
    db,
    `SELECT o.worker_id, max(t.at) AS at FROM orders o
     JOIN order_timeline t ON t.order_id = o.id AND t.event = 'worker_assigned'
     WHERE o.worker_id = ANY($1::uuid[]) GROUP BY o.worker_id`,
    [workerIds],
  );

export async function orderIdsOfClientRows(db: Database, clientId: string, tx?: Tx): Promise<string[]> {
  const rows = await sql<{ id: string }>(db, 'SELECT id FROM orders WHERE client_id = $1', [clientId], tx);
  return rows.map((r) => r.id);
}

/** The statuses an order fails from at its start, if it is still in one then (SPEC §3). */
const OPEN_AT_START = "('created', 'matching', 'scheduled')";

export async function earliestStartOfOpenOrder(db: Database): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(db, `SELECT min(starts_at) AS at FROM orders WHERE status IN ${OPEN_AT_START}`);
  return row?.at ? new Date(row.at) : null;
}

export const openOrdersStartedBy = (db: Database, asOf: Date) =>
  sql<{ id: string; status: OrderStatus }>(
    db,
    `SELECT id, status FROM orders WHERE status IN ${OPEN_AT_START} AND starts_at <= $1 ORDER BY starts_at`,
    [asOf],
  );

/** When the first reported order falls due for acceptance `acceptAfterMs` after its report. */
export async function earliestAutoAcceptAt(db: Database, acceptAfterMs: number): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(
    db,
    "SELECT min(reported_at) + make_interval(secs => $1 / 1000.0) AS at FROM orders WHERE status = 'reported'",
    [acceptAfterMs],
  );
  return row?.at ? new Date(row.at) : null;
}

export const reportedOrdersDueBy = (db: Database, asOf: Date, acceptAfterMs: number) =>
  sql<{ id: string }>(
    db,
    "SELECT id FROM orders WHERE status = 'reported' AND reported_at + make_interval(secs => $2 / 1000.0) <= $1 ORDER BY reported_at",
    [asOf, acceptAfterMs],
  );

/**
 * The facts a stake needs of an order (bids, through orders' door). With a
 * transaction it takes the row FOR SHARE: a transition holds it FOR UPDATE,
 * so a stake and a check-in (or a cancel) serialise, and the stake sees the
 * status the transition committed.
 */
export async function findOrderForStakeRow(
  db: Database,
  id: string,
  tx?: Tx,
): Promise<Pick<OrderRow, 'id' | 'status' | 'client_id' | 'worker_id'> | undefined> {
  const [row] = await sql<Pick<OrderRow, 'id' | 'status' | 'client_id' | 'worker_id'>>(
    db,
    `SELECT id, status, client_id, worker_id FROM orders WHERE id = $1${tx ? ' FOR SHARE' : ''}`,
    [id],
    tx,
  );
  return row;
}

/** When the order was accepted (by its client or automatically): its timeline entry into `completed`. */
export async function acceptedAtOf(db: Database, tx: Tx, orderId: string): Promise<Date | null> {
  const [row] = await sql<{ at: Date }>(
    db,
    "SELECT at FROM order_timeline WHERE order_id = $1 AND to_status = 'completed' AND from_status <> 'completed' ORDER BY seq LIMIT 1",
    [orderId],
    tx,
  );
  return row ? new Date(row.at) : null;
}

/** Records a tip on a locked order and adds it to the order's sum (the database refuses a sum over the price). */
export async function addTipRow(
  db: Database,
  tx: Tx,
  t: { orderId: string; clientId: string; amountCents: bigint; now: Date },
): Promise<{ tip: TipRow; order: OrderRow }> {
  const { rows } = await execute<TipRow>(
    db,
    `INSERT INTO order_tips (order_id, client_id, amount_cents, created_at) VALUES ($1, $2, $3, $4) RETURNING ${orderTipsTable.list}`,
    [t.orderId, t.clientId, t.amountCents.toString(), t.now],
    tx,
  );
  const updated = await execute<OrderRow>(
    db,
    `UPDATE orders SET tips_cents = tips_cents + $2, version = version + 1, updated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [t.orderId, t.amountCents.toString(), t.now],
    tx,
  );
  return { tip: rows[0]!, order: updated.rows[0]! };
}

export const tipsOf = (db: Database, orderId: string) =>
  sql<TipRow>(db, `SELECT ${orderTipsTable.list} FROM order_tips WHERE order_id = $1 ORDER BY created_at, id`, [orderId]);
