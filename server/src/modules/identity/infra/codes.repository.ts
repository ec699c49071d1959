import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import { CODE_TTL_MS, formatCode } from '../domain/policy.ts';

export type CodePurpose = 'verify_email' | 'reset_password';

/** Codes are stored as an HMAC keyed by a server secret: a leaked table does not give codes away. */
function hashCode(pepper: string, userId: string, purpose: CodePurpose, code: string): string {
  return createHmac('sha256', pepper).update(`${purpose}:${userId}:${code}`).digest('hex');
}

/** Issues a fresh code, replacing any live one for the same user and purpose. Returns the plain code (for the email only). */
export async function issueCode(
  db: Database,
  tx: Tx,
  pepper: string,
  userId: string,
  purpose: CodePurpose,
  now: Date,
): Promise<{ id: string; code: string }> {
  const code = formatCode(randomInt(0, 1_000_000));
  // One issuer at a time per user: two concurrent issuers would both see no live code and both insert one.
  await execute(db, 'SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId], tx);
  await voidCode(db, tx, userId, purpose, now);
  const { rows } = await execute<{ id: string }>(
    db,
    `INSERT INTO one_time_codes (user_id, purpose, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [userId, purpose, hashCode(pepper, userId, purpose, code), new Date(now.getTime() + CODE_TTL_MS), now],
    tx,
  );
  return { id: rows[0]!.id, code };
}

/** Spends the live code of a purpose, if any (it must no longer work). */
export async function voidCode(db: Database, tx: Tx, userId: string, purpose: CodePurpose, now: Date): Promise<void> {
  await execute(
    db,
    'UPDATE one_time_codes SET consumed_at = $3 WHERE user_id = $1 AND purpose = $2 AND consumed_at IS NULL',
    [userId, purpose, now],
    tx,
  );
}

export type CodeCheck = 'ok' | 'wrong' | 'spent';

/**
 * Checks a submitted code against the live one (row-locked, so concurrent
 * guesses count one by one). A wrong guess costs an attempt; the last
 * attempt, an expiry or a use spends the code.
 */
export async function checkCode(
  db: Database,
  tx: Tx,
  pepper: string,
  userId: string,
  purpose: CodePurpose,
  code: string,
  now: Date,
  maxAttempts: number,
): Promise<CodeCheck> {
  const [row] = await sql<{ id: string; code_hash: string; attempts: number; expires_at: Date }>(
    db,
    'SELECT id, code_hash, attempts, expires_at FROM one_time_codes WHERE user_id = $1 AND purpose = $2 AND consumed_at IS NULL FOR UPDATE',
    [userId, purpose],
    tx,
  );
  if (!row || new Date(row.expires_at) <= now || row.attempts >= maxAttempts) return 'spent';
  const expected = Buffer.from(row.code_hash, 'hex');
  const given = Buffer.from(hashCode(pepper, userId, purpose, code), 'hex');
  if (timingSafeEqual(expected, given)) {
    await execute(db, 'UPDATE one_time_codes SET consumed_at = $2 WHERE id = $1', [row.id, now], tx);
    return 'ok';
  }
  const attempts = row.attempts + 1;
  await execute(
    db,
    `UPDATE one_time_codes SET attempts = $2${attempts >= maxAttempts ? ', consumed_at = $3' : ''} WHERE id = $1`,
    attempts >= maxAttempts ? [row.id, attempts, now] : [row.id, attempts],
    tx,
  );
  return 'wrong';
}
