import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE service_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
      active boolean NOT NULL DEFAULT true,
      -- The consumables kit template: [{ "name": …, "quantity": … }].
      kit_items jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(kit_items) = 'array'),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX service_types_name_unique ON service_types (lower(name));
  `);
}
