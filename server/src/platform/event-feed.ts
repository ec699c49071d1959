import { execute, sql, type Database, type Tx } from './database.ts';
import { AppError } from './errors.ts';

/**
 * The public event feed: what happened to the public resources (orders,
 * invoices, statements …), as partners read it at GET /v1/events and as
 * webhooks deliver it. Unlike domain events (`events.ts`, between modules,
 * fanned out through the outbox), public events are kept in one table, in
 * one order, for a while (retention), and read by cursor.
 *
 * The cursor guarantee: reading on from a cursor never skips an event and
 * never repeats one. `seq` is allocated when an event is inserted, not when
 * its transaction commits, so ordering by seq alone cannot work: a
 * transaction that took its id first may record its event second and
 * commit first, and a reader that handed out the larger seq would skip the
 * smaller one when it commits (the first case of `event-feed.int.test.ts`).
 * So the feed's order is (tx, seq): the recording transaction's id, then
 * seq within it; and a reader sees only events whose transaction is older
 * than every transaction still running in this database. Every transaction
 * below that horizon has ended, and every later one gets a larger id, so
 * the part of the feed below the horizon never changes again: a cursor into
 * it is stable. An open transaction holds back every event of transactions
 * younger than it until it commits or rolls back, and nothing longer.
 */

/**
 * The version of every public event's payload, in each event's envelope
 * (`apiVersion`): the date the payloads took their present shape. A change
 * that is not purely additive bumps it; an event keeps the version it was
 * recorded with.
 */
export const PUBLIC_EVENTS_API_VERSION = '2026-12-01';

export interface FeedEvent {
  id: string;
  seq: string;
  type: string;
  createdAt: string;
  data: unknown;
  /** The payload's version (`PUBLIC_EVENTS_API_VERSION` when it was recorded). */
  apiVersion: string;
}

/**
 * Every public event type with the payload it carries (the resource as the
 * API returns it). The kernel records none: each module that owns a
 * resource merges its types in (`declare module '…/platform/event-feed.ts'
 * { interface PublicEventMap { … } }`) and declares them in its definition
 * (`publicEvents`), where the contract test finds them; the contract's
 * `webhooks` section documents each.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PublicEventMap {}

export type PublicEventType = keyof PublicEventMap & string;

/** A public event type as its module declares it. */
export interface PublicEventDeclaration {
  type: PublicEventType;
  /** The contract's schema of its `data` (`components.schemas.<schema>`). */
  schema: string;
  /** Who besides staff receives it. */
  audience: string;
}

interface EventRow {
  id: string;
  seq: string;
  type: string;
  data: unknown;
  created_at: Date;
  api_version: string;
}

const EVENT_COLUMNS = 'id, seq::text AS seq, type, data, created_at, api_version';

const toFeedEvent = (row: EventRow): FeedEvent => ({
  id: row.id,
  seq: row.seq,
  type: row.type,
  createdAt: row.created_at.toISOString(),
  data: row.data,
  apiVersion: row.api_version,
});

/** In the caller's transaction: the event exists only if its cause commits. */
export async function recordPublicEvent(
  db: Database,
  tx: Tx,
  event: { type: string; data: unknown; audience: readonly string[]; occurredAt: Date },
): Promise<{ id: string; seq: string }> {
  const [row] = await sql<{ id: string; seq: string }>(
    db,
    `INSERT INTO events (type, data, audience, created_at, api_version) VALUES ($1, $2::jsonb, $3::uuid[], $4, $5)
     RETURNING id, seq::text AS seq`,
    [event.type, JSON.stringify(event.data), [...event.audience], event.occurredAt, PUBLIC_EVENTS_API_VERSION],
    tx,
  );
  return row!;
}

/** Events per statement in `recordPublicEvents`: bounds the one JSON parameter a statement carries (a few MB). */
const EVENTS_PER_STATEMENT = 1000;

/**
 * Many events at once, in the caller's transaction and in the order given
 * (their seqs follow it): a statement per thousand events rather than one
 * per event. A Sunday's run records two events for each of 20,000 invoices,
 * and an INSERT each took 16 of its 17 s (bench:billing, issue #17).
 */
export async function recordPublicEvents(
  db: Database,
  tx: Tx,
  events: readonly { type: string; data: unknown; audience: readonly string[] }[],
  occurredAt: Date,
): Promise<void> {
  for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
    await execute(
      db,
      // ORDER BY the ordinality: the identity numbers the rows in the order they are inserted.
      `INSERT INTO events (type, data, audience, created_at, api_version)
       SELECT e.type, e.data, ARRAY(SELECT jsonb_array_elements_text(e.audience))::uuid[], $2, $3
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (type text, data jsonb, audience jsonb)) WITH ORDINALITY AS e(type, data, audience, n)
       ORDER BY e.n`,
      [JSON.stringify(events.slice(start, start + EVENTS_PER_STATEMENT)), occurredAt, PUBLIC_EVENTS_API_VERSION],
      tx,
    );
  }
}

/**
 * The oldest transaction still running in this database (or, when none is,
 * the next one to be numbered): every event of an older transaction is
 * settled and visible to any later statement. Transactions of other
 * databases on the same server record nothing here, so they are left out
 * (a long one elsewhere would otherwise stall the feed).
 *
 * Read in its own statement, before the events: a transaction that ends in
 * between is then visible to the events' (later) snapshot.
 */
