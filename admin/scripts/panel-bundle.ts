import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PANEL_COMPONENTS, PANEL_COMPONENTS_DIR, PANEL_OVERRIDES } from '../src/index.ts';

/**
 * The panel's component bundle, made once and kept: a folder holding
 * AdminJS's `bundle.js` for the panel's components, in a cache keyed by
 * everything the bundle is made of (the components' sources, the list of
 * components, the bundler's and the browser libraries' versions, the mode).
 * `npm run build` copies it beside the built panel; the tests' global
 * setup hands it to every test platform, so no test file bundles the
 * panel again (AdminJS's `watch()` took 25–45 s a file).
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const CHILD = path.join(HERE, 'panel-bundle-child.ts');
/** What the bundle pulls in besides the components; a new version of any of them makes a new bundle. */
const BUNDLED_PACKAGES = ['adminjs', '@adminjs/design-system', 'chart.js', 'rollup', 'react'];

export function panelBundleKey(mode: 'production' | 'development'): string {
  const hash = createHash('sha256').update(`${mode}\n`);
  hash.update(JSON.stringify([Object.entries(PANEL_COMPONENTS), Object.entries(PANEL_OVERRIDES)]));
  for (const name of readdirSync(PANEL_COMPONENTS_DIR).sort()) {
    hash.update(`\n${name}\n`).update(readFileSync(path.join(PANEL_COMPONENTS_DIR, name)));
  }
  hash.update(readFileSync(CHILD));
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  for (const name of BUNDLED_PACKAGES) hash.update(`\n${name}@${lock.packages[`node_modules/${name}`]?.version ?? '?'}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Returns a folder with the panel's `bundle.js`, bundling it (in a child
 * process: AdminJS reads its bundle folder once per process, at import)
 * only when the cache has none for these sources. Several processes may
 * ask at once: each bundles into its own folder and the first rename wins.
 */
export async function bundlePanelComponents(
  options: { mode?: 'production' | 'development'; cacheDir?: string } = {},
): Promise<{ dir: string; cached: boolean }> {
  const mode = options.mode ?? 'production';
  const cacheDir = options.cacheDir ?? process.env.CHORECAT_PANEL_BUNDLE_CACHE ?? path.join(os.tmpdir(), 'chorecat-panel-bundle');
  const dir = path.join(cacheDir, `${mode}-${panelBundleKey(mode)}`);
  if (existsSync(path.join(dir, 'bundle.js'))) return { dir, cached: true };
  mkdirSync(cacheDir, { recursive: true });
  const work = `${dir}-tmp-${process.pid}-${Date.now()}`;
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO,
      env: { ...process.env, NODE_ENV: mode, ADMIN_JS_TMP_DIR: work },
      maxBuffer: 16 * 1024 * 1024,
    });
    if (!existsSync(path.join(work, 'bundle.js'))) throw new Error(`the panel bundler wrote no bundle.js in ${work}`);
    try {
      renameSync(work, dir);
    } catch (error) {
      // Another process got there first: its bundle is the same.
      if (!existsSync(path.join(dir, 'bundle.js'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { dir, cached: false };
}
