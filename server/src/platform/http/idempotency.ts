import { createHash } from 'node:crypto';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import type { Database } from '../database.ts';
import { AppError } from '../errors.ts';

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
 */
export const KEY_TTL_MS = 24 * 60 * 60_000;
const STALE_MS = 60_000;

export function idempotency(db: Database): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || !key) return next();
    try {
      const scope = req.principal ? `user:${req.principal.id}` : `ip:${req.ip ?? 'unknown'}`;
      const requestHash = hashRequest(req);
      const claimed = await db.pool.query(
        `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, state)
         VALUES ($1, $2, $3, $4, $5, 'in_flight')
         ON CONFLICT (scope, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               state = 'in_flight', response_status = NULL, response_headers = NULL, response_body = NULL,
               created_at = now(), locked_at = now()
           WHERE idempotency_keys.created_at < now() - make_interval(secs => $6 / 1000.0)
              OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.locked_at < now() - make_interval(secs => $7 / 1000.0)
                  AND idempotency_keys.request_hash = EXCLUDED.request_hash)
         RETURNING 1`,
        [scope, key, req.method, req.path, requestHash, KEY_TTL_MS, STALE_MS],
      );
      if (claimed.rowCount === 1) {
        captureResponse(db, res, scope, key);
        return next();
      }
      const existing = await db.pool.query<{
        request_hash: string;
        state: string;
        response_status: number | null;
        response_headers: Record<string, string> | null;
        response_body: string | null;
      }>(
        'SELECT request_hash, state, response_status, response_headers, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
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
      if (row.state === 'in_flight') {
        return next(new AppError('IDEMPOTENCY.IN_FLIGHT', 'A request with this Idempotency-Key is being processed; retry shortly.'));
      }
      for (const [name, value] of Object.entries(row.response_headers ?? {})) res.setHeader(name, value);
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(row.response_status ?? 200).send(row.response_body ?? '');
    } catch (error) {
      next(error);
    }
  };
}

function captureResponse(db: Database, res: Response, scope: string, key: string): void {
  const originalSend = res.send.bind(res);
  let body: string | undefined;
  res.send = (payload?: unknown) => {
    if (body === undefined)
      body = Buffer.isBuffer(payload) ? payload.toString('utf8') : typeof payload === 'string' ? payload : JSON.stringify(payload ?? '');
    return originalSend(payload);
  };
  res.on('finish', () => {
    const status = res.statusCode;
    const release = status >= 500;
    const headers: Record<string, string> = {};
    const contentType = res.getHeader('content-type');
    if (contentType) headers['content-type'] = String(contentType);
    const location = res.getHeader('location');
    if (location) headers['location'] = String(location);
    const query = release
      ? db.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key])
      : db.pool.query(
          `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_headers = $4, response_body = $5
           WHERE scope = $1 AND key = $2`,
          [scope, key, status, JSON.stringify(headers), body ?? ''],
        );
    query.catch(() => undefined);
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
  return result.rowCount ?? 0;
}
