import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(REPO, 'server/src/cli.ts');

/** Who a child process runs as: by default the test's own user; a test run as root may drop to another (file modes bind it). */
export interface CliUser {
  uid?: number;
  gid?: number;
}

/** `chorecat <args>` as a real child process, as an operator runs it (the same entry point as `npx chorecat`). */
export function spawnCli(args: string[], env: Record<string, string>, stdio: 'pipe' | 'ignore' = 'pipe', user: CliUser = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', stdio, stdio],
    uid: user.uid,
    gid: user.gid,
  });
}

/** Runs `chorecat <args>` to its end. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`chorecat ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `chorecat start` as a real process, as `npm start` runs it: `ready`
 * resolves when it says it is running (and rejects if it exits first),
 * `exited` with its exit code, `signal` with the signal that ended it.
 */
export function startCli(
  env: Record<string, string>,
  user: CliUser = {},
): {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
  signal: Promise<NodeJS.Signals | null>;
} {
  const child = spawnCli(['start'], env, 'pipe', user);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Chorecat is running.')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`exited before ready:\n${output}`)));
  });
  // Handled here so a test that kills before readiness does not leave an unhandled rejection behind.
  ready.catch(() => undefined);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, ready, exited: ended.then((e) => e.code), signal: ended.then((e) => e.signal) };
}

/** What the kill helpers ask PostgreSQL with: any query function of the test's own connection. */
export type Query = (text: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * SIGKILLs `child` the moment another backend runs a query whose text
 * matches `pattern` (a LIKE pattern; this poll's own text matches too,
 * hence the pid filter), or after `timeoutMs` without one; then waits until
 * PostgreSQL has dropped the orphaned backend. True when it caught the query.
 */
export async function killWhenQuerying(query: Query, child: ChildProcess, pattern: string, timeoutMs = 60_000): Promise<boolean> {
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.on('exit', (_code, signal) => resolve(signal)),
  );
  const running = () =>
    // This database's only: fault tests run side by side on one PostgreSQL, their processes running the same statements.
    query(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
      [pattern],
    );
  const started = Date.now();
  let caught = false;
  while (!caught && Date.now() - started < timeoutMs && child.exitCode === null) {
    caught = (await running()).length > 0;
    if (!caught) await sleep(5);
  }
  child.kill('SIGKILL');
  await exited;
  const left = () =>
    query('SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1 AND pid <> pg_backend_pid()', [pattern]);
  for (let i = 0; i < 500 && (await left()).length > 0; i++) await sleep(20);
  return caught;
}
