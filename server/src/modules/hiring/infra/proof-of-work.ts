import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createChallenge } from 'altcha-lib/v1';

/**
 * The application form's proof-of-work (ALTCHA, self-hosted: altcha-lib,
 * no third-party service). A challenge is stateless (HMAC-signed, with an
 * expiry in real time); the client finds the number whose SHA-256 with the
 * salt matches; verifying costs one HMAC and one hash. Single use is kept
 * by the caller (`redeemed_challenges`).
 */
export interface ProofOfWork {
  issue(): Promise<{ algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }>;
  /** The challenge's digest when the solution is valid and unexpired; undefined otherwise (synchronous: microseconds). */
  verify(payload: string): string | undefined;
  /**
   * This process's memory of spent solutions, so a replay is refused
   * without the database. `retryKey` (the Idempotency-Key that spent it)
   * still lets that request's own retry through to its stored answer.
   */
  spent(digest: string, retryKey?: string): boolean;
  markSpent(digest: string, retryKey?: string): void;
}

export function createProofOfWork(options: { secret: string; maxNumber: number; ttlMs: number }): ProofOfWork {
  // A key of its own, derived so that no other secret is ever exposed to HMAC oracles.
  const hmacKey = createHmac('sha256', options.secret).update('chorecat:application-challenge').digest('hex');
  const spent = new Map<string, { retryKey?: string; until: number }>();
  return {
    spent(digest, retryKey) {
      const entry = spent.get(digest);
      if (!entry || entry.until < Date.now()) return false;
      return !(retryKey && entry.retryKey === retryKey);
    },
    markSpent(digest, retryKey) {
      const now = Date.now();
      // Bounded, and only as long as the challenge itself could be used.
      if (spent.size >= 100_000) for (const [d, e] of spent) if (e.until < now) spent.delete(d);
      if (spent.size >= 100_000) spent.clear();
      spent.set(digest, { retryKey, until: now + options.ttlMs });
    },
    issue: () => createChallenge({ hmacKey, maxnumber: options.maxNumber, expires: new Date(Date.now() + options.ttlMs) }),
    verify: (payload) => verifyAltchaV1(payload, hmacKey),
  };
}

/**
 * ALTCHA v1 verification, synchronously with node:crypto: the same checks as
 * altcha-lib's `verifySolution` (expiry from the salt's `expires`, then
 * SHA-256(salt + number) = challenge and HMAC(challenge) = signature), but
 * without WebCrypto's thread-pool round trips, so refusing a forged flood
 * costs microseconds. A unit test checks it against altcha-lib itself.
 */
export function verifyAltchaV1(payload: string, hmacKey: string, now = Date.now()): string | undefined {
  if (payload.length > 2_048) return undefined;
  let p: { algorithm?: unknown; challenge?: unknown; number?: unknown; salt?: unknown; signature?: unknown };
  try {
    p = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof p;
  } catch {
    return undefined;
  }
  if (p?.algorithm !== 'SHA-256' || typeof p.challenge !== 'string' || typeof p.salt !== 'string' || typeof p.signature !== 'string')
    return undefined;
  if (typeof p.number !== 'number' || !Number.isSafeInteger(p.number) || p.number < 0) return undefined;
  const expires = Number(new URLSearchParams(p.salt.split('?')[1] ?? '').get('expires'));
  if (!Number.isFinite(expires) || expires <= 0 || expires * 1000 < now) return undefined;
  const challenge = createHash('sha256')
    .update(p.salt + String(p.number))
    .digest('hex');
  const signature = createHmac('sha256', hmacKey).update(challenge).digest('hex');
  const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return same(challenge, p.challenge) && same(signature, p.signature) ? challenge : undefined;
}
