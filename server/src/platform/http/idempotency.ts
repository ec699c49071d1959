import { createHash, randomUUID } from 'node:crypto';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import { isDatabaseUnavailable, underIdempotencyClaim, type Database } from '../database.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/**
 * `Idempotency-Key` with Stripe's semantics, on every POST:
 * - first request: recorded as in flight, run, its response stored;
 * - same key, same body, finished: the stored response is replayed
 *   (`Idempotent-Replayed: true`) and nothing runs again;
 * - same key while the first is still running: 409 IDEMPOTENCY.IN_FLIGHT;
 * - same key, different method, path or body: 422 IDEMPOTENCY.KEY_REUSED.
 * Keys are scoped to the caller (user, or address when anonymous) and kept
 * 24 h. A 5xx releases the key: the use case's transaction rolled back, so
 * a retry must be allowed to run. An in-flight record older than
 * STALE_MS (a crashed process) is taken over.
 *
 * Settling a claim (the release after a 5xx, the stored response after any
 * other answer) is a write of its own, after the answer: when the database
 * is down it fails, and the key would stay in flight (409 to every retry)
 * until STALE_MS. So a settlement that meets an unreachable database is
 * retried in the background with backoff until the database answers, for
 * at most STALE_MS (past that the stale takeover frees the key anyway). A
 * retry of that key arriving at this process meanwhile settles it first.
 * Each claim carries its own id (`claim_id`), so a late settlement touches
 * only its own claim, never one a retry took over; and a claim whose
 * acknowledgement was lost (it may have committed, the pool saw an error)
 * is released the same way.
 *
 * Released or taken over, a claim runs again — unless its request committed
 * a change: every transaction under a claim records it
 * (`idempotency_commits`, in the same transaction), and such a claim is
 * never released nor taken over. When its answer was lost (the process
 * died after the commit, or the request ended in a 5xx after it) a retry is
 * refused with 409 IDEMPOTENCY.ANSWER_LOST: the change was made once, and
 * the caller reads it (its list or resource) rather than make it twice.
 */
export const KEY_TTL_MS = 24 * 60 * 60_000;
const STALE_MS = 60_000;
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2_000;

interface Settlement {
  /** One attempt now (a retry of the key is waiting); true once settled or given up. */
  flush(): Promise<boolean>;
}

