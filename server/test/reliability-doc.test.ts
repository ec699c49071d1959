import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers/cli.ts';

/**
 * RELIABILITY.md maps each promise to the test that proves it, by file and by
 * the test's name as quoted from its `it(…)` (issue #18). A renamed, reworded
 * or deleted test would leave a promise naming a proof that no longer exists:
 * every name quoted after a test file must be a test of that file.
 */
const testFiles = readdirSync(REPO, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts') && !e.parentPath.includes('node_modules'))
  .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)));

/** The file a reference names: its path from the repository, from `server/`, or its name alone when only one file has it. */
function resolve(reference: string): string | undefined {
  const candidates = testFiles.filter((file) => file === reference || file.endsWith(`/${reference}`));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The test titles of a file: literal ones as they are, template ones as a pattern (each `${…}` any text). */
function titlesOf(file: string): { literal: string[]; patterns: RegExp[] } {
  const source = readFileSync(path.join(REPO, file), 'utf8');
  const literal: string[] = [];
  const patterns: RegExp[] = [];
  for (const m of source.matchAll(/\b(?:it|test|describe)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/g)) {
    const text = (m[1] ?? m[2] ?? m[3]!).replace(/\\(.)/g, '$1');
    if (m[3] !== undefined && text.includes('${')) {
      const escaped = text.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
      patterns.push(new RegExp(`^${escaped.join('.+')}$`));
    } else {
      literal.push(text);
    }
  }
  return { literal, patterns };
}

/**
 * The quoted names in `text`, a line break read as a space; not the quotes inside an explanation's parentheses
 * (an email's subject), while a name's own parentheses are part of it.
 */
function quotedNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let name: string | undefined;
  for (const char of text) {
    if (name !== undefined) {
      if (char === '"') {
        if (depth === 0) names.push(name.replace(/\s+/g, ' '));
        name = undefined;
      } else {
        name += char;
      }
    } else if (char === '"') {
      name = '';
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return names;
}

describe('RELIABILITY.md', () => {
  const doc = readFileSync(path.join(REPO, 'RELIABILITY.md'), 'utf8');
  // A test file named in backticks, then what follows it up to the next file, the table cell's end or the paragraph's.
  const references = [...doc.matchAll(/`([\w./-]+\.test\.ts)`([^|]*?)(?=`[\w./-]+\.test\.ts`|\||\n\n|$)/gs)];

  it('names test files that exist', () => {
    expect(references.length).toBeGreaterThan(50);
    const unknown = [...new Set(references.map((r) => r[1]!))].filter((reference) => !resolve(reference));
    expect(unknown).toEqual([]);
  });

  it('quotes each test by the name its file gives it', () => {
    const wrong: string[] = [];
    let quoted = 0;
    for (const [, reference, after] of references) {
      const file = resolve(reference!);
      if (!file) continue;
      const titles = titlesOf(file);
      for (const name of quotedNames(after!)) {
        quoted++;
        const known = name.endsWith('…')
          ? titles.literal.some((title) => title.startsWith(name.slice(0, -1).trimEnd()))
          : titles.literal.includes(name) || titles.patterns.some((pattern) => pattern.test(name));
        if (!known) wrong.push(`${reference}: "${name}"`);
      }
    }
    expect(quoted).toBeGreaterThan(80);
    expect(wrong).toEqual([]);
  });
});
