import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { bundlePanelComponents } from '../../admin/scripts/panel-bundle.ts';

/**
 * `npm run build`: the production build, run from plain JavaScript
 * (`node server/dist/cli.js start`), no tsx or esbuild at run time.
 *
 * - server/dist, admin/dist: every source file of server/src and admin/src
 *   compiled to an ES module of its own (esbuild: a few hundred files in
 *   about a second; `npm run typecheck` is what checks types). One file per
 *   source file, in the workspace's own folder, keeps what the code finds
 *   by its own location where it was: the migrations folders it lists, the
 *   contract (openapi/bundled), the packages of the workspace's
 *   node_modules. `./x.ts` imports become `./x.js`; `@chorecat/admin`
 *   becomes the built panel; packages stay imports from node_modules.
 * - admin/dist/panel-bundle: the panel's component bundle, made here (or
 *   taken from its cache), not at the first start.
 * - sdk/dist: the SDK (`npm run build -w @chorecat/sdk`), unless --no-sdk.
 *
 * `--dist <name>` names the output folders otherwise (the build's own test
 * builds into dist-test, leaving `dist` alone).
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, 'no-sdk': { type: 'boolean' } } });
const DIST = values.dist;
if (!/^dist[a-z0-9-]*$/.test(DIST)) throw new Error(`--dist must be a folder name starting with "dist", got "${DIST}"`);
const serverOut = path.join(REPO, 'server', DIST);
const adminOut = path.join(REPO, 'admin', DIST);

const sources = (dir: string) =>
  readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.split(path.sep).includes('test'))
    .map((file) => path.join(REPO, dir, file));

/** Leaves every import an import (nothing is bundled), pointing at the built files. */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path === '@chorecat/admin') {
        const from = path.dirname(args.importer).replace(path.join(REPO, 'server', 'src'), serverOut);
        return { path: path.relative(from, path.join(adminOut, 'index.js')), external: true };
      }
      if (/^\.{1,2}\//.test(args.path)) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
rmSync(serverOut, { recursive: true, force: true });
rmSync(adminOut, { recursive: true, force: true });
const sdk = values['no-sdk']
  ? Promise.resolve()
  : promisify(execFile)('npm', ['run', 'build', '-w', '@chorecat/sdk'], { cwd: REPO }).then(() => undefined);
const panel = bundlePanelComponents({ mode: 'production' });
const compile = (from: string, to: string) =>
  build({
    entryPoints: sources(from),
    outdir: to,
    outbase: path.join(REPO, from),
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
await Promise.all([compile('server/src', serverOut), compile('admin/src', adminOut)]);
// What the panel finds beside its code: its icon, and the components (AdminJS checks they exist).
cpSync(path.join(REPO, 'admin/src/components'), path.join(adminOut, 'components'), { recursive: true });
cpSync(path.join(REPO, 'admin/src/assets'), path.join(adminOut, 'assets'), { recursive: true });
// The contract as JSON beside the built code: what loadSpec reads instead of parsing the YAML at each start.
{
  const { loadSpec, builtSpecStamp, SPEC_FILE } = await import('../src/platform/http/openapi.ts');
  writeFileSync(path.join(serverOut, 'contract.json'), JSON.stringify({ stamp: builtSpecStamp(), spec: loadSpec(SPEC_FILE) }));
}
const { dir: bundle, cached } = await panel;
mkdirSync(path.join(adminOut, 'panel-bundle'), { recursive: true });
cpSync(path.join(bundle, 'bundle.js'), path.join(adminOut, 'panel-bundle/bundle.js'));
await sdk;
process.stdout.write(
  `built server/${DIST} and admin/${DIST} in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    ` (panel bundle ${cached ? 'from the cache' : 'made'}${values['no-sdk'] ? '' : '; SDK in sdk/dist'})\n`,
);
