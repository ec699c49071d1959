import { z } from 'zod';
import { booleanFlag, defineConfigSlice } from '../../platform/config.ts';

/**
 * Webhook deliveries. Loopback and private networks are refused as
 * endpoint addresses in production (SSRF) and allowed by default elsewhere,
 * so a developer can point an endpoint at a receiver on their machine.
 */
export interface WebhooksConfig {
  allowPrivate: boolean;
  timeoutMs: number;
  /**
   * Attempts in flight at once to one endpoint (a slow endpoint uses up only its own lanes). At 1, the
   * default, an endpoint receives its events one at a time in the feed's order (a retry can still reorder).
   */
  perEndpointConcurrency: number;
}

declare module '../../platform/config.ts' {
  interface Config {
    webhooks: WebhooksConfig;
  }
  interface Secrets {
    /** Encrypts endpoints' signing secrets at rest (AES-256-GCM): a database dump alone cannot sign. */
    webhooksEncryptionKey: string;
  }
}

export const webhooksConfig = defineConfigSlice({
  env: {
    WEBHOOKS_ALLOW_PRIVATE: booleanFlag.optional(),
    // Up to a minute: a crash then holds its deliveries, and `webhooks.deliver`'s lock, for up to
    // max(30 s, it + 10 s) (`deliverLockLifetimeMs`: the lock is sized from it, so every value here is kept).
    WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOKS_PER_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(1),
    WEBHOOKS_ENCRYPTION_KEY: z.string().min(32).optional(),
  },
  requiredInProduction: ['WEBHOOKS_ENCRYPTION_KEY'],
  secrets: { webhooksEncryptionKey: 'WEBHOOKS_ENCRYPTION_KEY' },
  load(env, context) {
    return {
      webhooks: {
        allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE ?? context.env !== 'production',
        timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
        perEndpointConcurrency: env.WEBHOOKS_PER_ENDPOINT_CONCURRENCY,
      },
    };
  },
});
