import type { Kernel } from '../../../platform/module.ts';
import { sql, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { insertRefreshToken, revokeAllForUser } from '../infra/refresh-tokens.repository.ts';
import { endAccessTokens } from '../infra/users.repository.ts';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * Starts a sign-in: a new refresh-token family and an access token. The
 * user's row is share-locked and its token generation compared with the one
 * seen when the credential was checked: a sign-in that raced a reset (the
 * old password checked a moment before it changed) gets nothing.
 */
export async function issueSession(
  kernel: Pick<Kernel, 'db' | 'clock' | 'tokens'>,
  tx: Tx,
  user: { id: string; roles: Role[]; tokenGeneration: number },
): Promise<Tokens> {
  const seen = user.tokenGeneration;
  const [row] = await sql<{ token_generation: number; disabled: boolean; erased_at: Date | null }>(
    kernel.db,
    'SELECT token_generation, disabled, erased_at FROM users WHERE id = $1 FOR SHARE',
    [user.id],
    tx,
  );
  if (!row || row.disabled || row.erased_at || row.token_generation !== seen) {
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong.');
  }
  const refresh = await insertRefreshToken(kernel.db, tx, user.id, kernel.tokens.now());
  const access = await kernel.tokens.issueAccessToken({ id: user.id, roles: user.roles, tokenGeneration: seen });
  return { accessToken: access.token, refreshToken: refresh.token, expiresIn: access.expiresIn };
}

/** Signs a user out everywhere at once: every refresh token revoked, every access token ended. Returns the new generation. */
export async function signOutEverywhere(kernel: Pick<Kernel, 'db' | 'tokens'>, tx: Tx, userId: string): Promise<number> {
  await revokeAllForUser(kernel.db, tx, userId, kernel.tokens.now());
  return endAccessTokens(kernel.db, tx, userId);
}
