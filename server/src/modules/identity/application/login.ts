import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { authenticateWithPassword } from './authenticate-with-password.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Email + password → a short-lived access token and a refresh token (stored hashed, new family). */
export async function login(kernel: Pick<Kernel, 'db' | 'tokens' | 'clock'>, input: { email: string; password: string }): Promise<Tokens> {
  const user = await authenticateWithPassword(kernel, input.email, input.password);
  if (!user) throw new AppError('AUTH.INVALID_CREDENTIALS', 'The email or the password is wrong.');
  const access = await kernel.tokens.issueAccessToken({ id: user.id, roles: user.roles });
  const refreshToken = randomBytes(32).toString('base64url');
  const now = kernel.clock.now();
  await kernel.db.sequelize.query(
    'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
    {
      bind: [
        user.id,
        randomUUID(),
        createHash('sha256').update(refreshToken).digest('hex'),
        new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
        now,
      ],
    },
  );
  return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
}
