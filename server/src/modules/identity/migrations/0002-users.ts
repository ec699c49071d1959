import type { MigrationContext } from '../../../platform/migrations.ts';

// A minimal users table for the foundation; the identity issue adds
// verification, refresh-token families, SSO links and profiles.
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL,
      password_hash text,
      roles text[] NOT NULL DEFAULT ARRAY['client']::text[]
        CHECK (roles <@ ARRAY['client', 'applicant', 'worker', 'manager', 'supplies', 'admin']::text[]
               AND cardinality(roles) > 0),
      disabled boolean NOT NULL DEFAULT false,
      email_verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
  `);
}
