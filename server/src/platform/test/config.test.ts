import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadConfig, ConfigError, configVariables } from '../config.ts';
import { MODULES } from '../../modules/index.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, MODULES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('needs nothing in development and picks documented defaults', () => {
    const config = loadConfig({}, MODULES);
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.sandbox).toBe(true);
    expect(config.businessTimeZone).toBe('UTC');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.mail.devMailbox).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir.endsWith('.chorecat')).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, MODULES).port).toBe(3000);
  });

  it('names every invalid variable in one error', () => {
    const problems = problemsOf({ PORT: 'eighty', ROLE: 'boss', TZ_BUSINESS: 'Mars/Olympus', DATABASE_URL: 'not a url' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/ROLE/);
    expect(problems.join('\n')).toMatch(/TZ_BUSINESS must be an IANA time zone/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems).toHaveLength(4);
  });

  it('rejects ports out of range at the boundary', () => {
    expect(loadConfig({ PORT: '65535' }, MODULES).port).toBe(65535);
    expect(problemsOf({ PORT: '65536' })).toHaveLength(1);
    expect(problemsOf({ PORT: '-1' })).toHaveLength(1);
  });

  it('refuses the sandbox clock in production and requires its secrets', () => {
    const problems = problemsOf({ NODE_ENV: 'production', CHORECAT_SANDBOX: '1' });
    expect(problems).toContain('CHORECAT_SANDBOX the sandbox clock is refused when NODE_ENV=production');
    expect(problemsOf({ NODE_ENV: 'production', SEED_DEMO: '1' })).toContain(
      'SEED_DEMO the demo accounts (a published password) are refused when NODE_ENV=production',
    );
    expect(problemsOf({ NODE_ENV: 'production', SEED_DEMO: '0' }).join()).not.toMatch(/SEED_DEMO/);
    expect(problems).toContain('JWT_SECRET is required in production');
    expect(problems).toContain('SESSION_SECRET is required in production');
    expect(problems).toContain('DATABASE_URL is required in production');
    expect(problems).toContain('SUPPLIER_URL is required in production');
    expect(problems).toContain('SUPPLIER_API_KEY is required in production');
    expect(problems).toContain('SUPPLIER_WEBHOOK_SECRET is required in production');
  });

  it('runs the supplier stand-in in development only, and never when a real supplier is configured', () => {
    expect(loadConfig({}, MODULES).supplier).toMatchObject({ standIn: true, url: 'http://127.0.0.1:4010', deliveryDelayMs: 20_000 });
    expect(loadConfig({ SUPPLIER_URL: 'https://cookies.example' }, MODULES).supplier).toMatchObject({
      standIn: false,
      url: 'https://cookies.example',
    });
    expect(loadConfig({ NODE_ENV: 'test' }, MODULES).supplier.standIn).toBe(false);
    expect(loadConfig({ SUPPLIER_DELIVERY_DELAY_SECONDS: '0.5' }, MODULES).supplier.deliveryDelayMs).toBe(500);
    expect(problemsOf({ SUPPLIER_POLL_SECONDS: '1' }).join()).toMatch(/SUPPLIER_POLL_SECONDS/);
  });

  it('turns the sandbox off in production even when unset, and keeps it on by default elsewhere', () => {
    const production = loadConfig(
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        SESSION_SECRET: 'y'.repeat(32),
        DATABASE_URL: 'postgres://db.internal/chorecat',
        SUPPLIER_URL: 'https://cookies.example',
        SUPPLIER_API_KEY: 'k'.repeat(20),
        SUPPLIER_WEBHOOK_SECRET: 'w'.repeat(20),
        GOLDEN_HAT_URL: 'https://golden-hat.example',
        GOLDEN_HAT_API_KEY: 'g'.repeat(20),
        GOLDEN_HAT_WEBHOOK_SECRET: 'h'.repeat(20),
        WEBHOOKS_ENCRYPTION_KEY: 'e'.repeat(32),
      },
      MODULES,
    );
    expect(production.supplier.standIn).toBe(false);
    // Webhooks to loopback and private networks only outside production (SSRF).
    expect(production.webhooks.allowPrivate).toBe(false);
    expect(loadConfig({}, MODULES).webhooks.allowPrivate).toBe(true);
    expect(production.goldenHat.standIn).toBe(false);
    expect(production.sandbox).toBe(false);
    expect(production.seedDemo).toBe(false);
    expect(production.mail.devMailbox).toBe(false);
    expect(loadConfig({ CHORECAT_SANDBOX: '0' }, MODULES).sandbox).toBe(false);
  });

  it('picks the matching and pricing strategies by name, and refuses unknown ones', () => {
    expect(loadConfig({}, MODULES).matchingStrategy).toBe('random');
    expect(loadConfig({}, MODULES).matchingRanking).toBe('random');
    // The old name of "assign at once, least recently assigned first" still means that.
    const legacy = loadConfig({ MATCHING_STRATEGY: 'least-recently-assigned' }, MODULES);
    expect([legacy.matchingStrategy, legacy.matchingRanking]).toEqual(['random', 'least-recently-assigned']);
    expect(loadConfig({ MATCHING_RANKING: 'nearest' }, MODULES).matchingRanking).toBe('nearest');
    expect(loadConfig({}, MODULES).pricingStrategy).toBe('fixed');
    expect(problemsOf({ MATCHING_STRATEGY: 'nearest' }).join()).toMatch(/MATCHING_STRATEGY/);
    expect(problemsOf({ MATCHING_RANKING: 'closest' }).join()).toMatch(/MATCHING_RANKING/);
  });

  it('takes sequential offers with a deadline of 60 s by default, 10 s to an hour', () => {
    const offers = loadConfig({ MATCHING_STRATEGY: 'offers', MATCHING_RANKING: 'nearest' }, MODULES);
    expect([offers.matchingStrategy, offers.matchingRanking, offers.matchingOfferMs]).toEqual(['offers', 'nearest', 60_000]);
    expect(loadConfig({ MATCHING_OFFER_SECONDS: '10' }, MODULES).matchingOfferMs).toBe(10_000);
    expect(loadConfig({ MATCHING_OFFER_SECONDS: '3600' }, MODULES).matchingOfferMs).toBe(3_600_000);
    for (const bad of ['9', '3601', '45.5', 'soon'])
      expect(problemsOf({ MATCHING_OFFER_SECONDS: bad }).join(), bad).toMatch(/MATCHING_OFFER_SECONDS/);
  });

  it('builds the panel at start unless PANEL says lazy or off, and refuses other values', () => {
    expect(loadConfig({}, MODULES).panel).toBe('on');
    expect(loadConfig({ PANEL: 'lazy' }, MODULES).panel).toBe('lazy');
    expect(loadConfig({ PANEL: 'off' }, MODULES).panel).toBe('off');
    expect(problemsOf({ PANEL: 'no' }).join()).toMatch(/PANEL/);
  });

  it('uses a configured transport instead of the dev mailbox', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:25' }, MODULES).mail.devMailbox).toBe(false);
  });

  it("lists in the README's configuration table exactly the variables the kernel's and the modules' schemas read", () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| variable |')));
    const documented = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_<>]*)`/g)].map((m) => m[1]!));
    expect(documented.length).toBeGreaterThan(40);
    expect([...new Set(documented)].sort()).toEqual([...new Set(configVariables(MODULES))].sort());
    expect(documented).toHaveLength(new Set(documented).size);
  });
});
