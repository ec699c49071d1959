import type { MigrationContext } from '../../../platform/migrations.ts';

// The roles a user may hold come from the module registry (`ROLES` in
// modules/index.ts), not from a list in a migration: the migrator writes
// them into `roles` after migrating (platform/migrations.ts, allowRoles),
// and a trigger checks every element of users.roles against that table, so
// a module introducing a role needs no migration edited and the database
// still refuses a role nobody introduced. (An array's elements cannot carry
// a foreign key, hence the trigger.)
export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE roles (
      name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]{0,63}$')
    );
    -- What users hold already was allowed by the check this replaces.
    INSERT INTO roles (name) SELECT DISTINCT unnest(roles) FROM users;

    CREATE FUNCTION users_roles_known() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      bad_role text;
    BEGIN
      SELECT coalesce(r, 'null') INTO bad_role FROM unnest(NEW.roles) AS r
        WHERE r IS NULL OR NOT EXISTS (SELECT 1 FROM roles WHERE roles.name = r) LIMIT 1;
      IF FOUND THEN
        -- A check violation, as the check it replaces raised: callers and the panel treat it alike.
        RAISE EXCEPTION 'role "%" is not one of the platform''s roles', bad_role
          USING ERRCODE = 'check_violation', TABLE = 'users', COLUMN = 'roles', CONSTRAINT = 'users_roles_known';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER users_roles_known BEFORE INSERT OR UPDATE OF roles ON users
      FOR EACH ROW EXECUTE FUNCTION users_roles_known();

    ALTER TABLE users
      DROP CONSTRAINT users_roles_check,
      ADD CONSTRAINT users_roles_not_empty CHECK (cardinality(roles) > 0);
  `);
}
