import type { MigrationContext } from '../migrations.ts';

/**
 * Wakes the outbox dispatchers (`OUTBOX_CHANNEL` in outbox.ts) when messages
 * are written: one NOTIFY per inserting statement, sent by PostgreSQL at the
 * commit of the writing transaction (never for one that rolls back), so a
 * dispatcher that wakes finds the rows committed. Identical notifications of
 * one transaction are folded into one.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('chorecat_outbox', '');
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
  `);
}
