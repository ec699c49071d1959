import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import type { CookieStatus, KitLine, KitStatus } from '../domain/kit-lifecycle.ts';
import { kitsTable } from './tables.ts';

export type KitRow = RowOf<typeof kitsTable>;

export async function findKit(db: Database, id: string, tx?: Tx, lock = false): Promise<KitRow | undefined> {
  const [row] = await sql<KitRow>(db, `SELECT ${kitsTable.list} FROM kits WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id], tx);
  return row;
}

export async function findKitByOrder(db: Database, orderId: string, tx?: Tx, lock = false): Promise<KitRow | undefined> {
  const [row] = await sql<KitRow>(db, `SELECT ${kitsTable.list} FROM kits WHERE order_id = $1${lock ? ' FOR UPDATE' : ''}`, [orderId], tx);
  return row;
}

export async function findKitBySupplierOrder(db: Database, supplierOrderId: string, tx?: Tx): Promise<KitRow | undefined> {
  const [row] = await sql<KitRow>(
    db,
    `SELECT ${kitsTable.list} FROM kits WHERE cookie_supplier_order_id = $1 FOR UPDATE`,
    [supplierOrderId],
    tx,
  );
  return row;
}

/** Opens the order's kit once: a second delivery of the same event finds it there and returns undefined. */
export async function insertKit(
  db: Database,
  tx: Tx,
  kit: {
    orderId: string;
    orderStartsAt: Date;
    recipientName: string;
    deliveryAddress: string;
    items: KitLine[];
    now: Date;
    /** The order is already gone: record the kit as cancelled, with no cookie to order. */
    cancelled?: boolean;
  },
): Promise<KitRow | undefined> {
  const { rows } = await execute<KitRow>(
    db,
    `INSERT INTO kits (order_id, order_starts_at, recipient_name, delivery_address, items, status, cookie_status,
                       cookie_next_attempt_at, cancelled_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $7, $8, $9, $10, $6, $6)
     ON CONFLICT (order_id) DO NOTHING RETURNING ${kitsTable.list}`,
    [
      kit.orderId,
      kit.orderStartsAt,
      kit.recipientName,
      kit.deliveryAddress,
      JSON.stringify(kit.items),
      kit.now,
      kit.cancelled ? 'cancelled' : 'open',
      kit.cancelled ? 'cancelled' : 'pending',
      kit.cancelled ? null : kit.now,
      kit.cancelled ? kit.now : null,
    ],
    tx,
  );
  return rows[0];
}

export type KitChanges = Partial<{
  status: KitStatus;
  items: KitLine[];
  order_starts_at: Date;
  ready_at: Date | null;
  ready_by: string | null;
  cancelled_at: Date;
  cookie_status: CookieStatus;
  cookie_supplier_order_id: string;
  cookie_attempts: number;
  cookie_last_error: string | null;
  cookie_next_attempt_at: Date | null;
  cookie_next_poll_at: Date | null;
  cookie_delivered_at: Date;
}>;

export async function updateKit(db: Database, tx: Tx | undefined, id: string, changes: KitChanges, now: Date): Promise<KitRow> {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}${column === 'items' ? '::jsonb' : ''}`);
  const values = entries.map(([column, value]) => (column === 'items' ? JSON.stringify(value) : value));
  const { rows } = await execute<KitRow>(
    db,
    `UPDATE kits SET ${[...sets, `updated_at = $${entries.length + 2}`].join(', ')} WHERE id = $1 RETURNING ${kitsTable.list}`,
    [id, ...values, now],
    tx,
  );
  return rows[0]!;
}

export async function listKitRows(
  db: Database,
  q: { status?: KitStatus; after?: { at: string; id: string }; limit: number },
): Promise<KitRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.after) where.push(`(order_starts_at, id) > ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<KitRow>(
    db,
    `SELECT ${kitsTable.list} FROM kits ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY order_starts_at, id LIMIT $${params.push(q.limit)}`,
    params,
  );
}

/**
 * Claims kits whose supplier step (ordering or cancelling the cookie) is due,
 * pushing their next try `leaseMs` ahead so a concurrent run skips them.
 */
export async function claimDueCookieSteps(db: Database, now: Date, leaseMs: number, limit = 20): Promise<KitRow[]> {
  const { rows } = await execute<KitRow>(
    db,
    `UPDATE kits SET cookie_next_attempt_at = $2 WHERE id IN (
       SELECT id FROM kits WHERE cookie_status IN ('pending', 'cancelling') AND cookie_next_attempt_at <= $1
       ORDER BY cookie_next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING ${kitsTable.list}`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
  return rows;
}

/** Claims ordered cookies whose delivery should be checked with the supplier (a missed callback). */
export async function claimDuePolls(db: Database, now: Date, nextPollAt: Date, limit = 50): Promise<KitRow[]> {
  const { rows } = await execute<KitRow>(
    db,
    `UPDATE kits SET cookie_next_poll_at = $2 WHERE id IN (
       SELECT id FROM kits WHERE cookie_status = 'ordered' AND cookie_next_poll_at <= $1
       ORDER BY cookie_next_poll_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING ${kitsTable.list}`,
    [now, nextPollAt, limit],
  );
  return rows;
}

export async function nextCookieStepAt(db: Database): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(
    db,
    "SELECT min(cookie_next_attempt_at) AS at FROM kits WHERE cookie_status IN ('pending', 'cancelling')",
  );
  return row?.at ? new Date(row.at) : null;
}

/** Records a supplier event id; false when it was already handled. */
export async function recordSupplierEvent(
  db: Database,
  tx: Tx,
  event: { id: string; type: string; payload: unknown; now: Date },
): Promise<boolean> {
  const { rows } = await execute(
    db,
    'INSERT INTO supplier_events (id, type, received_at, payload) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id',
    [event.id, event.type, event.now, JSON.stringify(event.payload)],
    tx,
  );
  return rows.length === 1;
}
