import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Photos used by an order's check-in and report (the files module keeps the bytes).
    CREATE TABLE order_photos (
      order_id uuid NOT NULL REFERENCES orders (id),
      file_id uuid NOT NULL REFERENCES files (id),
      purpose text NOT NULL CHECK (purpose IN ('check_in', 'before', 'after', 'signed_report')),
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (order_id, file_id, purpose)
    );
    CREATE INDEX order_photos_file ON order_photos (file_id);
    -- When the report came in: the 72-hour auto-accept counts from here.
    ALTER TABLE orders ADD COLUMN reported_at timestamptz;
  `);
}
