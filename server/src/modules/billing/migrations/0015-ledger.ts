import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- Double-entry ledger (SPEC §8): every movement is one transaction whose
    -- entries sum to zero; balances are sums of entries, never stored.
    CREATE TABLE ledger_accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('client', 'worker', 'platform_revenue', 'fines', 'rewards', 'external_in', 'external_out', 'developers')),
      -- The client or worker for their accounts; null for the platform's own.
      owner_id uuid,
      created_at timestamptz NOT NULL,
      CHECK ((kind IN ('client', 'worker')) = (owner_id IS NOT NULL)),
      UNIQUE NULLS NOT DISTINCT (kind, owner_id)
    );

    CREATE TABLE ledger_transactions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      -- What caused it (a top-up, an invoice …): one transaction per cause and kind.
      reference text NOT NULL,
      description text NOT NULL,
      occurred_at timestamptz NOT NULL,
      UNIQUE (kind, reference)
    );

    CREATE TABLE ledger_entries (
      id bigserial PRIMARY KEY,
      transaction_id uuid NOT NULL REFERENCES ledger_transactions (id),
      account_id uuid NOT NULL REFERENCES ledger_accounts (id),
      -- Hundredths of a cat-unit; positive adds to the account's balance.
      amount_cents bigint NOT NULL CHECK (amount_cents <> 0)
    );
    CREATE INDEX ledger_entries_account ON ledger_entries (account_id);
    CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);

    -- Balanced or nothing: checked at commit, whatever the code does.
    CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE total bigint;
    BEGIN
      SELECT coalesce(sum(amount_cents), 0) INTO total FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
      IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced by % hundredths', NEW.transaction_id, total USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();

    -- The ledger is append-only: corrections are new transactions.
    CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the ledger is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
    CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

    CREATE TABLE top_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      provider text NOT NULL,
      status text NOT NULL CHECK (status IN ('succeeded', 'declined')),
      provider_reference text,
      failure_reason text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX top_ups_client ON top_ups (client_id, created_at);
  `);
}
