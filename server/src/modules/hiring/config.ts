import { z } from 'zod';
import { defineConfigSlice } from '../../platform/config.ts';

declare module '../../platform/config.ts' {
  interface Config {
    /** Flood defence of the public application form (SPEC §5.2). */
    applications: {
      perAddressPerMinute: number;
      globalPerMinute: number;
      powMaxNumber: number;
      challengeTtlMs: number;
      refusalDelayMs: number;
    };
  }
}

export const hiringConfig = defineConfigSlice({
  env: {
    APPLICATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    APPLICATION_GLOBAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    APPLICATION_POW_MAX_NUMBER: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    APPLICATION_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(200),
    APPLICATION_CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  },
  load: (env) => ({
    applications: {
      perAddressPerMinute: env.APPLICATION_RATE_LIMIT_PER_MINUTE,
      globalPerMinute: env.APPLICATION_GLOBAL_RATE_LIMIT_PER_MINUTE,
      powMaxNumber: env.APPLICATION_POW_MAX_NUMBER,
      challengeTtlMs: env.APPLICATION_CHALLENGE_TTL_SECONDS * 1000,
      refusalDelayMs: env.APPLICATION_REFUSAL_DELAY_MS,
    },
  }),
});
