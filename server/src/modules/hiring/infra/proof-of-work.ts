import { createHmac } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';

/**
 * The application form's proof-of-work (ALTCHA, self-hosted: altcha-lib,
 * no third-party service). A challenge is stateless (HMAC-signed, with an
 * expiry in real time); the client finds the number whose SHA-256 with the
 * salt matches; verifying costs one HMAC and one hash. Single use is kept
 * by the caller (`redeemed_challenges`).
 */
export interface ProofOfWork {
  issue(): Promise<{ algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }>;
  /** The challenge's digest when the solution is valid and unexpired; undefined otherwise. */
  verify(payload: string): Promise<string | undefined>;
}

export function createProofOfWork(options: { secret: string; maxNumber: number; ttlMs: number }): ProofOfWork {
  // A key of its own, derived so that no other secret is ever exposed to HMAC oracles.
  const hmacKey = createHmac('sha256', options.secret).update('chorecat:application-challenge').digest('hex');
  return {
    issue: () => createChallenge({ hmacKey, maxnumber: options.maxNumber, expires: new Date(Date.now() + options.ttlMs) }),
    async verify(payload) {
      if (payload.length > 2_048) return undefined;
      let decoded: { challenge?: unknown };
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { challenge?: unknown };
      } catch {
        return undefined;
      }
      if (typeof decoded.challenge !== 'string') return undefined;
      const ok = await verifySolution(payload, hmacKey, true).catch(() => false);
      return ok ? decoded.challenge : undefined;
    },
  };
}
