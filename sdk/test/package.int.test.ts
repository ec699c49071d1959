import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { createTestPlatform, type TestPlatform } from '../../server/test/helpers/platform.ts';

/**
 * @chorecat/sdk as a partner gets it: built, packed, installed from the
 * tarball into a project outside the workspace (so nothing resolves from the
 * workspace's node_modules or source), then imported by plain Node (no tsx)
 * against a running server, typechecked under strict partner settings, and
 * bundled for the browser.
 */
const run = promisify(execFile);
const sdk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(sdk, '../node_modules/typescript/bin/tsc');
// No npm_config_* from an enclosing `npm test` (its workspace settings), no loader from NODE_OPTIONS.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS'));

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** The program a partner writes in plain Node: sign in, read, and get a refusal as a ChorecatError. */
const program = (load: string) => `${load}
const [baseUrl, email, password] = process.argv.slice(2);
const { client } = await sdk.login({ baseUrl }, { email, password });
const clock = sdk.unwrap(await client.GET('/v1/sandbox/clock'));
let refusal;
try {
  sdk.unwrap(await sdk.createChorecat({ baseUrl }).GET('/v1/sandbox/clock'));
} catch (error) {
  refusal = { isChorecatError: error instanceof sdk.ChorecatError, code: error.code, status: error.status };
}
console.log(JSON.stringify({ now: clock.now, refusal, cents: String(sdk.toCents('12.50')) }));
`;

/** A consumer using the public types the way exactOptionalPropertyTypes and strict are hardest on. */
const consumer = (from: string) => `import {
  createChorecat,
  localStorageTokenStore,
  memoryTokenStore,
  toCents,
  formatCents,
  unwrap,
  verifyWebhook,
  waitFor,
  money,
  ChorecatError,
  ChorecatApiError,
  type ChorecatClient,
  type ChorecatEvent,
  type Schemas,
  type TokenStorage,
} from '${from}';

const items = new Map<string, string>();
const storage: TokenStorage = {
  getItem: (key) => items.get(key) ?? null,
  setItem: (key, value) => void items.set(key, value),
  removeItem: (key) => void items.delete(key),
};
export const client: ChorecatClient = createChorecat({
  baseUrl: 'http://localhost:3000',
  tokenStore: localStorageTokenStore('tokens', storage),
  headers: { 'x-partner': 'consumer' },
});
export const other = createChorecat({ baseUrl: 'http://localhost:3000', tokenStore: memoryTokenStore() });
export async function now(): Promise<string> {
  return unwrap(await client.GET('/v1/sandbox/clock')).now;
}
export const total: Schemas['Money'] = formatCents(toCents('1.25') + toCents('2.50'));
export async function onDelivery(body: string, headers: Record<string, string>): Promise<string> {
  const event = (await verifyWebhook(body, headers, 'secret')) as ChorecatEvent;
  return event.type;
}
export const isRefusal = (error: unknown): boolean => error instanceof ChorecatError && error.status === 404;
// The resource methods keep their exactness, codes and pages through the build.
export async function resources(id: string): Promise<number> {
  let seen = 0;
  for await (const order of client.orders.list({ status: 'scheduled', limit: 20 })) seen += order.price ? 1 : 0;
  const cancelled = await client.orders.cancel(id, { reason: 'plans changed' }, { idempotencyKey: 'k-1' });
  if (cancelled.error && cancelled.error.code === 'ORDERS.ILLEGAL_TRANSITION') seen += 1;
  // @ts-expect-error cancelling never answers this code
  if (cancelled.error?.code === 'BIDS.ORDER_STARTED') seen += 1;
  // @ts-expect-error descripton is not a field of an order
  await client.orders.create({ serviceTypeId: id, startsAt: '2030-01-01T09:00:00Z', address: 'x', descripton: 'typo' });
  // @ts-expect-error limit is at most 100
  await client.orders.list({ limit: 1000 });
  await client.topUps.create.orThrow({ amount: money('12.50'), paymentMethod: 'card' });
  const first = await client.orders.list().toArray({ limit: 5 });
  const scheduled = await waitFor(client, id, 'scheduled', { timeoutMs: 1000 });
  try {
    await client.orders.get.orThrow(id);
  } catch (error) {
    if (error instanceof ChorecatApiError && error.retryAfter !== undefined) seen += error.retryAfter;
  }
  return seen + first.length + (scheduled.price ? 1 : 0);
}
`;

const strict = { strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, noEmit: true, target: 'es2019' };

