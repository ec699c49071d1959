import { col, defineTable } from '../../../platform/table.ts';
import type { CookieStatus, KitLine, KitStatus } from '../domain/kit-lifecycle.ts';

/** Supplies' tables as the code sees them (history: migrations/). */

/** An order's kit, with the supplier's cookie: the order's facts are copied from orders' events (no foreign key). */
export const kitsTable = defineTable('kits', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  order_starts_at: col.timestamptz(),
  recipient_name: col.text(),
  delivery_address: col.text(),
  status: col.text<KitStatus>(),
  items: col.jsonb<KitLine[]>(),
  ready_at: col.timestamptz.nullable(),
  ready_by: col.uuid.nullable(),
  cancelled_at: col.timestamptz.nullable(),
  cookie_status: col.text<CookieStatus>(),
  cookie_supplier_order_id: col.text.nullable(),
  cookie_attempts: col.integer(),
  cookie_last_error: col.text.nullable(),
  cookie_next_attempt_at: col.timestamptz.nullable(),
  cookie_next_poll_at: col.timestamptz.nullable(),
  cookie_delivered_at: col.timestamptz.nullable(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

/** Supplier callbacks already handled: a replayed event is acknowledged and ignored. */
export const supplierEventsTable = defineTable('supplier_events', {
  id: col.text({ primaryKey: true }),
  type: col.text(),
  received_at: col.timestamptz(),
  payload: col.jsonb(),
});
