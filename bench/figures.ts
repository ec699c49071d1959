import os from 'node:os';

/**
 * The benchmarks' convention: each script prints one JSON object on stdout,
 * `{ bench, machine, figures, …details }`, where every figure has a name, a
 * value and a unit, and those with a target (">= 0.5", "< 50", "<= 3") say
 * whether they meet it. `npm run bench` (bench/run-all.ts) collects them.
 */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target?: string;
  ok?: boolean;
}

export function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown', node: process.version };
}

/** Whether `value` meets a target written as an operator and a number (">= 0.5", "< 50"). */
export function meets(value: number | null, target: string): boolean {
  const match = /^\s*(>=|<=|>|<|==)\s*(-?[\d.]+)\s*$/.exec(target);
  if (!match || value === null || !Number.isFinite(value)) return false;
  const bound = Number(match[2]);
  switch (match[1]) {
    case '>=':
      return value >= bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '<':
      return value < bound;
    default:
      return value === bound;
  }
}

/** A figure, with `ok` worked out from its target when it has one. */
export function figure(name: string, value: number | null, unit: string, target?: string): Figure {
  return target === undefined ? { name, value, unit } : { name, value, unit, target, ok: meets(value, target) };
}
