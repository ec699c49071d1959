import pg from 'pg';
import { sql, execute, createPool, CONNECT_TIMEOUT_MS, type Database, type Tx } from './database.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { RowOf } from './table.ts';
import { outboxTable } from './tables.ts';

/**
 * The transactional outbox. A change and the messages it causes (emails and
 * domain events) commit together or not at all; the dispatcher delivers
 * them afterwards, woken by the commit's NOTIFY, with retries and backoff.
 * The dedupe key makes a second enqueue of the same message a no-op, so a
 * retried use case or job never sends twice. Each message reaches one
 * handler at a time and is marked delivered only with its batch's commit;
 * a dispatcher that dies mid-batch has its batch delivered again, so
 * handlers are idempotent, and each message carries its outbox id so a
 * receiver (a mail server, by Message-ID) can recognise that duplicate.
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

/**
 * What a handler throws when retrying cannot help (a mail server answered
 * 5xx to the recipient: no such mailbox). The message is given up at once,
 * as visibly as after its last attempt (status failed, the reason kept,
 * operators alerted), instead of being retried for an hour.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

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

/** What a handler says of how its messages may run side by side. */
export interface HandleOptions {
  /**
   * Messages of one lane run one after another, in the order they were
   * written (within a claimed batch); different lanes run in parallel.
   * Without it, every message is its own lane.
   */
  laneOf?: (message: OutboxMessage) => string;
}

/** What one drain delivers before it looks at new notifications (a drain goes on while messages remain). */
const DRAIN_LIMIT = 1_000;

/** The channel a committed insert into the outbox wakes the dispatchers on (migration 0056's trigger). */
export const OUTBOX_CHANNEL = 'chorecat_outbox';

export interface DispatcherOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  onGiveUp?: (message: OutboxMessage, error: string) => Promise<void>;
  /** Messages claimed per transaction (default 100). */
  batchSize?: number;
  /** Handlers running at once within a batch (default 8). */
  concurrency?: number;
}

type ClaimedRow = Pick<RowOf<typeof outboxTable>, (typeof CLAIMED)[number]>;
type Outcome = { id: string; ok: true } | { id: string; ok: false; reason: string; message: OutboxMessage; permanent: boolean };

export class OutboxDispatcher {
  private readonly handlers = new Map<string, { handler: OutboxHandler; laneOf?: (message: OutboxMessage) => string }>();
  private readonly batchSize: number;
  private readonly concurrency: number;
  /** The claim transactions' own connections (`claimPool`), apart from the pool the handlers use. */
  private pool?: pg.Pool;
  private listener?: pg.Client;
  private relisten?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private drain?: Promise<void>;
  private wakeAgain = false;
  private timer?: NodeJS.Timeout;
  private fallbackMs = 60_000;

  constructor(private readonly deps: DispatcherOptions) {
    this.batchSize = deps.batchSize ?? 100;
    this.concurrency = deps.concurrency ?? 8;
  }

  handle(topic: string, handler: OutboxHandler, options: HandleOptions = {}): void {
    this.handlers.set(topic, { handler, laneOf: options.laneOf });
  }

  /**
   * Delivers due messages until none is left (or `limit` were tried), a
   * batch at a time. Each batch is claimed in one transaction
   * (`FOR UPDATE SKIP LOCKED`), which holds the batch's row locks while its
   * handlers run (a lane's messages in order, lanes in parallel) and then
   * records every outcome at once, sent or retried with backoff, and
   * commits. So concurrent dispatchers (this process's or another's) never
   * hand a message to two handlers, one failing handler delays no other,
   * and a dispatcher that dies mid-batch leaves its messages pending: its
   * transaction rolls back, the locks go with its connection, and they are
   * delivered again (subscribers are idempotent). Returns how many were
   * delivered and how many failed (with the last reason): the
   * `outbox.deliver` job reports them, so a run with failed deliveries is a
   * failed run.
   */
  async dispatch(limit = 10_000): Promise<{ sent: number; failed: number; error?: string }> {
    let sent = 0;
    let failed = 0;
    let lastError: string | undefined;
    while (sent + failed < limit) {
      const outcomes = await this.deliverBatch(Math.min(this.batchSize, limit - sent - failed));
      if (outcomes.length === 0) break;
      for (const outcome of outcomes) {
        if (outcome.ok) sent++;
        else {
          failed++;
          lastError = `${outcome.message.topic} ${outcome.id}: ${outcome.reason}`;
        }
      }
    }
    return lastError === undefined ? { sent, failed } : { sent, failed, error: lastError };
  }

