import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Builds the published package into sdk/dist/ (the workspace itself runs the
 * TypeScript source through the "@chorecat/source" export condition and never
 * needs this):
 *
 * - dist/: ES modules, `.d.ts`, source maps and declaration maps, one file per
 *   source file, by tsc (tsconfig.build.json). The maps point into src/, which
 *   the package ships, so a debugger and "go to definition" land in the source.
 * - dist/cjs/: the same as one CommonJS file (esbuild), for `require()` where
 *   Node's require(esm) is not used (Jest, older bundlers), with a copy of the
 *   declarations under a `{"type":"commonjs"}` package.json so TypeScript
 *   reads them as CommonJS. Node ≥ 20.19 takes the ESM build for `require()`
 *   too ("module-sync"), so a Node process holds one copy of the SDK.
 */
const sdk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(sdk, 'dist');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(sdk, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(sdk, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// tsc rewrites `./x.ts` to `./x.js` in JavaScript (rewriteRelativeImportExtensions) but keeps
// `.ts` in declarations, which older TypeScript and other tools do not resolve.
const RELATIVE_TS = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g;
const declarations = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file));
for (const file of declarations(dist)) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(RELATIVE_TS, '$1$2.js$3'));
}

// The CommonJS declarations are a copy one folder down: their maps' sources move with them.
const cjs = path.join(dist, 'cjs');
for (const file of declarations(dist)) {
  const copy = path.join(cjs, path.relative(dist, file));
  cpSync(file, copy);
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  map.sources = map.sources.map((source) => path.relative(path.dirname(copy), path.resolve(path.dirname(file), source)));
  writeFileSync(`${copy}.map`, JSON.stringify(map));
}
writeFileSync(path.join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
await build({
  entryPoints: [path.join(sdk, 'src/index.ts')],
  outfile: path.join(cjs, 'index.js'),
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  // openapi-fetch is bundled in: esbuild gives an ES module's default import of a CommonJS
  // file Node's meaning (module.exports), which is not openapi-fetch's index.cjs `exports.default`.
  external: Object.keys(pkg.dependencies ?? {})
    .filter((name) => name !== 'openapi-fetch')
    .flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
process.stdout.write(`built ${path.relative(process.cwd(), dist)}\n`);
