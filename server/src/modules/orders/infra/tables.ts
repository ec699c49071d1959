import { col, defineTable } from '../../../platform/table.ts';
import type { FailureReason, OrderStatus } from '../domain/order-lifecycle.ts';
import type { PhotoPurpose } from './photos.repository.ts';

/** Orders' tables (and its one view) as the code sees them (history: migrations/). */

export const ordersTable = defineTable('orders', {
  id: col.uuid({ primaryKey: true }),
  client_id: col.uuid(),
  worker_id: col.uuid.nullable(),
  service_type_id: col.uuid(),
  starts_at: col.timestamptz(),
  ends_at: col.timestamptz(),
  address: col.text(),
  description: col.text(),
  status: col.text<OrderStatus>(),
  failure_reason: col.text.nullable<FailureReason>(),
  price_cents: col.bigint.nullable(),
  rating: col.smallint.nullable(),
  copy_of: col.uuid.nullable(),
  version: col.integer(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
  /** When the report came in: the 72-hour auto-accept counts from here. */
  reported_at: col.timestamptz.nullable(),
  /** The sum of the order's tips (order_tips), at most its price (a CHECK): what a new tip is capped by. */
  tips_cents: col.bigint(),
});

/** A client's tip on an accepted order (several per order, in total at most its price). */
export const orderTipsTable = defineTable('order_tips', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  client_id: col.uuid(),
  amount_cents: col.bigint(),
  created_at: col.timestamptz(),
});

/** Every step of an order: who, when, from, to, why; `seq` orders entries that share a time. */
export const orderTimelineTable = defineTable('order_timeline', {
  id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  at: col.timestamptz(),
  seq: col.bigint(),
  actor_id: col.uuid.nullable(),
  actor_role: col.text(),
  event: col.text(),
  from_status: col.text.nullable<OrderStatus>(),
  to_status: col.text<OrderStatus>(),
  reason: col.text.nullable(),
  file_hashes: col.textArray(),
  changes: col.jsonb.nullable<Record<string, unknown>>(),
});

/** Photos used by an order's check-in and report (the files module keeps the bytes). */
export const orderPhotosTable = defineTable('order_photos', {
  order_id: col.uuid({ primaryKey: true }),
  file_id: col.uuid({ primaryKey: true }),
  purpose: col.text<PhotoPurpose>({ primaryKey: true }),
  position: col.smallint(),
});

/** The `order_photo_list` view: the photos with one id column per row (the panel needs one; order_photos' key has three). */
export const orderPhotoListView = defineTable('order_photo_list', {
  id: col.text({ primaryKey: true }),
  order_id: col.uuid(),
  purpose: col.text<PhotoPurpose>(),
  position: col.smallint(),
  file_id: col.uuid(),
});

export const ORDERS_TABLES = [ordersTable, orderTimelineTable, orderPhotosTable, orderPhotoListView, orderTipsTable];