describe('the @chorecat/sdk package', () => {
  let dir: string;
  let project: string;
  let files: string[];
  let t: TestPlatform;
  let baseUrl: string;
  let user: { email: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chorecat-sdk-package-'));
    project = path.join(dir, 'consumer');
    const install = async () => {
      await run('npm', ['run', 'build'], { cwd: sdk, env });
      const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: sdk, env });
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      files = packed!.files.map((file) => file.path).sort();
      write(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      const tarball = path.join(dir, packed!.filename);
      const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'];
      await run('npm', ['install', tarball, '@types/node@^20.19.0', ...flags], { cwd: project, env });
    };
    const serve = async () => {
      t = await createTestPlatform();
      user = await t.userWithRoles(['manager']);
      baseUrl = await t.listen();
    };
    await Promise.all([install(), serve()]);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the build, its source (for the maps) and the changelog, not scripts, tests or configs', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map']),
    );
    expect(files).toEqual(expect.arrayContaining(['dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'src/index.ts']));
    expect(files.filter((file) => !/^(package\.json|CHANGELOG\.md|README\.md|(dist|src)\/.+)$/.test(file))).toEqual([]);
  });

  it('runs a request in plain Node, imported (ESM) and required (Node’s require(esm), and the CommonJS build)', async () => {
    const args = [baseUrl, user.email, 'test-password'];
    write(path.join(project, 'request.mjs'), program(`import * as sdk from '@chorecat/sdk';`));
    write(path.join(project, 'request.cjs'), `(async () => {\n${program(`const sdk = require('@chorecat/sdk');`)}\n})();`);
    const runs = await Promise.all([
      run(process.execPath, ['request.mjs', ...args], { cwd: project, env }),
      run(process.execPath, ['request.cjs', ...args], { cwd: project, env }),
      // Without require(esm) Node takes the "require" export: the CommonJS build.
      run(process.execPath, ['--no-experimental-require-module', 'request.cjs', ...args], { cwd: project, env }),
    ]);
    for (const { stdout } of runs) {
      const result = JSON.parse(stdout) as { now: string; refusal: unknown; cents: string };
      expect(Date.parse(result.now)).not.toBeNaN();
      expect(result.refusal).toEqual({ isChorecatError: true, code: 'AUTH.UNAUTHENTICATED', status: 401 });
      expect(result.cents).toBe('1250');
    }
  }, 120_000);

  it('typechecks a strict consumer under node16 (ESM and CommonJS, Node types, no DOM) and bundler (DOM) resolution', async () => {
    write(path.join(project, 'node16/esm.mts'), consumer('@chorecat/sdk'));
    write(path.join(project, 'node16/cjs.cts'), consumer('@chorecat/sdk'));
    const node16 = { ...strict, module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types: ['node'] };
    write(path.join(project, 'node16/tsconfig.json'), JSON.stringify({ compilerOptions: node16, include: ['*.mts', '*.cts'] }));
    write(path.join(project, 'bundler/browser.ts'), consumer('@chorecat/sdk'));
    const bundler = { ...strict, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'], types: [] };
    write(path.join(project, 'bundler/tsconfig.json'), JSON.stringify({ compilerOptions: bundler, include: ['*.ts'] }));
    const typecheck = (folder: string) =>
      run(process.execPath, [tsc, '-p', path.join(project, folder)], { cwd: project, env }).then(
        () => '',
        (error: { stdout?: string }) => `${folder}:\n${error.stdout ?? String(error)}`,
      );
    expect((await Promise.all([typecheck('node16'), typecheck('bundler')])).join('')).toBe('');
  }, 180_000);

  it('bundles for the browser with esbuild, from the ESM build and with nothing from node:', async () => {
    write(
      path.join(project, 'browser/app.js'),
      `import { createChorecat, localStorageTokenStore, solveApplicationChallenge, verifyWebhook } from '@chorecat/sdk';\n` +
        `const client = createChorecat({ baseUrl: location.origin, tokenStore: localStorageTokenStore() });\n` +
        `export const run = () => Promise.all([solveApplicationChallenge(client), verifyWebhook('{}', {}, 'secret')]);\n`,
    );
    const result = await build({
      entryPoints: [path.join(project, 'browser/app.js')],
      absWorkingDir: project,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('node_modules/@chorecat/sdk/dist/index.js');
    expect(inputs.some((input) => input.startsWith('node_modules/altcha-lib/'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('/src/'))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/\bnode:/);
  }, 60_000);
});
