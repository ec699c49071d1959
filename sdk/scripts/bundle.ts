import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, parseDocument, isMap, Pair, type YAMLMap, type Scalar } from 'yaml';
import { errorCodesSentence } from '../../server/src/platform/http/documented-errors.ts';

export const BUNDLE_HEADER = `# GENERATED FILE: do not edit by hand.
# Bundled by Redocly from openapi/openapi.yaml and the module folders it references.
# Regenerate with \`npm run generate\`; \`npm run generate:check\` (part of \`npm test\`)
# fails when this file is stale.
`;

// The CLI, not @redocly/openapi-core's API: @redocly/cli 2 ships as one bundle, and the only
// openapi-core installed is the older one openapi-typescript brings along.
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

type Components = { components?: Record<string, Record<string, unknown> | undefined> };

/**
 * The split contract as the one document everything loads: Redocly's bundle
 * of `rootFile`, headed as generated. Throws when Redocly cannot resolve it,
 * or when the bundle holds a component the root does not declare: Redocly
 * names a module schema the root does not list after its key, and one whose
 * name another module already uses `Name-2`, silently, so that name would
 * reach the SDK.
 */
export function bundleContract(rootFile: string): string {
  let bundled: string;
  try {
    bundled = execFileSync(process.execPath, [redocly, 'bundle', path.basename(rootFile)], {
      cwd: path.dirname(rootFile),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    const detail = String((error as { stderr?: unknown }).stderr ?? error);
    throw new Error(`${rootFile} could not be bundled:\n${detail}`, { cause: error });
  }
  const declared = (parse(readFileSync(rootFile, 'utf8')) as Components).components ?? {};
  const undeclared: string[] = [];
  for (const [kind, entries] of Object.entries((parse(bundled) as Components).components ?? {})) {
    for (const name of Object.keys(entries ?? {})) if (!(name in (declared[kind] ?? {}))) undeclared.push(`components.${kind}.${name}`);
  }
  if (undeclared.length) {
    throw new Error(
      `${rootFile} does not declare ${undeclared.join(', ')}: list each module schema or parameter under the root's components ` +
        `(Name: $ref: './<module>/schemas.yaml#/Name'), each name once across modules.`,
    );
  }
  return `${BUNDLE_HEADER}${withErrorCodesInDescriptions(bundled)}`;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);

/**
 * Each operation's description ends with the error codes it can answer
 * (its `x-error-codes` and the common ones that apply), so the docs page,
 * which renders no `x-` extension, shows them. Written here, from the
 * extensions, so the source files hold each list once.
 */
function withErrorCodesInDescriptions(bundled: string): string {
  const doc = parseDocument(bundled);
  const spec = doc.toJS() as Record<string, unknown>;
  for (const item of (doc.get('paths') as YAMLMap).items) {
    for (const pair of (item.value as YAMLMap).items) {
      const method = String((pair.key as Scalar).value);
      const op = pair.value;
      if (!METHODS.has(method) || !isMap(op)) continue;
      const sentence = errorCodesSentence(spec, method, op.toJSON() as never);
      const description = op.get('description');
      if (typeof description === 'string') {
        op.set('description', `${description.trimEnd()}\n\n${sentence}\n`);
      } else {
        const after = op.items.findIndex((p) => String((p.key as Scalar).value) === 'summary');
        op.items.splice(after + 1, 0, new Pair(doc.createNode('description'), doc.createNode(`${sentence}\n`)));
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}
