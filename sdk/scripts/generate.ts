import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/**
 * Writes sdk/src/generated/schema.ts from openapi/openapi.yaml.
 * `--check` writes nothing and fails when the committed file is stale.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specFile = path.join(root, 'openapi/openapi.yaml');
const outFile = path.join(root, 'sdk/src/generated/schema.ts');

const HEADER = `// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml. Regenerate with \`npm run generate\`;
// \`npm run generate:check\` (part of \`npm test\`) fails when this file is stale.
/* eslint-disable */
`;

const ast = await openapiTS(pathToFileURL(specFile), { alphabetize: true, exportType: false });
const generated = `${HEADER}\n${astToString(ast)}`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== generated) {
    process.stderr.write('sdk/src/generated/schema.ts is stale: run `npm run generate` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write('sdk/src/generated/schema.ts is up to date.\n');
} else {
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, generated);
  process.stdout.write(`wrote ${path.relative(root, outFile)} from ${path.relative(root, specFile)}\n`);
}
