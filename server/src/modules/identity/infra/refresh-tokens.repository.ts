import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import { REFRESH_TOKEN_TTL_MS } from '../domain/policy.ts';
import { refreshTokensTable } from './tables.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ROW = ['id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at'] as const;
export type RefreshTokenRow = Pick<RowOf<typeof refreshTokensTable>, (typeof ROW)[number]>;

/** A new refresh token (256 random bits); only its hash is stored. */
export async function insertRefreshToken(
  db: Database,
  tx: Tx,
  userId: string,
  now: Date,
  familyId: string = randomUUID(),
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await execute<{ id: string }>(
    db,
    'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [userId, familyId, hashToken(token), new Date(now.getTime() + REFRESH_TOKEN_TTL_MS), now],
    tx,
  );
  return { id: rows[0]!.id, token };
}

/** Whose token this is, without locking it (to lock the user first: see refreshTokens). */
export async function findRefreshTokenOwner(db: Database, tx: Tx, token: string): Promise<string | undefined> {
  const [row] = await sql<{ user_id: string }>(db, 'SELECT user_id FROM refresh_tokens WHERE token_hash = $1', [hashToken(token)], tx);
  return row?.user_id;
}

export async function findRefreshTokenForUpdate(db: Database, tx: Tx, token: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await sql<RefreshTokenRow>(
    db,
    `SELECT ${refreshTokensTable.listOf(ROW)} FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hashToken(token)],
    tx,
  );
  return row;
}

export async function revokeFamily(db: Database, tx: Tx | undefined, familyId: string, now: Date): Promise<void> {
  await execute(db, 'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now], tx);
}

export async function revokeAllForUser(db: Database, tx: Tx, userId: string, now: Date): Promise<void> {
  await execute(db, 'UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now], tx);
}

export async function markRotated(db: Database, tx: Tx, id: string, replacedBy: string, now: Date): Promise<void> {
  await execute(db, 'UPDATE refresh_tokens SET used_at = $2, replaced_by = $3 WHERE id = $1', [id, now, replacedBy], tx);
}
