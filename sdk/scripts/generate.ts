import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundleContract } from './bundle.ts';

/**
 * Bundles the contract (openapi/openapi.yaml and the module folders it
 * `$ref`s) into openapi/bundled/openapi.yaml, the one document the server,
 * the docs page and the validator load, and writes sdk/src/generated/schema.ts
 * from that bundle. `--check` writes nothing and fails when either committed
 * file is stale.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rootFile = 'openapi/openapi.yaml';
const bundleFile = 'openapi/bundled/openapi.yaml';
const schemaFile = 'sdk/src/generated/schema.ts';

const SCHEMA_HEADER = `// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml. Regenerate with \`npm run generate\`;
// \`npm run generate:check\` (part of \`npm test\`) fails when this file is stale.
/* eslint-disable */
`;

let bundled: string;
try {
  bundled = bundleContract(path.join(root, rootFile));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const ast = await openapiTS(bundled, { alphabetize: true, exportType: false });
const outputs = [
  { file: bundleFile, text: bundled },
  { file: schemaFile, text: `${SCHEMA_HEADER}\n${astToString(ast)}` },
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
