import type { MigrationContext } from '../../../platform/migrations.ts';

// Refresh tokens are stored only as SHA-256 hashes. `family_id` groups the
// chain of rotations from one sign-in, so a reused token can revoke its family.
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
  `);
}
