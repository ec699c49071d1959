import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';

/** A sign-in started at a provider: what its callback must bring back (state) and prove (nonce, PKCE verifier). */
export async function saveLoginState(
  db: Database,
  login: { state: string; provider: string; nonce: string; codeVerifier: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  // Abandoned sign-ins are swept whenever a new one starts.
  await execute(db, 'DELETE FROM oidc_login_states WHERE expires_at < $1', [now]);
  await execute(db, 'INSERT INTO oidc_login_states (state, provider, nonce, code_verifier, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    login.state,
    login.provider,
    login.nonce,
    login.codeVerifier,
    login.expiresAt,
  ]);
}

/** Spends a live login state at once (a replayed callback finds nothing). */
export async function spendLoginState(
  db: Database,
  state: string,
  provider: string,
  now: Date,
): Promise<{ nonce: string; code_verifier: string } | undefined> {
  const { rows } = await execute<{ nonce: string; code_verifier: string }>(
    db,
    'DELETE FROM oidc_login_states WHERE state = $1 AND provider = $2 AND expires_at > $3 RETURNING nonce, code_verifier',
    [state, provider, now],
  );
  return rows[0];
}

export async function findLinkedUserId(db: Database, tx: Tx, provider: string, subject: string): Promise<string | undefined> {
  const [linked] = await sql<{ user_id: string }>(
    db,
    'SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2',
    [provider, subject],
    tx,
  );
  return linked?.user_id;
}

export async function linkIdentity(
  db: Database,
  tx: Tx,
  identity: { provider: string; subject: string; userId: string; email: string },
  now: Date,
): Promise<void> {
  await execute(
    db,
    'INSERT INTO user_identities (provider, subject, user_id, email, created_at) VALUES ($1, $2, $3, $4, $5)',
    [identity.provider, identity.subject, identity.userId, identity.email, now],
    tx,
  );
}
