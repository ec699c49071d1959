import { z } from 'zod';
import { defineConfigSlice } from '../../platform/config.ts';

declare module '../../platform/config.ts' {
  interface Config {
    /** How long the public event feed keeps an event (GET /v1/events, webhook redelivery). */
    eventsRetentionDays: number;
  }
}

export const eventsConfig = defineConfigSlice({
  env: {
    EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  },
  load: (env) => ({ eventsRetentionDays: env.EVENTS_RETENTION_DAYS }),
});
