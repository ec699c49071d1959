import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run @chorecat/sdk from its TypeScript source (its "@chorecat/source" export), not a build;
  // the rest are Vitest's default server conditions (Vite's without "module"), which a list given here replaces.
  ssr: { resolve: { conditions: ['@chorecat/source', 'node', 'development|production'] } },
  test: {
    // A module's and the kernel's tests live beside them (modules/<m>/test/, platform/test/);
    // server/test/ keeps the cross-cutting suites: e2e/, fuzz/, the fixture module.
    include: ['server/src/**/test/**/*.test.ts', 'server/test/**/*.test.ts', 'sdk/test/**/*.test.ts', 'admin/test/**/*.test.ts'],
    // Real processes killed, restarted or cut off (issue #18): slow, so `npm run test:faults` runs them (CI does too).
    exclude: ['**/node_modules/**', '**/*.faults.test.ts'],
    globalSetup: ['server/test/helpers/global-setup.ts'],
    // Fails the test whose request got an error code its operation does not document (x-error-codes).
    setupFiles: ['server/test/helpers/error-codes-setup.ts'],
    // Each integration file gets its own database (a clone of a migrated template).
    pool: 'forks',
    // Files run one after another in each worker's module graph: the code is imported once per worker, not per file.
    // No test mocks modules or leaves a global changed (README, "Tests").
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
