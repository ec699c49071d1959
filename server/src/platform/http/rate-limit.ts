import { rateLimit, type Store, type IncrementResponse, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import type { Database } from '../database.ts';
import { AppError } from '../errors.ts';

/**
 * An express-rate-limit store on PostgreSQL, so every server process behind
 * the load balancer shares the same counters (fixed windows; one upsert per
 * request on an UNLOGGED table).
 *
 * Memory first: once this process has seen a key's shared count pass the
 * limit, it refuses that key from memory until the window ends. The shared
 * count only grows within a window, so this never refuses what PostgreSQL
 * would allow, and a flood costs the database one upsert per process and
 * window instead of one per request.
 */
export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  private limit?: number;
  private readonly refused = new Map<string, { hits: number; resetAt: number }>();
  readonly localKeys = false;

  constructor(
    private readonly db: Database,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    if (typeof options.limit === 'number') this.limit = options.limit;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const now = Date.now();
    const known = this.refused.get(key);
    if (known && known.resetAt > now) {
      known.hits++;
      return { totalHits: known.hits, resetTime: new Date(known.resetAt) };
    }
    const { count, resetAt } = await countHit(this.db, this.prefix + key, this.windowMs);
    if (this.limit !== undefined && count > this.limit) this.remember(key, count, resetAt.getTime(), now);
    return { totalHits: count, resetTime: resetAt };
  }

  private remember(key: string, hits: number, resetAt: number, now: number): void {
    // Bounded: a flood from many addresses must not grow this without end.
    if (this.refused.size >= 50_000) {
      for (const [k, v] of this.refused) if (v.resetAt <= now) this.refused.delete(k);
      if (this.refused.size >= 50_000) this.refused.clear();
    }
    this.refused.set(key, { hits, resetAt });
  }

  async decrement(key: string): Promise<void> {
    await this.db.pool.query('UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    this.refused.delete(key);
    await clearHits(this.db, this.prefix + key);
  }
}

/**
 * Fixed-window counters in PostgreSQL, shared by every process: the rate
 * limiter's store and the sign-in throttles (failures per account and per
 * address) both count here. Real time, not the sandbox clock.
 */
export async function countHit(db: Database, key: string, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  const result = await db.pool.query<{ hits: number; reset_at: Date }>(
    `INSERT INTO rate_limit_hits (key, hits, reset_at)
     VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
       reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
     RETURNING hits, reset_at`,
    [key, windowMs],
  );
  const row = result.rows[0]!;
  return { count: row.hits, resetAt: new Date(row.reset_at) };
}

/** The live count of a window (0 when none or expired). */
export async function peekHits(db: Database, key: string): Promise<{ count: number; resetAt: Date | null }> {
  const result = await db.pool.query<{ hits: number; reset_at: Date }>(
    'SELECT hits, reset_at FROM rate_limit_hits WHERE key = $1 AND reset_at > now()',
    [key],
  );
  const row = result.rows[0];
  return row ? { count: row.hits, resetAt: new Date(row.reset_at) } : { count: 0, resetAt: null };
}

export async function clearHits(db: Database, key: string): Promise<void> {
  await db.pool.query('DELETE FROM rate_limit_hits WHERE key = $1', [key]);
}

/**
 * Takes one of `limit` slots of a fixed window in a single statement, or
 * none when all are taken (then nothing is counted). Concurrent callers
 * queue on the row, so no more than `limit` ever get one: a throttle that
 * reserves before doing the costly or guessable thing cannot be raced past.
 */
export async function reserveHit(
  db: Database,
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ reserved: true } | { reserved: false; resetAt: Date | null }> {
  const result = await db.pool.query<{ hits: number }>(
    `INSERT INTO rate_limit_hits (key, hits, reset_at)
     VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
       reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
     WHERE rate_limit_hits.reset_at <= now() OR rate_limit_hits.hits < $3
     RETURNING hits`,
    [key, windowMs, limit],
  );
  if (result.rows.length > 0) return { reserved: true };
  return { reserved: false, resetAt: (await peekHits(db, key)).resetAt };
}

/** Gives a reserved slot back (to a window that is still open; an expired one has nothing to give back). */
export async function releaseHit(db: Database, key: string): Promise<void> {
  await db.pool.query('UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND reset_at > now()', [key]);
}

export function createRateLimiter(
  db: Database,
  options: {
    name: string;
    perWindow: number;
    windowMs?: number;
    /** What is counted: the caller's address by default; a constant for a limit shared by all callers. */
    key?: (req: Request) => string;
    /** Only requests this accepts are counted (the others pass untouched). */
    only?: (req: Request) => boolean;
    /** Answer a refusal only after this long (a tarpit: a flooding client that waits for answers slows down). */
    refusalDelayMs?: number;
  },
): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.perWindow,
    ...(options.key ? { keyGenerator: options.key } : {}),
    ...(options.only ? { skip: (req: Request) => !options.only!(req) } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new PostgresRateLimitStore(db, `${options.name}:`),
    // If the store fails, serve the request rather than take the API down with it.
    passOnStoreError: true,
    handler: (_req, res, next) => {
      const retryAfter = res.getHeader('retry-after');
      const refuse = () =>
        next(
          new AppError('RATE_LIMITED', 'Too many requests; slow down and retry after the Retry-After interval.', {
            headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
          }),
        );
      if (options.refusalDelayMs) setTimeout(refuse, options.refusalDelayMs).unref();
      else refuse();
    },
  });
}
