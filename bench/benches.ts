/**
 * Every benchmark `npm run bench` runs, in order. Add a line for a new one:
 * a script under bench/ that prints one JSON object with `figures` on
 * stdout (see figures.ts). `quickArgs`/`quickEnv` make it short for
 * `npm run bench -- --quick`.
 */
export interface BenchEntry {
  name: string;
  script: string;
  quickArgs?: string[];
  quickEnv?: Record<string, string>;
}

export const BENCHES: BenchEntry[] = [
  { name: 'http', script: 'http-baseline.ts', quickEnv: { BENCH_SECONDS: '2' } },
  { name: 'flood', script: 'application-flood.ts', quickEnv: { BENCH_SECONDS: '2' } },
  { name: 'billing', script: 'billing.ts', quickEnv: { BENCH_CLIENTS: '2000', BENCH_ORDERS: '20000' } },
  { name: 'webhooks', script: 'webhooks-isolation.ts', quickEnv: { BENCH_SECONDS: '2' } },
  { name: 'api', script: 'api.ts', quickArgs: ['--quick'] },
  { name: 'memory', script: 'memory.ts', quickArgs: ['--quick'] },
  { name: 'jobs', script: 'jobs.ts', quickArgs: ['--quick'] },
  { name: 'request-cost', script: 'request-cost.ts', quickEnv: { REQUEST_COST_ROUNDS: '1' } },
  { name: 'startup', script: 'startup.ts', quickEnv: { BENCH_RUNS: '1' } },
  { name: 'outbox', script: 'outbox.ts', quickEnv: { BENCH_ORDERS: '100' } },
  { name: 'matching', script: 'matching-nearest.ts', quickEnv: { BENCH_QUERIES: '20' } },
];