async function feedHorizon(db: Database): Promise<string> {
  const [row] = await sql<{ horizon: string }>(
    db,
    `WITH s AS (SELECT pg_current_snapshot() AS snap),
          here AS (SELECT backend_xid::text AS xid FROM pg_stat_activity
                   WHERE datname = current_database() AND backend_xid IS NOT NULL)
     SELECT coalesce(
              (SELECT min(x) FROM s, pg_snapshot_xip(s.snap) AS x
               WHERE (x::text::numeric % 4294967296)::text IN (SELECT xid FROM here)),
              (SELECT pg_snapshot_xmax(snap) FROM s)
            )::text AS horizon`,
  );
  return row!.horizon;
}

/**
 * Oldest first, after `afterSeq` (exclusive; null = from the start); only
 * events whose transaction is older than every transaction still running,
 * so a reader never skips an event that commits later with a smaller seq
 * (no gaps, no duplicates). "After" is in the feed's order, (tx, seq); an
 * `afterSeq` that names no event (never, or purged by retention) is
 * `EVENTS.UNKNOWN_CURSOR`. Read it outside a transaction that has written
 * (its own transaction would hold the feed back).
 */
export async function listEventsAfter(
  db: Database,
  query: {
    afterSeq: string | null;
    /** The cursor event's transaction, when the caller has it (`findCursor`): saves looking it up. */
    afterTx?: string;
    limit: number;
    types?: readonly string[];
    visibleTo?: string;
  },
): Promise<FeedEvent[]> {
  const horizon = await feedHorizon(db);
  const params: unknown[] = [horizon, query.limit];
  const filters: string[] = [];
  if (query.afterSeq !== null) {
    let tx = query.afterTx;
    if (tx === undefined) {
      const [cursor] = await sql<{ tx: string }>(db, 'SELECT tx::text AS tx FROM events WHERE seq = $1::bigint', [query.afterSeq]);
      if (!cursor) throw new AppError('EVENTS.UNKNOWN_CURSOR', `no event has seq ${query.afterSeq} (any longer)`);
      tx = cursor.tx;
    }
    params.push(tx, query.afterSeq);
    const [txParam, seqParam] = [`$${params.length - 1}::xid8`, `$${params.length}::bigint`];
    filters.push(
      query.visibleTo === undefined
        ? `AND (e.tx, e.seq) > (${txParam}, ${seqParam})`
        : // One reader's page. PostgreSQL estimates a row comparison by its first column alone, strictly
          // (tx > the cursor's): for a cursor in the newest transaction that is no row, so it walked
          // (tx, seq) from the cursor filtering by audience, through every later event of that
          // transaction. A Sunday's billing run is one transaction of 40,000 events; on bench/api's
          // seed one page read 68,000 rows (75 ms, 1 page in 14 of a client's first pages). Here the
          // comparison is not an index condition (IS TRUE), and `tx >=` is, estimated from the
          // statistics of tx: the planner walks (tx, seq) only when few events come after the
          // cursor's transaction, and takes the reader's own events from the audience index otherwise.
          `AND e.tx >= ${txParam} AND ((e.tx, e.seq) > (${txParam}, ${seqParam})) IS TRUE`,
    );
  }
  if (query.types?.length) {
    params.push([...query.types]);
    filters.push(`AND type = ANY($${params.length}::text[])`);
  }
  if (query.visibleTo !== undefined) {
    params.push(query.visibleTo);
    // Containment, not `= ANY(audience)`: only `@>` can use the GIN index on audience, and without it a
    // client's page scanned the whole feed (the query-plan test, issue #17).
    filters.push(`AND audience @> ARRAY[$${params.length}::uuid]`);
  }
  const rows = await sql<EventRow>(
    db,
    `SELECT ${EVENT_COLUMNS}
     FROM events e
     WHERE e.tx < $1::xid8 ${filters.join(' ')}
     -- The columns, not the text aliases above.
     ORDER BY e.tx, e.seq
     LIMIT $2`,
    params,
  );
  return rows.map(toFeedEvent);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event of this id, or undefined (also for an id that is not a uuid). */
export async function findEvent(db: Database, id: string): Promise<FeedEvent | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await sql<EventRow>(db, `SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1::uuid`, [id]);
  return row ? toFeedEvent(row) : undefined;
}

/** A reader's cursor: the event of this id with its place in the feed and who besides staff may read it (undefined when there is none). */
export async function findCursor(
  db: Database,
  id: string,
): Promise<{ seq: string; tx: string; type: string; audience: string[] } | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await sql<{ seq: string; tx: string; type: string; audience: string[] }>(
    db,
    'SELECT seq::text AS seq, tx::text AS tx, type, audience FROM events WHERE id = $1::uuid',
    [id],
  );
  return row;
}

/** Forgets events recorded before `before` (retention, the `events.purge` job). */
export async function purgeEventsBefore(db: Database, before: Date): Promise<number> {
  const rows = await sql<{ n: string }>(
    db,
    `WITH gone AS (DELETE FROM events WHERE created_at < $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`,
    [before],
  );
  return Number(rows[0]!.n);
}
