import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadConfig, ConfigError, configVariables } from '../src/platform/config.ts';
import { seedDemoData } from '../src/platform/module.ts';
import { sql } from '../src/platform/database.ts';
import { setUserRoles } from '../src/modules/identity/index.ts';
import { MODULES } from '../src/modules/index.ts';
import { TEST_MODULES } from './fixtures/test-registry.ts';
import type { FixtureService } from './fixtures/fixture-module/index.ts';
import { createTestPlatform, type TestPlatform } from './helpers/platform.ts';

/**
 * A new module is its folder and one registry line: the fixture module
 * (server/test/fixtures/fixture-module/) is registered by the test registry
 * alone, and brings its configuration, secret, role, event, job, personal
 * data and seed without a change anywhere else.
 */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, TEST_MODULES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('a module added by its folder and one registry line', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await createTestPlatform({ modules: TEST_MODULES, env: { FIXTURE_GREETING: 'purr', FIXTURE_TOKEN: 'fixture-token-0123' } });
  });
  afterAll(() => t.close());

  it('imports nothing from outside its folder but the platform', () => {
    const folder = new URL('./fixtures/fixture-module/', import.meta.url);
    for (const file of readdirSync(folder)) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      for (const [, target] of source.matchAll(/from '([^']+)'/g)) {
        expect(target!.startsWith('./') || target!.startsWith('../../../src/platform/') || target === 'zod', `${file}: ${target}`).toBe(
          true,
        );
      }
    }
  });

  it('brings its configuration slice: defaults, its variables beside the kernel’s, one line per bad value, what production requires', () => {
    expect(loadConfig({}, TEST_MODULES).fixture).toEqual({ greeting: 'hello', pingEveryMs: 60_000 });
    expect(t.config.fixture).toEqual({ greeting: 'purr', pingEveryMs: 60_000 });
    expect(configVariables(TEST_MODULES)).toEqual([
      ...configVariables(MODULES),
      'FIXTURE_GREETING',
      'FIXTURE_PING_SECONDS',
      'FIXTURE_TOKEN',
    ]);
    expect(problemsOf({ FIXTURE_PING_SECONDS: 'soon', PORT: 'eighty' })).toEqual([
      'PORT Expected number, received nan',
      'FIXTURE_PING_SECONDS Expected number, received nan',
    ]);
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('FIXTURE_TOKEN is required in production');
    // Without the module its variables are no one's business.
    expect(loadConfig({ FIXTURE_PING_SECONDS: 'soon' }, MODULES).fixture).toBeUndefined();
  });

  it('brings its secret, its role and its personal data', () => {
    expect(t.config.secrets.fixtureToken).toBe('fixture-token-0123');
    expect(t.config.secretVariables.fixtureToken).toBe('FIXTURE_TOKEN');
    expect(t.platform.kernel.roles).toContain('fixture-keeper');
    expect(t.platform.kernel.privacy.list().map((c) => c.section)).toContain('fixture');
  });

  it('brings its role into the database: a user can hold it, with no migration edited, and an unknown role is still refused', async () => {
    const keeper = await t.userWithRoles(['fixture-keeper']);
    const admin = await t.userWithRoles(['admin']);
    const client = await t.userWithRoles(['client']);
    await setUserRoles(t.platform.kernel, {
      actor: { id: admin.id, roles: ['admin'] },
      userId: client.id,
      roles: ['client', 'fixture-keeper'],
    });
    const rows = await sql<{ id: string; roles: string[] }>(t.db, 'SELECT id, roles FROM users WHERE id = ANY($1::uuid[]) ORDER BY email', [
      [keeper.id, client.id],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.roles]))).toEqual({
      [keeper.id]: ['fixture-keeper'],
      [client.id]: ['client', 'fixture-keeper'],
    });
    await expect(sql(t.db, "UPDATE users SET roles = '{fixture-keeper,fixture-thief}' WHERE id = $1", [keeper.id])).rejects.toMatchObject({
      parent: { code: '23514' },
    });
  });

  it('brings a job that publishes its declared event to its subscriber, through the outbox', async () => {
    expect(t.platform.kernel.scheduler.registry.names()).toContain('fixture.ping');
    // As of now: the event is due at once (a run as of a later time would queue it for then).
    const asOf = t.platform.kernel.clock.now();
    expect((await t.platform.kernel.scheduler.runJob('fixture.ping', asOf, 'cli')).outcome).toBe('succeeded');
    await t.platform.kernel.outbox.dispatch();
    const fixture = t.platform.modules.find((m) => m.name === 'fixture')!.provides as FixtureService;
    expect(fixture.received).toEqual([`purr at ${asOf.toISOString()}`]);
  });

  it('brings its demo seed, run after the others', async () => {
    const created = await seedDemoData(t.platform.kernel, TEST_MODULES);
    expect(created.at(-1)).toBe('fixture greeting "purr"');
  });
});
