import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parse } from 'yaml';
import { renderResources, resourceModel } from '../scripts/resources.ts';
import { renderSchema } from '../scripts/schema-types.ts';

/**
 * `error.code` narrowed by the contract's `x-error-codes` (per operation) and
 * `x-common-error-codes` (root), on a small fixture contract: the SDK's
 * generated files for it are compiled with the real sdk/src/resources.ts, and
 * a probe file's `@ts-expect-error` lines must each meet an error.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = readFileSync(path.join(here, 'fixtures/error-codes.yaml'), 'utf8');

async function typecheck(contract: Record<string, unknown>, probe: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sdk-codes-'));
  try {
    mkdirSync(path.join(dir, 'generated'));
    const text = JSON.stringify(contract);
    writeFileSync(path.join(dir, 'generated/schema.ts'), await renderSchema(text));
    writeFileSync(path.join(dir, 'generated/resources.ts'), renderResources(contract));
    for (const file of ['resources.ts', 'errors.ts']) copyFileSync(path.join(here, '../src', file), path.join(dir, file));
    writeFileSync(path.join(dir, 'probe.ts'), probe);
    const program = ts.createProgram([path.join(dir, 'probe.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      typeRoots: [],
      baseUrl: dir,
      paths: { 'openapi-fetch': [path.resolve(here, '../../node_modules/openapi-fetch/dist/index.d.ts')] },
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PROBE_NARROWED = `
import type { Resources } from './generated/resources.ts';
declare const api: Resources;
export async function probe(): Promise<void> {
  const thing = await api.things.get('x');
  if (thing.error) {
    if (thing.error.code === 'THINGS.GONE') return;
    if (thing.error.code === 'AUTH.UNAUTHENTICATED') return;
    // @ts-expect-error not a code getThing documents
    if (thing.error.code === 'ORDERS.NOPE') return;
  }
  const page = await api.things.list();
  if (page.error) {
    if (page.error.code === 'VALIDATION.FAILED') return;
    // @ts-expect-error getThing's code, not listThings'
    if (page.error.code === 'THINGS.GONE') return;
  }
  // @ts-expect-error limit is 1..5 in the fixture
  void api.things.list({ limit: 6 });
  await api.things.make({ name: 'a', price: '1.00' });
  // @ts-expect-error not an amount
  await api.things.make({ name: 'a', price: '1.0' });
}
`;

const PROBE_UNLISTED = `
import type { Resources } from './generated/resources.ts';
declare const api: Resources;
export async function probe(): Promise<string | undefined> {
  const thing = await api.things.get('x');
  // With no code lists in the contract, any string compares.
  if (thing.error?.code === 'ANY.CODE') return thing.error.code;
  const widened: string | undefined = thing.error?.code;
  return widened;
}
`;

describe('error codes from the contract', () => {
  it('reads x-error-codes and x-common-error-codes', () => {
    const model = resourceModel(parse(fixture));
    expect(model.commonErrorCodes).toEqual(['AUTH.UNAUTHENTICATED', 'VALIDATION.FAILED']);
    expect(Object.fromEntries(model.operations.map((op) => [op.operationId, op.errorCodes]))).toEqual({
      getThing: ['THINGS.GONE', 'THINGS.NOT_FOUND'],
      listThings: null,
      createThing: null,
    });
    const text = renderResources(parse(fixture));
    expect(text).toContain('getThing: CommonErrorCode | "THINGS.GONE" | "THINGS.NOT_FOUND";');
    expect(text).toContain('listThings: CommonErrorCode;');
  });

  it('narrows error.code to the operation’s codes plus the common ones', async () => {
    expect(await typecheck(parse(fixture), PROBE_NARROWED)).toEqual([]);
  }, 60_000);

  it('falls back to string when the contract lists no codes at all', async () => {
    const contract = parse(fixture) as Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };
    delete contract['x-common-error-codes'];
    delete contract.paths['/v1/things/{id}']!.get!['x-error-codes'];
    expect(renderResources(contract)).toContain('export type CommonErrorCode = string;');
    expect(await typecheck(contract, PROBE_UNLISTED)).toEqual([]);
    // The narrowed probe must not compile against the unlisted contract: its @ts-expect-error lines go unused.
    expect((await typecheck(contract, PROBE_NARROWED)).join('\n')).toMatch(/Unused '@ts-expect-error' directive/);
  }, 60_000);
});
