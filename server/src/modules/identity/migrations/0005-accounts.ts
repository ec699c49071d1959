import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    ALTER TABLE users
      ADD COLUMN phone text,
      ADD COLUMN address text,
      ADD COLUMN avatar_url text,
      ADD COLUMN erased_at timestamptz;

    -- One-time codes (email verification, password reset): only an HMAC of the code is kept.
    CREATE TABLE one_time_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
      code_hash text NOT NULL,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz,
      created_at timestamptz NOT NULL
    );
    -- At most one live code per user and purpose: a new one replaces the old.
    CREATE UNIQUE INDEX one_time_codes_live ON one_time_codes (user_id, purpose) WHERE consumed_at IS NULL;

    ALTER TABLE refresh_tokens ADD COLUMN replaced_by uuid REFERENCES refresh_tokens (id);

    -- The audit log of manager and admin actions.
    CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_roles text[] NOT NULL DEFAULT '{}',
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text,
      before jsonb,
      after jsonb,
      request_id text
    );
    CREATE INDEX audit_log_at ON audit_log (at DESC);
    CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
  `);
}
