import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { findRefreshTokenForUpdate, revokeFamily } from '../infra/refresh-tokens.repository.ts';

/** Revokes the sign-in this refresh token belongs to. Unknown tokens are fine: logging out is idempotent. */
export async function logout(kernel: Pick<Kernel, 'db' | 'tokens'>, refreshToken: string): Promise<void> {
  await transaction(kernel.db, async (tx) => {
    const row = await findRefreshTokenForUpdate(kernel.db, tx, refreshToken);
    if (row) await revokeFamily(kernel.db, tx, row.family_id, kernel.tokens.now());
  });
}
