import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * A payout's last failure as its worker may read it (GET /v1/payouts, the
 * `payout.failed` event): `last_error` keeps Golden Hat's raw answer for
 * managers (HTTP statuses, network codes), `failure_reason` only what kind
 * of failure it was and Golden Hat's own reason for failing the payout.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE payouts ADD COLUMN failure_reason text;
    -- The payouts already failing: their reason from the raw error, by the messages the adapter writes.
    UPDATE payouts SET failure_reason = CASE
        WHEN last_error LIKE 'Golden Hat unreachable%' THEN 'Golden Hat could not be reached'
        WHEN last_error LIKE 'Golden Hat failed the payout: %' THEN left(last_error, 300)
        ELSE 'Golden Hat refused the payout'
      END
      WHERE last_error IS NOT NULL;
  `);
}
