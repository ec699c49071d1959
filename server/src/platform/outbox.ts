import { sql, execute, type Database, type Tx } from './database.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { RowOf } from './table.ts';
import { outboxTable } from './tables.ts';

/**
 * The transactional outbox. A change and the messages it causes (emails and
 * domain events) commit together or not at all; a dispatcher job
 * delivers them afterwards with retries and backoff. The dedupe key makes a
 * second enqueue of the same message a no-op, so a retried use case or job
 * never sends twice. Delivery is at-least-once towards the transport only if
 * the process dies between a successful send and its commit; each message
 * carries its outbox id so the receiver can recognise that duplicate.
 */
export interface OutboxMessage<Payload = unknown> {
  id: string;
  topic: string;
  dedupeKey: string;
  payload: Payload;
  attempts: number;
  createdAt: Date;
}

export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

export const MAX_ATTEMPTS = 8;

/** What a delivery reads of a claimed message. */
const CLAIMED = ['id', 'topic', 'dedupe_key', 'payload', 'attempts', 'created_at'] as const;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function enqueue(
  db: Database,
  tx: Tx | undefined,
  clock: Clock,
  message: { topic: string; dedupeKey: string; payload: unknown },
): Promise<{ id: string; created: boolean }> {
  const now = clock.now();
  const [row] = await sql<{ id: string; created: boolean }>(
    db,
    `WITH inserted AS (
       INSERT INTO outbox (topic, dedupe_key, payload, available_at, created_at)
       VALUES ($1, $2, $3::jsonb, $4, $4)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id
     )
     SELECT id, true AS created FROM inserted
     UNION ALL
     SELECT id, false AS created FROM outbox WHERE dedupe_key = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    [message.topic, message.dedupeKey, JSON.stringify(message.payload), now],
    tx,
  );
  return row ?? { id: '', created: false };
}

/**
 * Enqueues one message per row of `select` (which yields `dedupe_key` and
 * `payload` columns), in one statement: set-based work (a billing run over
 * thousands of clients) writes its messages without a round trip each.
 */
export async function enqueueSelected(
  db: Database,
  tx: Tx,
  clock: Clock,
  input: { topic: string; select: string; params: unknown[] },
): Promise<number> {
  const now = clock.now();
  const n = input.params.length;
  const { count } = await execute(
    db,
    `INSERT INTO outbox (topic, dedupe_key, payload, available_at, created_at)
     SELECT $${n + 1}, m.dedupe_key, m.payload, $${n + 2}, $${n + 2} FROM (${input.select}) m
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [...input.params, input.topic, now],
    tx,
  );
  return count;
}

export class OutboxDispatcher {
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      onGiveUp?: (message: OutboxMessage, error: string) => Promise<void>;
    },
  ) {}

  handle(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, handler);
  }

  /**
   * Delivers due messages one at a time, each under its own row lock
   * (FOR UPDATE SKIP LOCKED), so concurrent dispatchers never send the same
   * message. Returns how many were delivered and how many failed (with the
   * last reason): the `outbox.deliver` job reports them, so a run with
   * failed deliveries is a failed run.
   */
  async dispatch(limit = 100): Promise<{ sent: number; failed: number; error?: string }> {
    const { db, clock, logger } = this.deps;
    let sent = 0;
    let failed = 0;
    let lastError: string | undefined;
    const topics = [...this.handlers.keys()];
    for (let i = 0; i < limit; i++) {
      const outcome = await db.sequelize.transaction(async (tx) => {
        const now = clock.now();
        const rows = await sql<Pick<RowOf<typeof outboxTable>, (typeof CLAIMED)[number]>>(
          db,
          `SELECT ${outboxTable.listOf(CLAIMED)} FROM outbox
           WHERE status = 'pending' AND available_at <= $1 AND topic = ANY($2::text[])
           ORDER BY available_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now, topics],
          tx,
        );
        const row = rows[0];
        if (!row) return 'empty' as const;
        const message: OutboxMessage = {
          id: row.id,
          topic: row.topic,
          dedupeKey: row.dedupe_key,
          payload: row.payload,
          attempts: row.attempts,
          createdAt: new Date(row.created_at),
        };
        try {
          await this.handlers.get(row.topic)!(message);
          await execute(
            db,
            `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1`,
            [row.id, clock.now()],
            tx,
          );
          return 'sent' as const;
        } catch (error) {
          const attempts = row.attempts + 1;
          const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
          const giveUp = attempts >= MAX_ATTEMPTS;
          await execute(
            db,
            `UPDATE outbox SET attempts = $2, last_error = $3, status = $4, available_at = $5 WHERE id = $1`,
            [row.id, attempts, reason, giveUp ? 'failed' : 'pending', new Date(clock.now().getTime() + backoffMs(attempts))],
            tx,
          );
          logger.warn({ outboxId: row.id, topic: row.topic, attempts, giveUp, reason }, 'outbox delivery failed');
          if (giveUp && this.deps.onGiveUp) await this.deps.onGiveUp(message, reason);
          return { failed: `${row.topic} ${row.id}: ${reason}` };
        }
      });
      if (outcome === 'empty') break;
      if (outcome === 'sent') sent++;
      else {
        failed++;
        lastError = outcome.failed;
      }
    }
    return lastError === undefined ? { sent, failed } : { sent, failed, error: lastError };
  }

  /** The earliest time after `after` at which a pending message falls due (for the sandbox clock). */
  async nextDueAt(): Promise<Date | null> {
    const rows = await sql<{ at: Date | null }>(this.deps.db, `SELECT min(available_at) AS at FROM outbox WHERE status = 'pending'`);
    return rows[0]?.at ? new Date(rows[0].at) : null;
  }

  async backlog(): Promise<Record<string, number>> {
    const rows = await sql<{ topic: string; count: string }>(
      this.deps.db,
      `SELECT topic, count(*) AS count FROM outbox WHERE status = 'pending' GROUP BY topic`,
    );
    return Object.fromEntries(rows.map((r) => [r.topic, Number(r.count)]));
  }
}

/**
 * What `chorecat doctor` reads of the outbox (kept apart from the dispatcher,
 * which may change how it delivers): the undelivered messages and when the
 * oldest was queued, those retrying after an error, and those given up since
 * `failedSince`, by topic. One query on the outbox's own indexes.
 */
export interface OutboxHealth {
  pending: number;
  oldestPendingAt: Date | null;
  retrying: number;
  failedSince: Record<string, number>;
}

export async function readOutboxHealth(db: Database, failedSince: Date): Promise<OutboxHealth> {
  const [pending] = await sql<{ pending: number; oldest: Date | null; retrying: number }>(
    db,
    `SELECT count(*)::int AS pending, min(created_at) AS oldest, count(*) FILTER (WHERE last_error IS NOT NULL)::int AS retrying
     FROM outbox WHERE status = 'pending'`,
  );
  const failed = await sql<{ topic: string; n: number }>(
    db,
    `SELECT topic, count(*)::int AS n FROM outbox WHERE status = 'failed' AND created_at >= $1 GROUP BY topic ORDER BY topic`,
    [failedSince],
  );
  return {
    pending: pending?.pending ?? 0,
    oldestPendingAt: pending?.oldest ? new Date(pending.oldest) : null,
    retrying: pending?.retrying ?? 0,
    failedSince: Object.fromEntries(failed.map((r) => [r.topic, r.n])),
  };
}
