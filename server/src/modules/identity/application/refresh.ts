import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUserById } from '../infra/users.repository.ts';
import {
  findRefreshTokenForUpdate,
  findRefreshTokenOwner,
  insertRefreshToken,
  markRotated,
  revokeFamily,
} from '../infra/refresh-tokens.repository.ts';
import type { Tokens } from './issue-session.ts';

/**
 * Rotates a refresh token. A token that was already rotated is being
 * replayed (stolen, or a client bug): the whole family is revoked, so
 * whoever holds the newer token is signed out too.
 */
export async function refreshTokens(kernel: Pick<Kernel, 'db' | 'clock' | 'tokens'>, refreshToken: string): Promise<Tokens> {
  const result = await transaction(kernel.db, async (tx) => {
    const now = kernel.tokens.now();
    // The user row first, as a reset, an erasure or a disable lock it before revoking tokens: a rotation either
    // finishes before one of them (whose revocation then sees its new token) or starts after it (and finds its token revoked).
    const owner = await findRefreshTokenOwner(kernel.db, tx, refreshToken);
    if (owner) await findUserById(kernel.db, owner, tx, 'share');
    const row = await findRefreshTokenForUpdate(kernel.db, tx, refreshToken);
    if (!row || row.revoked_at) return { kind: 'invalid' as const };
    if (row.used_at) {
      await revokeFamily(kernel.db, tx, row.family_id, now);
      return { kind: 'reused' as const };
    }
    if (new Date(row.expires_at) <= now) return { kind: 'invalid' as const };
    const user = await findUserById(kernel.db, row.user_id, tx);
    if (!user || user.disabled || user.erased_at) {
      await revokeFamily(kernel.db, tx, row.family_id, now);
      return { kind: 'invalid' as const };
    }
    const next = await insertRefreshToken(kernel.db, tx, user.id, now, row.family_id);
    await markRotated(kernel.db, tx, row.id, next.id, now);
    const access = await kernel.tokens.issueAccessToken({ id: user.id, roles: user.roles, tokenGeneration: user.token_generation });
    return { kind: 'ok' as const, tokens: { accessToken: access.token, refreshToken: next.token, expiresIn: access.expiresIn } };
  });
  if (result.kind === 'reused') {
    throw new AppError(
      'AUTH.REFRESH_TOKEN_REUSED',
      'This refresh token was already used; every session of this sign-in is now signed out. Sign in again.',
    );
  }
  if (result.kind === 'invalid')
    throw new AppError('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is invalid or expired. Sign in again.');
  return result.tokens;
}
