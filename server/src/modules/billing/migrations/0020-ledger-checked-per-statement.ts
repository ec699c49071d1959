import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * The balance check moves from a deferred row trigger (one query per entry
 * at commit: a quarter of the Sunday run) to one statement-level check over
 * the entries each INSERT writes: every statement must balance each
 * transaction it writes to. Entries are append-only and each statement's
 * additions sum to zero per transaction, so every transaction stays
 * balanced — a stricter rule than before (a transaction's legs are written
 * together, never one by one).
 *
 * The same check holds entries to their transaction and account, in place
 * of two foreign keys whose per-row lookups (each taking a row lock) were
 * another quarter of the run; neither parent can be deleted (transactions
 * are append-only, and accounts now too), so nothing is lost against them.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    DROP TRIGGER ledger_entries_balanced ON ledger_entries;
    DROP FUNCTION ledger_transaction_balanced();
    ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_transaction_id_fkey;
    ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_account_id_fkey;
    CREATE TRIGGER ledger_accounts_kept BEFORE DELETE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
    CREATE TRIGGER ledger_accounts_fixed BEFORE UPDATE OF id ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

    CREATE FUNCTION ledger_entries_checked() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      unbalanced record;
      missing uuid;
    BEGIN
      SELECT transaction_id, sum(amount_cents) AS total INTO unbalanced
      FROM written GROUP BY transaction_id HAVING sum(amount_cents) <> 0 LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced by % hundredths', unbalanced.transaction_id, unbalanced.total
          USING ERRCODE = 'check_violation';
      END IF;
      SELECT w.id INTO missing FROM (SELECT DISTINCT transaction_id AS id FROM written) w
      WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = w.id) LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'ledger entries refer to no transaction (%)', missing USING ERRCODE = 'foreign_key_violation';
      END IF;
      SELECT w.id INTO missing FROM (SELECT DISTINCT account_id AS id FROM written) w
      WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.id = w.id) LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'ledger entries refer to no account (%)', missing USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER ledger_entries_checked AFTER INSERT ON ledger_entries
      REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_checked();
  `);
}
