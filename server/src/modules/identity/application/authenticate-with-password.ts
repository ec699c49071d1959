import type { Kernel } from '../../../platform/module.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { verifyPassword } from '../infra/passwords.ts';
import { findUserByEmail } from '../infra/users.repository.ts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerified: boolean;
  /** The user's access-token generation when the password was checked (a session is issued only if it still holds). */
  tokenGeneration: number;
}

/** Checks an email and password; null for any failure, never saying which part was wrong. */
export async function authenticateWithPassword(
  kernel: Pick<Kernel, 'db'>,
  email: string,
  password: string,
): Promise<AuthenticatedUser | null> {
  const user = await findUserByEmail(kernel.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || user.disabled || user.erased_at) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    emailVerified: user.email_verified_at !== null,
    tokenGeneration: user.token_generation,
  };
}
