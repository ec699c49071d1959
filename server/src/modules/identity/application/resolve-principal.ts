import type { Kernel } from '../../../platform/module.ts';
import type { ResolvedCaller } from '../../../platform/http/auth.ts';
import { findCallerById } from '../infra/users.repository.ts';

/**
 * Turns a verified access token's subject into the caller, from the users
 * table: a disabled or erased user is refused at once (not 15 minutes
 * later), role changes apply to the next request, and the token generation
 * read with them ends tokens issued before a reset, erasure or disabling.
 */
export async function resolvePrincipal(kernel: Pick<Kernel, 'db'>, userId: string): Promise<ResolvedCaller | null> {
  const user = await findCallerById(kernel.db, userId);
  if (!user || user.disabled || user.erased_at) return null;
  return { id: user.id, roles: user.roles, tokenGeneration: user.token_generation };
}
