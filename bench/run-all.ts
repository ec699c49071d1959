/**
 * `npm run bench`: runs every benchmark listed in benches.ts, one after
 * another (each owns the machine while it runs), and writes every figure
 * with its target and whether it holds, and the machine, to
 * bench/results/latest.json, and the same as a table into the README's
 * Performance section (between its `figures` markers). Prints the JSON on
 * stdout. A benchmark that fails is recorded with its error, and the run
 * exits 1.
 *
 *   npm run bench                 # full figures (several minutes)
 *   npm run bench -- --quick      # each benchmark short and small: checks they all run (marked "quick")
 *   npm run bench -- api flood    # only these: their figures replace theirs in latest.json, the others' are kept
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { BENCHES } from './benches.ts';
import { machine, type Figure } from './figures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const chosen = BENCHES.filter((b) => only.length === 0 || only.includes(b.name));

interface Outcome {
  bench: string;
  script: string;
  /** When this benchmark ran (a run of only some keeps the others' figures with their own times). */
  takenAt: string;
  seconds: number;
  figures: Figure[];
  error?: string;
}

// The benchmarks measure the production build (bench/harness.ts starts server/dist/cli.js when it exists):
// build it first, so the figures are of this checkout's code and never of a stale or missing build.
process.stderr.write('bench: npm run build …\n');
const built = await runCommand('npm', ['run', 'build']);
if (built !== 0) {
  process.stderr.write('bench: the build failed\n');
  process.exit(1);
}

const outcomes: Outcome[] = [];
for (const entry of chosen) {
  process.stderr.write(`bench: ${entry.name} (${entry.script}) …\n`);
  const started = performance.now();
  const takenAt = new Date().toISOString();
  const { code, stdout } = await run(entry.script, quick ? (entry.quickArgs ?? []) : [], quick ? (entry.quickEnv ?? {}) : {});
  const seconds = Math.round((performance.now() - started) / 1000);
  let parsed: { figures?: Figure[] } | undefined;
  try {
    parsed = JSON.parse(stdout) as { figures?: Figure[] };
  } catch {
    parsed = undefined;
  }
  if (code !== 0 || !parsed || !Array.isArray(parsed.figures)) {
    const error = code !== 0 ? `exited with ${code}` : 'printed no JSON object with figures';
    // What it measured before failing is kept beside the error.
    const figures = Array.isArray(parsed?.figures) ? parsed.figures : [];
    outcomes.push({ bench: entry.name, script: entry.script, takenAt, seconds, figures, error });
  } else {
    outcomes.push({ bench: entry.name, script: entry.script, takenAt, seconds, figures: parsed.figures });
  }
}

const file = path.join(here, 'results', quick ? 'latest-quick.json' : 'latest.json');
// A run of only some benchmarks keeps the figures of the others from the last run, each with the time it was taken.
const earlier: Outcome[] = [];
if (only.length > 0 && existsSync(file)) {
  const last = JSON.parse(readFileSync(file, 'utf8')) as { takenAt: string; benches: (Omit<Outcome, 'takenAt'> & { takenAt?: string })[] };
  earlier.push(...last.benches.map((b) => ({ ...b, takenAt: b.takenAt ?? last.takenAt })));
}
const all = BENCHES.flatMap((entry) => {
  const outcome = outcomes.find((o) => o.bench === entry.name) ?? earlier.find((o) => o.bench === entry.name);
  return outcome ? [outcome] : [];
});
const figures = all.flatMap((o) => o.figures.map((f) => ({ bench: o.bench, ...f })));
const withTarget = figures.filter((f) => f.target !== undefined);
const result = {
  takenAt: new Date().toISOString(),
  machine: machine(),
  quick,
  summary: {
    benches: all.length,
    failedBenches: all.filter((o) => o.error).map((o) => o.bench),
    targets: withTarget.length,
    targetsMet: withTarget.filter((f) => f.ok).length,
  },
  benches: all,
};
mkdirSync(path.dirname(file), { recursive: true });
// In the repository's own style (`npm test` checks every file with Prettier): short arrays on one line.
writeFileSync(file, await format(JSON.stringify(result), { parser: 'json' }));
// A quick run checks the harness: its figures are not the platform's, so the README keeps the real ones.
if (!quick) writeReadmeFigures(result);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(outcomes.some((o) => o.error) ? 1 : 0);

function writeReadmeFigures(taken: typeof result): void {
  const readme = path.join(here, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- figures:start -->';
  const end = '<!-- figures:end -->';
  if (!text.includes(start) || !text.includes(end)) return;
  const { cpus, model, node } = taken.machine;
  const rows = taken.benches.flatMap((b) =>
    b.error
      ? [`| ${b.bench} | (failed: ${b.error}) | | | |`]
      : b.figures.map(
          (f) =>
            `| ${b.bench} | ${f.name} | ${f.value ?? '–'} ${f.unit} | ${f.target ?? ''} | ${f.ok === undefined ? '' : f.ok ? 'yes' : '**no**'} |`,
        ),
  );
  const table = [
    `Taken on ${cpus} × ${model}, Node ${node}; ${taken.summary.targetsMet} of ${taken.summary.targets} targets met. Each bench's run: ${taken.benches.map((b) => `${b.bench} ${b.takenAt.slice(0, 16).replace('T', ' ')}`).join(', ')} (UTC).`,
    '',
    '| bench | figure | value | target | ok |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  writeFileSync(readme, `${before}\n${table}\n${after}`);
}

function run(script: string, extraArgs: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script), ...extraArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** A command from the repository's root, its output on stderr (stdout is the JSON). */
function runCommand(command: string, commandArgs: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: path.join(here, '..'), stdio: ['ignore', process.stderr, 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
