import { col, defineTable } from '../../../platform/table.ts';
import type { Role } from '../../../platform/http/auth.ts';

/** Identity's tables as the code sees them (history: migrations/). */

export const usersTable = defineTable('users', {
  id: col.uuid({ primaryKey: true }),
  email: col.text(),
  name: col.text(),
  password_hash: col.text.nullable({ secret: true }),
  roles: col.textArray<Role[]>(),
  disabled: col.boolean(),
  email_verified_at: col.timestamptz.nullable(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
  phone: col.text.nullable(),
  address: col.text.nullable(),
  avatar_url: col.text.nullable(),
  erased_at: col.timestamptz.nullable(),
  /** Access tokens carry the generation they were issued in; bumping it ends every one issued before. */
  token_generation: col.integer(),
  /** A worker's home base in millionths of a degree (nearest-available matching): both or neither. */
  home_lat_e6: col.integer.nullable(),
  home_lng_e6: col.integer.nullable(),
});

/** Refresh tokens, stored only as SHA-256 hashes; a family is the chain of rotations from one sign-in. */
export const refreshTokensTable = defineTable('refresh_tokens', {
  id: col.uuid({ primaryKey: true }),
  user_id: col.uuid(),
  family_id: col.uuid(),
  token_hash: col.text({ secret: true }),
  expires_at: col.timestamptz(),
  created_at: col.timestamptz(),
  used_at: col.timestamptz.nullable(),
  revoked_at: col.timestamptz.nullable(),
  replaced_by: col.uuid.nullable(),
});

/** One-time codes (email verification, password reset): only an HMAC of the code is kept. */
export const oneTimeCodesTable = defineTable('one_time_codes', {
  id: col.uuid({ primaryKey: true }),
  user_id: col.uuid(),
  purpose: col.text<'verify_email' | 'reset_password'>(),
  code_hash: col.text({ secret: true }),
  attempts: col.integer(),
  expires_at: col.timestamptz(),
  consumed_at: col.timestamptz.nullable(),
  created_at: col.timestamptz(),
});

/** An account at an OpenID Connect provider, linked to one of our users. */
export const userIdentitiesTable = defineTable('user_identities', {
  provider: col.text({ primaryKey: true }),
  subject: col.text({ primaryKey: true }),
  user_id: col.uuid(),
  email: col.text.nullable(),
  created_at: col.timestamptz(),
});

/** A sign-in started at a provider and not yet finished; what its callback must bring back and prove. */
export const oidcLoginStatesTable = defineTable('oidc_login_states', {
  state: col.text({ primaryKey: true, secret: true }),
  provider: col.text(),
  nonce: col.text({ secret: true }),
  code_verifier: col.text({ secret: true }),
  expires_at: col.timestamptz(),
});

/**
 * The roles the database lets users hold (history: migrations/0023),
 * written by the migrator from the registry (platform/migrations.ts,
 * allowRoles) and read by the trigger on users.roles.
 */
export const rolesTable = defineTable('roles', {
  name: col.text({ primaryKey: true }),
});

export const IDENTITY_TABLES = [usersTable, refreshTokensTable, oneTimeCodesTable, userIdentitiesTable, oidcLoginStatesTable, rolesTable];
