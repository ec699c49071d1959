import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- An account at an OpenID Connect provider, linked to one of our users.
    CREATE TABLE user_identities (
      provider text NOT NULL,
      subject text NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      email text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (provider, subject)
    );
    CREATE INDEX user_identities_user ON user_identities (user_id);

    -- A sign-in started at a provider and not yet finished: state, nonce and PKCE verifier,
    -- kept in the database so any server process can finish it. Used once.
    CREATE TABLE oidc_login_states (
      state text PRIMARY KEY,
      provider text NOT NULL,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      expires_at timestamptz NOT NULL
    );
  `);
}
