import type { MigrationContext } from '../../../platform/migrations.ts';

// Access tokens are stateless JWTs; this counter lets a password reset, an
// erasure or disabling end those already issued (each token carries the
// generation it was issued in, compared with the row on every request).
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`ALTER TABLE users ADD COLUMN token_generation integer NOT NULL DEFAULT 0 CHECK (token_generation >= 0);`);
}
