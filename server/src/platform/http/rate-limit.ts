import { rateLimit, type Store, type IncrementResponse, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import type { Database } from '../database.ts';
import { AppError } from '../errors.ts';

/**
 * An express-rate-limit store on PostgreSQL, so every server process behind
 * the load balancer shares the same counters (fixed windows on an UNLOGGED
 * table).
 *
 * Slots are leased, not counted one by one: a process takes a block of the
 * window's next slots in one upsert (`hits + k`) and hands them out from
 * memory. The shared count is always at least what every process has handed
 * out, so all processes together never let more than the limit through; the
 * error is only the other way (a refusal up to the other processes' unused
 * slots early). The block is at most 16 and at most 1/32 of what is left of
 * the window, so far from the limit a steady client costs one statement per
 * 16 requests (it was one each: issue #17), and near it (and for every limit
 * under 64, the auth, application and test limits) a block is one slot: the
 * count is exact there, as before.
 *
 * Memory first for refusals too: once this process has seen the shared count
 * past the limit, it refuses that key from memory until the window ends. The
 * shared count only grows within a window, so this never refuses what
 * PostgreSQL would allow, and a flood costs the database one upsert per
 * process and window instead of one per request.
 */
export class PostgresRateLimitStore implements Store {
  private windowMs = 60_000;
  private limit = Number.POSITIVE_INFINITY;
  /** Per key: the next slot to hand out, the last slot leased, the window's end (epoch ms). */
  private readonly leases = new Map<string, { next: number; end: number; resetAt: number }>();
  private readonly leasing = new Map<string, Promise<unknown>>();
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
    for (;;) {
      const now = Date.now();
      const lease = this.leases.get(key);
      const live = lease && lease.resetAt > now ? lease : undefined;
      // A leased slot, or (once the shared count was seen past the limit) a refusal counted in memory.
      if (live && (live.next <= live.end || live.end > this.limit)) {
        return { totalHits: live.next++, resetTime: new Date(live.resetAt) };
      }
      // One lease at a time per key: concurrent requests wait for it rather than each leasing a block.
      const pending = this.leasing.get(key);
      if (pending) {
        await pending;
        continue;
      }
      const size = leaseSize(this.limit, live?.end ?? 0);
      const taking = countHit(this.db, this.prefix + key, this.windowMs, size);
      this.leasing.set(key, taking);
      let count: number;
      let resetAt: Date;
      try {
        ({ count, resetAt } = await taking);
      } finally {
        this.leasing.delete(key);
      }
      this.remember(key, { next: count - size + 1, end: count, resetAt: resetAt.getTime() }, now);
    }
  }

  private remember(key: string, lease: { next: number; end: number; resetAt: number }, now: number): void {
    // Bounded: a flood from many addresses must not grow this without end.
    if (this.leases.size >= 50_000 && !this.leases.has(key)) {
      for (const [k, v] of this.leases) if (v.resetAt <= now) this.leases.delete(k);
      if (this.leases.size >= 50_000) this.leases.clear();
    }
    this.leases.set(key, lease);
  }

  async decrement(key: string): Promise<void> {
    // A slot handed out from this process's lease goes back to it; otherwise to the shared count.
    const lease = this.leases.get(key);
    if (lease && lease.resetAt > Date.now() && lease.next > 1 && lease.next - 1 <= lease.end) {
      lease.next--;
      return;
    }
    await this.db.pool.query('UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    this.leases.delete(key);
    await clearHits(this.db, this.prefix + key);
  }
}

/** How many slots to lease at once: 1 near the limit (exact), at most 16 and 1/32 of what is left far from it. */
export function leaseSize(limit: number, known: number): number {
  if (!Number.isFinite(limit)) return 1;
  return Math.max(1, Math.min(16, Math.floor((limit - known) / 32)));
}

/**
 * Fixed-window counters in PostgreSQL, shared by every process: the rate
 * limiter's store and the sign-in throttles (failures per account and per
 * address) both count here. Real time, not the sandbox clock. `by` hits at
 * once (the rate limiter's leases); the count returned includes them.
 */
export async function countHit(db: Database, key: string, windowMs: number, by = 1): Promise<{ count: number; resetAt: Date }> {
  const result = await db.pool.query<{ hits: number; reset_at: Date }>(
    `INSERT INTO rate_limit_hits (key, hits, reset_at)
     VALUES ($1, $3, now() + make_interval(secs => $2 / 1000.0))
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.hits ELSE rate_limit_hits.hits + EXCLUDED.hits END,
       reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
     RETURNING hits, reset_at`,
    [key, windowMs, by],
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
