import { z } from 'zod';
import { booleanFlag, defineConfigSlice, port } from '../../platform/config.ts';

/** Golden Hat, the payout service (SPEC §8); a local stand-in outside production unless GOLDEN_HAT_URL is set. */
export interface GoldenHatConfig {
  url: string;
  standIn: boolean;
  standInPort: number;
  settleDelayMs: number;
  pollIntervalMs: number;
  timeoutMs: number;
}

declare module '../../platform/config.ts' {
  interface Config {
    goldenHat: GoldenHatConfig;
    /** The payment provider top-ups go through (a sandbox one is refused its charges in production). */
    paymentProvider: string;
  }
  interface Secrets {
    /** Our key at Golden Hat, and what its callbacks are signed with. */
    goldenHatApiKey: string;
    goldenHatWebhookSecret: string;
  }
}

export const billingConfig = defineConfigSlice({
  env: {
    PAYMENT_PROVIDER: z.enum(['sandbox-card']).default('sandbox-card'),
    GOLDEN_HAT_URL: z.string().url().optional(),
    GOLDEN_HAT_API_KEY: z.string().min(8).optional(),
    GOLDEN_HAT_WEBHOOK_SECRET: z.string().min(16).optional(),
    GOLDEN_HAT_STAND_IN: booleanFlag.optional(),
    GOLDEN_HAT_STAND_IN_PORT: port.default(4020),
    GOLDEN_HAT_SETTLE_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(10),
    GOLDEN_HAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  },
  requiredInProduction: ['GOLDEN_HAT_URL', 'GOLDEN_HAT_API_KEY', 'GOLDEN_HAT_WEBHOOK_SECRET'],
  secrets: { goldenHatApiKey: 'GOLDEN_HAT_API_KEY', goldenHatWebhookSecret: 'GOLDEN_HAT_WEBHOOK_SECRET' },
  load(env, context) {
    const standIn = env.GOLDEN_HAT_STAND_IN ?? (context.env === 'development' && !env.GOLDEN_HAT_URL);
    return {
      paymentProvider: env.PAYMENT_PROVIDER,
      goldenHat: {
        url: env.GOLDEN_HAT_URL ?? (standIn ? `http://127.0.0.1:${env.GOLDEN_HAT_STAND_IN_PORT}` : 'http://127.0.0.1:9'),
        standIn,
        standInPort: env.GOLDEN_HAT_STAND_IN_PORT,
        settleDelayMs: Math.round(env.GOLDEN_HAT_SETTLE_DELAY_SECONDS * 1000),
        pollIntervalMs: 5 * 60_000,
        timeoutMs: env.GOLDEN_HAT_TIMEOUT_MS,
      },
    };
  },
});