  /** Claims up to `size` due messages, delivers them, records the outcomes and commits; returns the outcomes. */
  private async deliverBatch(size: number): Promise<Outcome[]> {
    const { clock, logger } = this.deps;
    const client = await this.claimPool().connect();
    let release: Error | undefined;
    // A connection lost mid-batch (the server restarted, the backend was ended) fails the batch's next query,
    // which rolls it back; its error event must not go unheard (an unhandled one ends the process).
    const lost = (error: Error) => {
      release = error;
      logger.warn({ err: error }, 'outbox: the claim connection was lost mid-batch; the batch stays pending');
    };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<ClaimedRow>(
        `SELECT ${outboxTable.listOf(CLAIMED)} FROM outbox
         WHERE status = 'pending' AND available_at <= $1 AND topic = ANY($2::text[])
         ORDER BY available_at, created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [clock.now(), [...this.handlers.keys()], size],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return [];
      }
      const outcomes = await this.runLanes(rows.map(toMessage));
      const sentIds = outcomes.filter((o) => o.ok).map((o) => o.id);
      if (sentIds.length > 0) {
        await client.query(
          `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = ANY($1::uuid[])`,
          [sentIds, clock.now()],
        );
      }
      for (const outcome of outcomes) {
        if (outcome.ok) continue;
        const attempts = outcome.message.attempts + 1;
        const giveUp = outcome.permanent || attempts >= MAX_ATTEMPTS;
        await client.query(`UPDATE outbox SET attempts = $2, last_error = $3, status = $4, available_at = $5 WHERE id = $1`, [
          outcome.id,
          attempts,
          outcome.reason,
          giveUp ? 'failed' : 'pending',
          new Date(clock.now().getTime() + backoffMs(attempts)),
        ]);
        logger.warn(
          { outboxId: outcome.id, topic: outcome.message.topic, attempts, giveUp, reason: outcome.reason },
          'outbox delivery failed',
        );
        if (giveUp && this.deps.onGiveUp) await this.deps.onGiveUp(outcome.message, outcome.reason);
      }
      await client.query('COMMIT');
      return outcomes;
    } catch (error) {
      release = error instanceof Error ? error : new Error(String(error));
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', lost);
      // A connection that broke mid-batch is not handed out again.
      client.release(release);
    }
  }

  /** Runs each lane's messages in order, at most `concurrency` handlers at once; never throws. */
  private async runLanes(messages: OutboxMessage[]): Promise<Outcome[]> {
    const lanes = new Map<string, OutboxMessage[]>();
    for (const message of messages) {
      const lane = `${message.topic}\u0000${this.handlers.get(message.topic)?.laneOf?.(message) ?? message.id}`;
      const queue = lanes.get(lane);
      if (queue) queue.push(message);
      else lanes.set(lane, [message]);
    }
    const queues = [...lanes.values()];
    const outcomes: Outcome[] = [];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const message of queue) outcomes.push(await this.deliverOne(message));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queues.length) }, worker));
    return outcomes;
  }

  private async deliverOne(message: OutboxMessage): Promise<Outcome> {
    try {
      await this.handlers.get(message.topic)!.handler(message);
      return { id: message.id, ok: true };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      return { id: message.id, ok: false, reason, message, permanent: error instanceof PermanentDeliveryError };
    }
  }

  private claimPool(): pg.Pool {
    if (!this.pool) {
      this.pool = createPool(
        { connectionString: this.deps.db.url, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true },
        this.deps.logger,
        'outbox claim pool',
      );
    }
    return this.pool;
  }

  /**
   * Delivers as messages are written: LISTENs on `OUTBOX_CHANNEL` (the
   * insert's trigger notifies in the writing transaction, so the wake-up
   * comes with its commit, never before) and drains at each notification;
   * at the earliest due retry; and every `fallbackMs` in case a
   * notification was missed (the listening connection broke and came back).
   * What ROLE=worker|all runs (`startBackground`).
   */
  async start(options: { fallbackMs?: number } = {}): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    this.fallbackMs = options.fallbackMs ?? this.fallbackMs;
    await this.listen();
    this.wake();
  }

  /** Stops listening, waits for the batch in flight, and closes the dispatcher's connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.relisten) clearTimeout(this.relisten);
    this.relisten = undefined;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.drain?.catch(() => undefined);
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end().catch(() => undefined);
  }

  /** Drains now (or again right after the drain in flight). */
  wake(): void {
    if (!this.running) return;
    if (this.drain) {
      this.wakeAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.drain = (async () => {
      let more = false;
      do {
        this.wakeAgain = false;
        try {
          const result = await this.dispatch(DRAIN_LIMIT);
          more = result.sent + result.failed >= DRAIN_LIMIT;
          if (result.failed) this.deps.logger.warn(result, 'outbox delivered, some deliveries failed');
        } catch (error) {
          more = false;
          this.deps.logger.error({ err: error }, 'outbox dispatch failed');
        }
      } while ((this.wakeAgain || more) && this.running);
    })().finally(() => {
      this.drain = undefined;
      void this.scheduleNext();
    });
  }

  private async scheduleNext(): Promise<void> {
    if (!this.running) return;
    let delay = this.fallbackMs;
    try {
      // The next retry of this dispatcher's topics (what is due already was just tried, or is another's).
      const now = this.deps.clock.now();
      const [row] = await sql<{ at: Date | null }>(
        this.deps.db,
        `SELECT min(available_at) AS at FROM outbox WHERE status = 'pending' AND available_at > $1 AND topic = ANY($2::text[])`,
        [now, [...this.handlers.keys()]],
      );
      if (row?.at) delay = Math.min(delay, new Date(row.at).getTime() - now.getTime() + 10);
    } catch {
      // The fallback interval then.
    }
    if (!this.running || this.drain) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }

  private async listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.deps.db.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    listener.on('notification', () => this.wake());
    listener.on('error', (error) => {
      this.deps.logger.warn({ err: error }, 'outbox: the listening connection failed; listening again');
      if (this.listener === listener) this.listener = undefined;
      void listener.end().catch(() => undefined);
      this.listenAgain(1_000);
    });
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (this.stopped) {
      await listener.end().catch(() => undefined);
      return;
    }
    this.listener = listener;
  }

  /**
   * Listens again after `delayMs`, and keeps trying (the delay doubling to
   * 30 s) while the database stays away: giving up would leave every later
   * message to the fallback poll, up to `fallbackMs` late.
   */
  private listenAgain(delayMs: number): void {
    // One retry at a time: a connection lost during `LISTEN` both emits 'error' and fails `listen()`.
    if (this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = undefined;
      if (!this.running || this.stopped) return;
      this.listen().then(
        () => this.wake(),
        (err: unknown) => {
          this.deps.logger.warn({ err }, 'outbox: could not listen again yet; retrying (the fallback poll delivers meanwhile)');
          this.listenAgain(Math.min(delayMs * 2, 30_000));
        },
      );
    }, delayMs);
    this.relisten.unref();
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

function toMessage(row: ClaimedRow): OutboxMessage {
  return {
    id: row.id,
    topic: row.topic,
    dedupeKey: row.dedupe_key,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
  };
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
