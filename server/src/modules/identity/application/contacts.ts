import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import { findUserById } from '../infra/users.repository.ts';

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
