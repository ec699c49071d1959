import { col, defineTable } from '../../../platform/table.ts';

/** `review_corrections` as the code sees it (history: migrations/0041): what quality reviews corrected in billing. */
export const reviewCorrectionsTable = defineTable('review_corrections', {
  id: col.uuid({ primaryKey: true }),
  kind: col.text<'fine_reversal' | 'refund'>(),
  review_id: col.uuid(),
  order_id: col.uuid(),
  worker_id: col.uuid.nullable(),
  client_id: col.uuid.nullable(),
  amount_cents: col.bigint(),
  description: col.text(),
  created_at: col.timestamptz(),
});
