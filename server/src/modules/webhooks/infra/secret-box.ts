import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Endpoints' signing secrets at rest: AES-256-GCM under a key derived from
 * WEBHOOKS_ENCRYPTION_KEY. They must be recoverable (each delivery is
 * signed with them), so they cannot be hashed; encrypted, a database dump
 * or backup alone cannot forge a delivery. Stored as `v1.<iv>.<tag>.<data>`
 * (base64url); the endpoint's id is the additional data, so a ciphertext
 * copied onto another endpoint does not decrypt.
 */
export interface SecretBox {
  seal(plaintext: string, endpointId: string): string;
  open(sealed: string, endpointId: string): string;
}

export function createSecretBox(keyMaterial: string): SecretBox {
  const key = createHash('sha256').update(`chorecat webhooks secret box\0${keyMaterial}`).digest();
  return {
    seal(plaintext, endpointId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(endpointId));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, endpointId) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed webhook secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(endpointId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
