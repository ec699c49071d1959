import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bundleContract } from '../scripts/bundle.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the bundled contract', () => {
  it('is the bundle of the split contract, with every component under its root name', () => {
    const committed = readFileSync(path.join(root, 'openapi/bundled/openapi.yaml'), 'utf8');
    expect(bundleContract(path.join(root, 'openapi/openapi.yaml'))).toBe(committed);
    const names = Object.keys((parse(committed) as { components: { schemas: object } }).components.schemas);
    expect(names).toContain('Order');
    expect(names.filter((name) => !/^[A-Z][A-Za-z]*$/.test(name))).toEqual([]);
  });

  describe('of a split contract that misnames a schema', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'chorecat-bundle-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function write(file: string, text: string) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const moduleFiles = (module: string) => {
      write(
        `${module}/paths.yaml`,
        `/${module}:\n  get:\n    operationId: get_${module}\n    responses:\n      '200':\n        description: OK.\n        content:\n          application/json:\n            schema:\n              $ref: './schemas.yaml#/Thing'\n`,
      );
      write(`${module}/schemas.yaml`, `Thing:\n  type: object\n  description: ${module}'s thing.\n`);
    };
    const rootFile = (paths: string[], schemas: string) =>
      `openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths:\n${paths.map((m) => `  /${m}:\n    $ref: './${m}/paths.yaml#/~1${m}'\n`).join('')}components:\n  schemas:\n${schemas}`;

    it('bundles one that declares each schema in the root', () => {
      moduleFiles('a');
      write('openapi.yaml', rootFile(['a'], `    Thing:\n      $ref: './a/schemas.yaml#/Thing'\n`));
      const bundled = parse(bundleContract(path.join(dir, 'openapi.yaml'))) as { components: { schemas: object } };
      expect(Object.keys(bundled.components.schemas)).toEqual(['Thing']);
    });

    it('refuses a module schema the root does not declare', () => {
      moduleFiles('a');
      write('openapi.yaml', rootFile(['a'], `    Other:\n      type: string\n`));
      expect(() => bundleContract(path.join(dir, 'openapi.yaml'))).toThrow(/does not declare components\.schemas\.Thing\b/);
    });

    it('refuses two modules giving a schema the same name', () => {
      moduleFiles('a');
      moduleFiles('b');
      write('openapi.yaml', rootFile(['a', 'b'], `    Thing:\n      $ref: './a/schemas.yaml#/Thing'\n`));
      expect(() => bundleContract(path.join(dir, 'openapi.yaml'))).toThrow(/does not declare components\.schemas\.Thing-2/);
    });
  });
});
