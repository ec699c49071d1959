import type { MigrationContext } from '../../../platform/migrations.ts';

// The admin panel needs one id column per row; order_photos' key has three.
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE VIEW order_photo_list AS
    SELECT order_id || ':' || purpose || ':' || file_id AS id, order_id, purpose, position, file_id
    FROM order_photos;
  `);
}
