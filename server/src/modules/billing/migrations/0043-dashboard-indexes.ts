import type { MigrationContext } from '../../../platform/migrations.ts';

/** The dashboard's money figures, each one index scan: this week's revenue by completion, and the payouts not yet paid. */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE INDEX billable_orders_completed ON billable_orders (completed_at) INCLUDE (price_cents);
    CREATE INDEX payouts_unpaid ON payouts (status) INCLUDE (amount_cents, failures) WHERE status <> 'paid';
  `);
}
