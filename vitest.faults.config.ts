import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:faults`: the tests that put real processes through faults —
 * SIGKILL mid-run, SIGTERM with work in flight, a backup restored into a
 * fresh data folder, PostgreSQL stopped under load. Slow by nature, so kept
 * out of `npm test`; CI (`.ci/run`) runs both. The same set-up as npm test's,
 * its file lists replaced (mergeConfig would add to them).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['server/**/*.faults.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 240_000,
  },
});