export function idempotency(db: Database, logger: Logger, options: { staleMs?: number } = {}): RequestHandler {
  const staleMs = options.staleMs ?? STALE_MS;
  /** Settlements of this process still waiting for the database, by scope and key. */
  const pending = new Map<string, Settlement>();

  /**
   * Runs `write`; if the database is unreachable, again with backoff (100 ms
   * doubling to 2 s) until it succeeds or `staleMs` has passed since the
   * claim. Never throws: the answer has been sent already.
   */
  const settle = (scope: string, key: string, what: 'release' | 'complete', write: () => Promise<unknown>): void => {
    const id = `${scope}\0${key}`;
    const deadline = Date.now() + staleMs;
    let delay = RETRY_FIRST_MS;
    let failures = 0;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<boolean> | undefined;
    const entry: Settlement = { flush: () => attempt() };
    const done = () => {
      if (pending.get(id) === entry) pending.delete(id);
      return true;
    };
    const attempt = (): Promise<boolean> =>
      (running ??= (async () => {
        clearTimeout(timer);
        try {
          await write();
          if (failures > 0) logger.info({ scope, key, failures }, `idempotency: ${what} of the key written once the database answered`);
          return done();
        } catch (error) {
          failures += 1;
          if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) {
            // Left to the stale takeover (STALE_MS after the claim): a retry then runs again if released, or replays nothing.
            logger.warn({ err: error, scope, key, failures }, `idempotency: gave up writing the ${what} of the key`);
            return done();
          }
          if (failures === 1)
            logger.warn({ err: error, scope, key }, `idempotency: the database is unreachable; retrying the ${what} of the key`);
          timer = setTimeout(() => void attempt(), delay);
          timer.unref();
          delay = Math.min(delay * 2, RETRY_MAX_MS);
          return false;
        } finally {
          running = undefined;
        }
      })());
    pending.set(id, entry);
    void attempt();
  };

  const claim = (scope: string, key: string, req: Request, requestHash: string, claimId: string) =>
    db.pool.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, state, claim_id)
       VALUES ($1, $2, $3, $4, $5, 'in_flight', $8)
       ON CONFLICT (scope, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'in_flight', response_status = NULL, response_headers = NULL, response_body = NULL,
             created_at = now(), locked_at = now(), claim_id = EXCLUDED.claim_id
         WHERE idempotency_keys.created_at < now() - make_interval(secs => $6 / 1000.0)
            OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.locked_at < now() - make_interval(secs => $7 / 1000.0)
                AND idempotency_keys.request_hash = EXCLUDED.request_hash
                AND NOT EXISTS (SELECT 1 FROM idempotency_commits c WHERE c.claim_id = idempotency_keys.claim_id))
       RETURNING 1`,
      [scope, key, req.method, req.path, requestHash, KEY_TTL_MS, staleMs, claimId],
    );
  // A claim that committed nothing is freed for a retry to run; one that committed a change is marked lost, never run again.
  const release = (scope: string, key: string, claimId: string) => () =>
    db.pool.query(
      `WITH committed AS (SELECT EXISTS (SELECT 1 FROM idempotency_commits WHERE claim_id = $3) AS yes),
       lost AS (
         UPDATE idempotency_keys SET state = 'lost'
         WHERE scope = $1 AND key = $2 AND claim_id = $3 AND state = 'in_flight' AND (SELECT yes FROM committed)
       )
       DELETE FROM idempotency_keys
       WHERE scope = $1 AND key = $2 AND claim_id = $3 AND state = 'in_flight' AND NOT (SELECT yes FROM committed)`,
      [scope, key, claimId],
    );

  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || !key) return next();
    try {
      const scope = req.principal ? `user:${req.principal.id}` : `ip:${req.ip ?? 'unknown'}`;
      const requestHash = hashRequest(req);
      for (let tries = 0; ; tries++) {
        const claimId = randomUUID();
        let claimed;
        try {
          claimed = await claim(scope, key, req, requestHash, claimId);
        } catch (error) {
          // The claim may have committed though its acknowledgement was lost: release it once the database answers.
          if (isDatabaseUnavailable(error)) settle(scope, key, 'release', release(scope, key, claimId));
          throw error;
        }
        if (claimed.rowCount === 1) {
          captureResponse(res, (status, headers, body) => {
            if (status >= 500) return settle(scope, key, 'release', release(scope, key, claimId));
            settle(scope, key, 'complete', () =>
              db.pool.query(
                `UPDATE idempotency_keys SET state = 'done', response_status = $4, response_headers = $5, response_body = $6
                 WHERE scope = $1 AND key = $2 AND claim_id = $3`,
                [scope, key, claimId, status, JSON.stringify(headers), body],
              ),
            );
          });
          return underIdempotencyClaim(claimId, () => next());
        }
        const existing = await db.pool.query<{
          request_hash: string;
          state: string;
          response_status: number | null;
          response_headers: Record<string, string> | null;
          response_body: string | null;
          /** In flight past the stale time, its change committed: the process that ran it died before storing the answer. */
          orphaned: boolean;
        }>(
          `SELECT request_hash, state, response_status, response_headers, response_body,
                  state = 'in_flight' AND locked_at < now() - make_interval(secs => $3 / 1000.0)
                    AND EXISTS (SELECT 1 FROM idempotency_commits c WHERE c.claim_id = k.claim_id) AS orphaned
           FROM idempotency_keys k WHERE scope = $1 AND key = $2`,
          [scope, key, staleMs],
        );
        const row = existing.rows[0];
        if (!row)
          return next(new AppError('IDEMPOTENCY.IN_FLIGHT', 'A request with this Idempotency-Key is being processed; retry shortly.'));
        if (row.request_hash !== requestHash) {
          return next(
            new AppError(
              'IDEMPOTENCY.KEY_REUSED',
              'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
            ),
          );
        }
        if (row.state === 'lost' || row.orphaned) {
          return next(
            new AppError(
              'IDEMPOTENCY.ANSWER_LOST',
              'The request with this Idempotency-Key was carried out, but its answer was lost. Read the result (the resource or its list) instead of retrying; a new key would do it again.',
            ),
          );
        }
        if (row.state === 'in_flight') {
          // Still in flight because this process could not yet write how an earlier try ended: write it now, then look again.
          const waiting = pending.get(`${scope}\0${key}`);
          if (tries === 0 && waiting && (await waiting.flush())) continue;
          return next(new AppError('IDEMPOTENCY.IN_FLIGHT', 'A request with this Idempotency-Key is being processed; retry shortly.'));
        }
        for (const [name, value] of Object.entries(row.response_headers ?? {})) res.setHeader(name, value);
        res.setHeader('Idempotent-Replayed', 'true');
        return res.status(row.response_status ?? 200).send(row.response_body ?? '');
      }
    } catch (error) {
      next(error);
    }
  };
}

/** Calls `done` with the answer once it has been sent: its status, the headers a replay repeats, its body. */
function captureResponse(res: Response, done: (status: number, headers: Record<string, string>, body: string) => void): void {
  const originalSend = res.send.bind(res);
  let body: string | undefined;
  res.send = (payload?: unknown) => {
    if (body === undefined)
      body = Buffer.isBuffer(payload) ? payload.toString('utf8') : typeof payload === 'string' ? payload : JSON.stringify(payload ?? '');
    return originalSend(payload);
  };
  res.on('finish', () => {
    const headers: Record<string, string> = {};
    const contentType = res.getHeader('content-type');
    if (contentType) headers['content-type'] = String(contentType);
    const location = res.getHeader('location');
    if (location) headers['location'] = String(location);
    done(res.statusCode, headers, body ?? '');
  });
}

/**
 * What makes two requests "the same": method, path, body, and for multipart
 * uploads the bytes of every file (multer keeps them in req.files, not in
 * the body), so a retry with another photo is a different request.
 */
function hashRequest(req: Request): string {
  const hash = createHash('sha256').update(`${req.method} ${req.path}\n${stableStringify(req.body)}`);
  const files = (req.files as { fieldname: string; buffer: Buffer }[] | undefined) ?? [];
  for (const file of files) hash.update(`\n${file.fieldname}:`).update(file.buffer);
  return hash.digest('hex');
}

/** JSON with sorted keys, so the same body in another key order hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * Removes keys past their 24 h (run by a job). Keys live in real time, like
 * the client retries they protect, not in the sandbox clock's time.
 */
export async function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  const result = await db.pool.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1 / 1000.0)', [
    KEY_TTL_MS,
  ]);
  // A claim's commit record lives as long as its key could (a key is taken over only once past its 24 h).
  await db.pool.query('DELETE FROM idempotency_commits WHERE committed_at < now() - make_interval(secs => $1 / 1000.0)', [KEY_TTL_MS]);
  return result.rowCount ?? 0;
}
