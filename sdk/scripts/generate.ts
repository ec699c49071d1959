import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bundleContract } from './bundle.ts';
import { renderResources } from './resources.ts';
import { renderSchema } from './schema-types.ts';

/**
 * Bundles the contract (openapi/openapi.yaml and the module folders it
 * `$ref`s) into openapi/bundled/openapi.yaml, the one document the server,
 * the docs page and the validator load, and writes sdk/src/generated/schema.ts
 * (the types) and sdk/src/generated/resources.ts (the resource methods, see
 * resources.ts) from that bundle. `--check` writes nothing and fails when any
 * committed file is stale.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rootFile = 'openapi/openapi.yaml';
const bundleFile = 'openapi/bundled/openapi.yaml';
const schemaFile = 'sdk/src/generated/schema.ts';
const resourcesFile = 'sdk/src/generated/resources.ts';

let bundled: string;
try {
  bundled = bundleContract(path.join(root, rootFile));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const outputs = [
  { file: bundleFile, text: bundled },
  { file: schemaFile, text: await renderSchema(bundled) },
  { file: resourcesFile, text: renderResources(parse(bundled) as Record<string, unknown>) },
];

if (process.argv.includes('--check')) {
  const stale = outputs.filter(({ file, text }) => {
    try {
      return readFileSync(path.join(root, file), 'utf8') !== text;
    } catch {
      return true; // missing counts as stale
    }
  });
  if (stale.length) {
    process.stderr.write(
      `${stale.map((o) => o.file).join(' and ')} ${stale.length === 1 ? 'is' : 'are'} stale: run \`npm run generate\` and commit the result.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${outputs.map((o) => o.file).join(' and ')} are up to date.\n`);
} else {
  for (const { file, text } of outputs) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    process.stdout.write(`wrote ${file} from ${rootFile}\n`);
  }
}
