import type { Kernel } from '../../../platform/module.ts';
import type { Tx } from '../../../platform/database.ts';
import type { Role } from '../../../platform/http/auth.ts';
import { insertRefreshToken } from '../infra/refresh-tokens.repository.ts';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Starts a sign-in: a new refresh-token family and an access token. */
export async function issueSession(
  kernel: Pick<Kernel, 'db' | 'clock' | 'tokens'>,
  tx: Tx,
  user: { id: string; roles: Role[] },
): Promise<Tokens> {
  const refresh = await insertRefreshToken(kernel.db, tx, user.id, kernel.tokens.now());
  const access = await kernel.tokens.issueAccessToken({ id: user.id, roles: user.roles });
  return { accessToken: access.token, refreshToken: refresh.token, expiresIn: access.expiresIn };
}
