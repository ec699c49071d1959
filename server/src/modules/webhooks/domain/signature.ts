import { createHmac, randomBytes } from 'node:crypto';

/**
 * `Chorecat-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * (SPEC §14), one `v1=` per secret that signs: during a rotation's overlap
 * both the new and the previous secret do, as Stripe does. The key is the
 * secret string exactly as shown to the integrator (`whsec_…`).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signature(s, timestamp, body)}`)].join(',');
}

/** A new signing secret: 32 random bytes, prefixed so a leaked one is recognisable in logs and scanners. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** How long the previous secret still signs after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;
