import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/test/**/*.test.ts', 'sdk/test/**/*.test.ts', 'admin/test/**/*.test.ts'],
    globalSetup: ['server/test/helpers/global-setup.ts'],
    // Each integration file gets its own database (a clone of a migrated template).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
