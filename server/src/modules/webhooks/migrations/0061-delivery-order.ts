import type { MigrationContext } from '../../../platform/migrations.ts';

// Deliveries to one endpoint go out in the feed's order: each delivery takes
// a position when the fan-out writes it (in feed order), and the sender
// takes an endpoint's due deliveries by it (uuids alone carry no order).
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE webhook_deliveries ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY;
    CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (endpoint_id, next_attempt_at, position) WHERE status = 'pending';
  `);
}
