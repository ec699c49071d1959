import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';

/**
 * Keeps sdk/README.md's code and its typechecked copy
 * (readme-snippets.typecheck.ts) in step: every line of every ts/js block
 * of the README must be in the copy, compared without whitespace and
 * trailing commas (Prettier breaks long lines there). So a snippet edited in
 * the README alone, or a copy that drifts, fails here, and tsc checks the copy.
 */
const sdk = path.resolve(import.meta.dirname, '..');
const normalize = (code: string) => code.replace(/,(\s*[)\]}])/g, '$1').replace(/\s+/g, '');

function snippetLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```(?:ts|js)\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.trim())
      // Imports are merged into one at the copy's top; brackets alone say nothing.
      .filter((line) => line !== '' && !line.startsWith('import ') && !/^[{}()[\];,]+$/.test(line)),
  );
}

describe('the SDK README snippets', () => {
  it('are all in the typechecked copy', () => {
    const readme = readFileSync(path.join(sdk, 'README.md'), 'utf8');
    const copy = normalize(readFileSync(path.join(sdk, 'test/readme-snippets.typecheck.ts'), 'utf8'));
    const lines = snippetLines(readme);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((line) => !copy.includes(normalize(line).replace(/,$/, '')))).toEqual([]);
  });
});
