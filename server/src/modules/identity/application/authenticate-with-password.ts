import type { Kernel } from '../../../platform/module.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { sql } from '../../../platform/database.ts';
import { verifyPassword } from '../infra/passwords.ts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

/** Checks an email and password; null for any failure, never saying which part was wrong. */
export async function authenticateWithPassword(
  kernel: Pick<Kernel, 'db'>,
  email: string,
  password: string,
): Promise<AuthenticatedUser | null> {
  const rows = await sql<{ id: string; email: string; name: string; password_hash: string | null; roles: Role[]; disabled: boolean }>(
    kernel.db,
    'SELECT id, email, name, password_hash, roles, disabled FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}
