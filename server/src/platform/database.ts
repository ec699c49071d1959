import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { Sequelize, QueryTypes, type Transaction } from 'sequelize';
import type { Logger } from './logger.ts';

// BIGINT (money in hundredths, counters) arrives as a string by default; keep
// it a string here and convert deliberately (Money.fromCents(BigInt(x))).
// NUMERIC likewise stays a string so nothing is silently turned into a float.

export type Tx = Transaction;

/**
 * One PostgreSQL, two pools: Sequelize for models and transactions, and a
 * small node-postgres pool for the job store, sessions and LISTEN/NOTIFY.
 */
export interface Database {
  url: string;
  sequelize: Sequelize;
  pool: pg.Pool;
  /**
   * The connections job runs hold their advisory lock and `job_runs` record
   * on: one per run, for its whole length (`Scheduler.runJob`). Apart from
   * `pool` because runs waiting for their lock held `pool`'s five
   * connections once: with four jobs held at once, requests (the caller
   * lookup, rate limits) and Agenda's lock renewals got none (issue #18).
   */
  jobRuns: pg.Pool;
  close(): Promise<void>;
}

/** Sequelize's pool size unless a caller sets one (`bench/api` replays raw SQL through a pool of the same size). */
export const DEFAULT_POOL_MAX = 10;

/**
 * At most this many job runs hold a connection at once in one process: more
 * than the platform has jobs (15), so every job can run at once with the
 * sandbox clock's or the CLI's runs beside them. Opened only as runs need
 * them (an API process opens none), closed after 10 s idle.
 */
export const JOB_RUN_POOL_MAX = 20;

/** How long opening a connection may take before it fails (node-postgres would otherwise wait forever). */
export const CONNECT_TIMEOUT_MS = 3_000;
/**
 * How long a query waits for one of Sequelize's connections when all are
 * busy or none can be made (its default is 60 s): then it fails with a
 * ConnectionAcquireTimeoutError, answered 503 SERVICE.DATABASE_UNAVAILABLE,
 * rather than hold the request past any client's patience.
 */
export const ACQUIRE_TIMEOUT_MS = 5_000;

/**
 * Every node-postgres pool of the process is made here, so that none can end
 * it. A client emits 'error' when its connection is cut (PostgreSQL stopping
 * or restarting sends each session a FATAL 57P01, then closes it); the pool
 * listens only while a client is idle in it, so a client checked out at that
 * moment (a job run holding its advisory lock, a sandbox-clock advance,
 * Agenda's LISTEN connection, the outbox's claim transaction) would emit with
 * no listener, which Node turns into an uncaught exception. Each client gets
 * a listener from its birth: the error is logged, whatever awaits its query
 * gets the error, and the pool discards the client when it is released
 * (node-postgres marks it not queryable), so the pool recovers by itself.
 */
export function createPool(config: pg.PoolConfig, logger: Logger, what: string): pg.Pool {
  const pool = new pg.Pool({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...config });
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.warn({ err: error }, `${what}: database connection failed`));
  });
  // The pool re-emits an idle client's error, which the client's own listener has logged already.
  pool.on('error', () => undefined);
  return pool;
}

export function connectDatabase(url: string, logger: Logger, options: { poolMax?: number } = {}): Database {
  const captureFile = process.env.CHORECAT_QUERY_CAPTURE;
  if (captureFile) captureQueriesTo(captureFile);
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: options.poolMax ?? DEFAULT_POOL_MAX, min: 0, idle: 10_000, acquire: ACQUIRE_TIMEOUT_MS },
    // A connection attempt that gets no answer (the database restarting, a network cut) fails after this,
    // so a request answers 503 rather than hang; node-postgres would otherwise wait forever.
    dialectOptions: { connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    define: { underscored: true, timestamps: false },
  });
  const pool = createPool({ connectionString: url, max: 5 }, logger, 'pool');
  const jobRuns = createPool({ connectionString: url, max: JOB_RUN_POOL_MAX, idleTimeoutMillis: 10_000 }, logger, 'job run pool');
  let closed = false;
  return {
    url,
    sequelize,
    pool,
    jobRuns,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([sequelize.close(), pool.end(), jobRuns.end()]);
    },
  };
}

/**
 * Whether `error` means the database cannot be reached right now (it is
 * down, restarting, or cut the connection), not that a query is wrong: the
 * request that met it is answered 503 SERVICE.DATABASE_UNAVAILABLE and may
 * be retried, and the pools reconnect by themselves once it is back. Looks
 * through the wrappers (Sequelize's `parent`/`original`, `cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    // Sequelize's ConnectionError and its kinds (refused, timed out, acquire timeout, host not reachable …).
    if (typeof name === 'string' && /^Sequelize(Connection\w*|HostNot\w+|InvalidConnection)Error$/.test(name)) return true;
    if (typeof code === 'string') {
      // SQLSTATE 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot connect now).
      if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
      if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
    }
    // node-postgres's own words for a socket that ended under it (it sets no code).
    if (typeof message === 'string' && /^Connection terminated|not queryable|timeout exceeded when trying to connect/.test(message))
      return true;
    const next = e as { parent?: unknown; original?: unknown; cause?: unknown };
    e = next.parent ?? next.original ?? next.cause;
  }
  return false;
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
/** The Idempotency-Key claim the current request runs under (set by the idempotency middleware). */
interface Claim {
  id: string;
  recorded: boolean;
}
const claims = new AsyncLocalStorage<Claim>();

