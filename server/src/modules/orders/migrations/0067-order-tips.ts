import type { MigrationContext } from '../../../platform/migrations.ts';

/**
 * Tips (issue 19): a client may tip an accepted order, when accepting it or
 * within 7 days after, several times, in total at most the order's price.
 * Each tip is a row; the order keeps their sum so the cap is the database's
 * rule (a CHECK on the row every tip locks and updates), not only the code's.
 */
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE orders ADD COLUMN tips_cents bigint NOT NULL DEFAULT 0;
    ALTER TABLE orders ADD CONSTRAINT orders_tips_cap CHECK (tips_cents >= 0 AND tips_cents <= coalesce(price_cents, 0));

    CREATE TABLE order_tips (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES orders (id),
      client_id uuid NOT NULL REFERENCES users (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX order_tips_order ON order_tips (order_id, created_at);
  `);
}
