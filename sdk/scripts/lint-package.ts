import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds and packs @chorecat/sdk as `npm publish` would and lints that
 * tarball: publint (package.json fields, exports, files) and Are the
 * Types Wrong (types per resolution mode: node10, node16 CJS and ESM,
 * bundler). One pack, so one build; neither tool touches the network.
 */
const sdk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(sdk, '../node_modules/.bin', name);
const dir = mkdtempSync(path.join(tmpdir(), 'chorecat-sdk-lint-'));
try {
  execFileSync('npm', ['run', 'build'], { cwd: sdk, stdio: 'inherit' });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: sdk,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string }[];
  const tarball = path.join(dir, packed!.filename);
  execFileSync(bin('publint'), ['run', tarball, '--strict'], { stdio: 'inherit' });
  execFileSync(bin('attw'), [tarball, '--profile', 'strict'], { stdio: 'inherit' });
} catch (error) {
  // The tool has printed its findings; its stack trace would only bury them.
  process.stderr.write(`lint:package failed: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