/** Runs `work` (the rest of a request) under an Idempotency-Key claim: each transaction it commits records the claim. */
export function underIdempotencyClaim<T>(claimId: string, work: () => T): T {
  return claims.run({ id: claimId, recorded: false }, work);
}

export function transaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const claim = claims.getStore();
  if (!claim || claim.recorded) return db.sequelize.transaction((tx) => work(tx));
  // Under a claim, the change and the record that the claim changed something commit together or not at all:
  // a retry of the key can then tell "never happened" (run it) from "happened, answer lost" (refuse, never twice).
  return db.sequelize
    .transaction(async (tx) => {
      const result = await work(tx);
      await db.sequelize.query('INSERT INTO idempotency_commits (claim_id) VALUES ($1) ON CONFLICT DO NOTHING', {
        bind: [claim.id],
        transaction: tx,
      });
      return result;
    })
    .then((result) => {
      claim.recorded = true;
      return result;
    });
}

/** A raw SQL query with positional parameters ($1, $2 …), optionally inside a transaction. */
export async function sql<Row extends object>(db: Database, text: string, params: unknown[] = [], tx?: Tx): Promise<Row[]> {
  return db.sequelize.query<Row>(text, { bind: params, type: QueryTypes.SELECT, transaction: tx, raw: true });
}

/** Like `sql`, for INSERT/UPDATE/DELETE: returns the RETURNING rows and the affected count. */
export async function execute<Row extends object = Record<string, unknown>>(
  db: Database,
  text: string,
  params: unknown[] = [],
  tx?: Tx,
): Promise<{ rows: Row[]; count: number }> {
  const [rows, meta] = (await db.sequelize.query(text, { bind: params, transaction: tx, raw: true })) as [
    Row[],
    { rowCount?: number } | number,
  ];
  const count = typeof meta === 'number' ? meta : (meta?.rowCount ?? rows.length);
  return { rows, count };
}

/**
 * One captured query: the text and the parameters as sent on the wire, and
 * the server process (connection) that ran it. A query with RETURNING also
 * gets the UUIDs it returned (`returned`, in row and column order), written
 * as a second line `{ "result": seq, "ids": [...] }` once it answers: ids the
 * database made up, which the queries after it then carry, and which a
 * replay on another copy of the data must map to its own.
 */
export interface CapturedQuery {
  seq: number;
  pid: number;
  text: string;
  values?: (string | null)[];
  returned?: string[];
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The UUIDs in a result's rows, in row and column order. */
export function returnedUuids(rows: unknown[] | undefined): string[] {
  const ids: string[] = [];
  for (const row of rows ?? []) {
    for (const value of Object.values(row as Record<string, unknown>))
      if (typeof value === 'string' && UUID_TEXT.test(value)) ids.push(value);
  }
  return ids;
}

let captureTarget: string | undefined;
let capturing = false;
let captureSeq = 0;

/**
 * The query capture (`CHORECAT_QUERY_CAPTURE=<file>`, off by default):
 * every query any pool of this process sends — Sequelize's and
 * node-postgres's alike, both go through `pg.Client#query` — is appended to
 * the file as one JSON line, its parameters in their wire form, before it
 * is sent. `bench/api` replays an endpoint's queries from it to measure the
 * database's own limit, and the query-plan test EXPLAINs them. Off, nothing
 * is patched: it costs nothing. The write is synchronous so that a reader
 * sees every query of a request once its response has arrived. SIGUSR2
 * pauses and resumes the recording (a benchmark captures, then measures the
 * same process with the recording paused: one flag test per query).
 */
/** Ends the capture (the query-plan test's, so a later test file in the same process records nothing); the patch stays, idle. */
export function stopCapturingQueries(): void {
  capturing = false;
}

export function captureQueriesTo(file: string): void {
  const installed = captureTarget !== undefined;
  captureTarget = file;
  capturing = true;
  if (installed) return;
  process.on('SIGUSR2', () => {
    capturing = !capturing;
  });
  // pg's own conversion of a parameter to its wire text (dates in the session's form, arrays as literals, JSON …).
  const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => unknown };
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function capturedQuery(this: pg.Client & { processID?: number }, ...args: unknown[]) {
    if (!capturing) return original.apply(this, args);
    const [config, values] = args as [unknown, unknown];
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text === 'string') {
      const raw = Array.isArray(values) ? values : (config as { values?: unknown[] } | null)?.values;
      const entry: CapturedQuery = { seq: ++captureSeq, pid: this.processID ?? 0, text };
      if (raw?.length) entry.values = raw.map((value) => serialise(prepareValue(value)));
      appendFileSync(captureTarget!, `${JSON.stringify(entry)}\n`);
      if (/\bRETURNING\b/i.test(text)) {
        const record = (result: unknown) => {
          const ids = returnedUuids((result as { rows?: unknown[] } | undefined)?.rows);
          if (ids.length) appendFileSync(captureTarget!, `${JSON.stringify({ result: entry.seq, ids })}\n`);
        };
        const callbackAt = args.findIndex((arg) => typeof arg === 'function');
        if (callbackAt >= 0) {
          const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
          args[callbackAt] = (error: unknown, result: unknown) => {
            if (!error) record(result);
            callback(error, result);
          };
        } else {
          const answer = original.apply(this, args) as Promise<unknown> | undefined;
          // A promise unless a submittable (a cursor) was passed, which the capture leaves alone.
          if (typeof answer?.then !== 'function') return answer;
          return answer.then((result) => {
            record(result);
            return result;
          });
        }
      }
    }
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

function serialise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return String(value);
}
