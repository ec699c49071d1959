import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the slow fault tests of issue #18 (real processes, real PostgreSQL restarts),
 * files named `*.faults.test.ts`, which `npm test`'s run leaves out. Each file starts what it needs.
 */
export default defineConfig({
  ssr: { resolve: { conditions: ['@chorecat/source', 'node', 'development|production'] } },
  test: {
    include: ['server/**/*.faults.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
  },
});
