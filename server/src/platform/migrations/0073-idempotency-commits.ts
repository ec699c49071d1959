import type { MigrationContext } from '../migrations.ts';

/**
 * A claim of an Idempotency-Key whose request committed a change: written in
 * the use case's own transaction (`transaction()` under the claim), so it
 * exists exactly when the change does. A claim with one is never run again:
 * should its answer be lost (the process died between the commit and
 * storing the response, or answered a 5xx after committing), a retry gets
 * 409 IDEMPOTENCY.ANSWER_LOST instead of doing it twice. A row of its own,
 * not a column of the key's row, so the use case's transaction never waits
 * on the key's row (its settlement, a retry's claim) nor they on it.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE idempotency_commits (
      claim_id uuid PRIMARY KEY,
      committed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX idempotency_commits_committed_at ON idempotency_commits (committed_at);
    ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_state_check;
    -- lost: the request committed its change but its answer could not be stored; retries are refused, never run.
    ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_state_check CHECK (state IN ('in_flight', 'done', 'lost'));
  `);
}
