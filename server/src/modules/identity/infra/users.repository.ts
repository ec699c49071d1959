import { normaliseEmail } from '../domain/policy.ts';
import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { Role } from '../../../platform/http/auth.ts';
import type { RowOf } from '../../../platform/table.ts';
import { usersTable } from './tables.ts';

export type UserRow = RowOf<typeof usersTable>;

const COLUMNS = usersTable.list;

export async function findUserByEmail(db: Database, email: string, tx?: Tx, lock = false): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow>(
    db,
    // Compared in the one canonical form the lockout counts by (normaliseEmail), not PostgreSQL's lower() of the
    // input: the two disagree outside ASCII (JavaScript lowers "İ" to "i̇", PostgreSQL to "i"), and an address
    // that finds the account under a key the lockout does not count would be a way round it.
    `SELECT ${COLUMNS} FROM users WHERE lower(email) = $1${lock ? ' FOR UPDATE' : ''}`,
    [normaliseEmail(email)],
    tx,
  );
  return row;
}

export async function findUserById(db: Database, id: string, tx?: Tx, lock: boolean | 'share' = false): Promise<UserRow | undefined> {
  const clause = lock === 'share' ? ' FOR SHARE' : lock ? ' FOR UPDATE' : '';
  const [row] = await sql<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE id = $1${clause}`, [id], tx);
  return row;
}

/**
 * What authenticating a request needs of its caller, on every authenticated request: five columns, straight
 * through node-postgres as a named (prepared once per connection) statement, not through Sequelize, whose query
 * layer costs more CPU than the query here (issue #17).
 */
export async function findCallerById(
  db: Database,
  id: string,
): Promise<Pick<UserRow, 'id' | 'roles' | 'disabled' | 'erased_at' | 'token_generation'> | undefined> {
  const { rows } = await db.pool.query<Pick<UserRow, 'id' | 'roles' | 'disabled' | 'erased_at' | 'token_generation'>>({
    name: 'identity.caller',
    text: 'SELECT id, roles, disabled, erased_at, token_generation FROM users WHERE id = $1',
    values: [id],
  });
  return rows[0];
}

/** Many users in one query (a page's names); unknown ids are left out. */
export const findUsersByIds = (db: Database, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : sql<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE id = ANY($1::uuid[])`, [ids]);

export async function insertUser(
  db: Database,
  tx: Tx,
  user: { email: string; name: string; passwordHash: string | null; roles: Role[]; verifiedAt: Date | null; now: Date },
): Promise<UserRow | undefined> {
  const { rows } = await execute<UserRow>(
    db,
    `INSERT INTO users (email, name, password_hash, roles, email_verified_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $6)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING ${COLUMNS}`,
    [user.email, user.name, user.passwordHash, user.roles, user.verifiedAt, user.now],
    tx,
  );
  return rows[0];
}

export async function updateUser(
  db: Database,
  tx: Tx,
  id: string,
  changes: Partial<
    Record<
      | 'name'
      | 'phone'
      | 'address'
      | 'avatar_url'
      | 'home_lat_e6'
      | 'home_lng_e6'
      | 'password_hash'
      | 'email'
      | 'email_verified_at'
      | 'erased_at'
      | 'disabled'
      | 'roles',
      unknown
    >
  >,
  now: Date,
): Promise<UserRow> {
  const entries = Object.entries(changes);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}${column === 'roles' ? '::text[]' : ''}`);
  const { rows } = await execute<UserRow>(
    db,
    `UPDATE users SET ${[...sets, `updated_at = $${entries.length + 2}`].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...entries.map(([, value]) => value), now],
    tx,
  );
  return rows[0]!;
}

/**
 * Ends every access token issued so far (they carry the old generation,
 * checked on each request against the row the caller is resolved from).
 */
export async function endAccessTokens(db: Database, tx: Tx, id: string): Promise<number> {
  const { rows } = await execute<{ token_generation: number }>(
    db,
    'UPDATE users SET token_generation = token_generation + 1 WHERE id = $1 RETURNING token_generation',
    [id],
    tx,
  );
  return rows[0]!.token_generation;
}

/** The home bases of these users (those with one), in millionths of a degree as stored. */
export function homeBaseRows(db: Database, ids: readonly string[]) {
  return sql<{ id: string; home_lat_e6: number; home_lng_e6: number }>(
    db,
    'SELECT id, home_lat_e6, home_lng_e6 FROM users WHERE id = ANY($1::uuid[]) AND home_lat_e6 IS NOT NULL',
    [[...ids]],
  );
}

/** The stored home base as the index knows it: the GiST index on users is on exactly this expression. */
const HOME_BASE_EARTH = 'll_to_earth(home_lat_e6 / 1e6::float8, home_lng_e6 / 1e6::float8)';

/**
 * Active workers with a home base, nearest to the point first (the GiST
 * index's KNN order on `<->`; the distance returned is the great circle),
 * leaving out `exclude` (the busy, the order's client), at most `limit`.
 */
export function nearestWorkerRows(db: Database, point: { lat: number; lng: number }, exclude: readonly string[], limit: number) {
  return sql<{ id: string; distance_m: number }>(
    db,
    `SELECT id, round(earth_distance(${HOME_BASE_EARTH}, ll_to_earth($1, $2)))::int AS distance_m
       FROM users
      WHERE home_lat_e6 IS NOT NULL AND 'worker' = ANY(roles) AND NOT disabled AND erased_at IS NULL
        AND id <> ALL($3::uuid[])
      ORDER BY ${HOME_BASE_EARTH} <-> ll_to_earth($1, $2), id
      LIMIT $4`,
    [point.lat, point.lng, [...exclude], limit],
  );
}
