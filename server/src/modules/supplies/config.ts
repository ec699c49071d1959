import { z } from 'zod';
import { booleanFlag, defineConfigSlice, port } from '../../platform/config.ts';

/**
 * The cookie supplier (SPEC §6). Outside production a local stand-in
 * speaking the same protocol is started unless SUPPLIER_URL points
 * elsewhere; its key and webhook secret are then generated secrets.
 */
export interface SupplierConfig {
  url: string;
  standIn: boolean;
  standInPort: number;
  deliveryDelayMs: number;
  pollIntervalMs: number;
  timeoutMs: number;
}

declare module '../../platform/config.ts' {
  interface Config {
    supplier: SupplierConfig;
  }
  interface Secrets {
    /** What we present to the supplier, and what its callbacks are signed with. */
    supplierApiKey: string;
    supplierWebhookSecret: string;
  }
}

export const suppliesConfig = defineConfigSlice({
  env: {
    SUPPLIER_URL: z.string().url().optional(),
    SUPPLIER_API_KEY: z.string().min(8).optional(),
    SUPPLIER_WEBHOOK_SECRET: z.string().min(16).optional(),
    SUPPLIER_STAND_IN: booleanFlag.optional(),
    SUPPLIER_STAND_IN_PORT: port.default(4010),
    SUPPLIER_DELIVERY_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(20),
    SUPPLIER_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    SUPPLIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  },
  requiredInProduction: ['SUPPLIER_URL', 'SUPPLIER_API_KEY', 'SUPPLIER_WEBHOOK_SECRET'],
  secrets: { supplierApiKey: 'SUPPLIER_API_KEY', supplierWebhookSecret: 'SUPPLIER_WEBHOOK_SECRET' },
  load(env, context) {
    // The stand-in runs by default in development only, and never when a real supplier is configured.
    const standIn = env.SUPPLIER_STAND_IN ?? (context.env === 'development' && !env.SUPPLIER_URL);
    return {
      supplier: {
        url: env.SUPPLIER_URL ?? (standIn ? `http://127.0.0.1:${env.SUPPLIER_STAND_IN_PORT}` : 'http://127.0.0.1:9'),
        standIn,
        standInPort: env.SUPPLIER_STAND_IN_PORT,
        deliveryDelayMs: Math.round(env.SUPPLIER_DELIVERY_DELAY_SECONDS * 1000),
        pollIntervalMs: env.SUPPLIER_POLL_SECONDS * 1000,
        timeoutMs: env.SUPPLIER_TIMEOUT_MS,
      },
    };
  },
});
