import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE files (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id),
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX files_owner ON files (owner_id);
  `);
}
