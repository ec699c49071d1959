import type { Kernel } from '../../../platform/module.ts';
import { sql, type Tx } from '../../../platform/database.ts';
import { findUserById, findUsersByIds } from '../infra/users.repository.ts';

/** Where to email a user (other modules' notifications); undefined for unknown or erased users. */
export async function findContact(
  kernel: Pick<Kernel, 'db'>,
  userId: string,
  tx?: Tx,
): Promise<{ email: string; name: string } | undefined> {
  const user = await findUserById(kernel.db, userId, tx);
  if (!user || user.erased_at) return undefined;
  return { email: user.email, name: user.name };
}

/**
 * Who the ids on a staff page are (names and emails, one query for all):
 * erased users read as erased, unknown ids are absent. Staff-only callers.
 */
export async function contactsOf(
  kernel: Pick<Kernel, 'db'>,
  ids: readonly string[],
): Promise<Map<string, { name: string; email: string; roles: string[]; erased: boolean }>> {
  const rows = await findUsersByIds(kernel.db, [...new Set(ids)]);
  return new Map(
    rows.map((u) => [
      u.id,
      u.erased_at
        ? { name: 'erased user', email: '', roles: [], erased: true }
        : { name: u.name, email: u.email, roles: [...u.roles], erased: false },
    ]),
  );
}

/** Everyone holding `role` who can be emailed (active, not erased): staff notifications. */
export async function contactsWithRole(
  kernel: Pick<Kernel, 'db'>,
  role: string,
  tx?: Tx,
): Promise<{ id: string; email: string; name: string }[]> {
  return sql<{ id: string; email: string; name: string }>(
    kernel.db,
    'SELECT id, email, name FROM users WHERE $1 = ANY(roles) AND NOT disabled AND erased_at IS NULL ORDER BY email',
    [role],
    tx,
  );
}

/** The worker pool: ids of active workers (not disabled, not erased). */
export async function activeWorkerIds(kernel: Pick<Kernel, 'db'>): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    kernel.db,
    "SELECT id FROM users WHERE 'worker' = ANY(roles) AND NOT disabled AND erased_at IS NULL ORDER BY id",
  );
  return rows.map((r) => r.id);
}

/** Ids of the users whose name or email contains `text` (the panel's searches by person), at most `limit`. */
export async function userIdsMatching(kernel: Pick<Kernel, 'db'>, text: string, limit = 500): Promise<string[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql<{ id: string }>(kernel.db, 'SELECT id FROM users WHERE name ILIKE $1 OR email ILIKE $1 ORDER BY id LIMIT $2', [
    pattern,
    limit,
  ]);
  return rows.map((r) => r.id);
}
