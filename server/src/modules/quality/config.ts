import { z } from 'zod';
import { defineConfigSlice } from '../../platform/config.ts';

declare module '../../platform/config.ts' {
  interface Config {
    /** The share of completed orders sampled into the review queue, in percent (SPEC §10: default 5 %). */
    reviewSamplePercent: number;
  }
}

export const qualityConfig = defineConfigSlice({
  env: {
    REVIEW_SAMPLE_PERCENT: z.coerce.number().min(0).max(100).default(5),
  },
  load: (env) => ({ reviewSamplePercent: env.REVIEW_SAMPLE_PERCENT }),
});
