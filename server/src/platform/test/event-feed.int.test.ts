import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connectDatabase, sql, type Database, type Tx } from '../database.ts';
import { createLogger } from '../logger.ts';
import { findEvent, listEventsAfter, purgeEventsBefore, recordPublicEvent, recordPublicEvents, type FeedEvent } from '../event-feed.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';

/**
 * The feed's cursor guarantee on a real PostgreSQL: a reader paging with its
 * cursor while transactions record events (some held open, some rolled
 * back) sees exactly the committed events, each once, in seq order.
 */
describe('the public event feed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  const at = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectDatabase(database.url, createLogger({ level: 'silent' }), { poolMax: 40 });
  });
  afterAll(async () => {
    await Promise.allSettled([...open].map((tx) => tx.rollback()));
    await db?.close();
    await database?.drop();
  });

  const open = new Set<Tx>();
  const begin = () => db.sequelize.transaction();
  /** Remembers a transaction so that a failing case cannot leave it open (and hang the teardown). */
  const track = (tx: Tx) => (open.add(tx), tx);
  const record = (tx: Tx, type = 'order.created', audience: string[] = []) =>
    recordPublicEvent(db, tx, { type, data: { n: Math.random() }, audience, occurredAt: at });
  const committedIds = async () => (await sql<{ id: string }>(db, 'SELECT id FROM events ORDER BY tx, seq')).map((r) => r.id);

  /** Pages from `cursor` until the feed has nothing more to give right now. */
  async function drain(cursor: string | null, limit = 3): Promise<{ events: FeedEvent[]; cursor: string | null }> {
    const events: FeedEvent[] = [];
    for (;;) {
      const page = await listEventsAfter(db, { afterSeq: cursor, limit });
      if (page.length === 0) return { events, cursor };
      events.push(...page);
      cursor = page.at(-1)!.seq;
    }
  }

  it('hands out an event whose transaction took its id first but recorded a larger seq, then the smaller seq when it commits', async () => {
    // `early` took its transaction id first but records its event second, and commits while `late` is open:
    // a reader paging by seq alone would hand out `early`'s larger seq and then skip `late`'s smaller one.
    const early = track(await begin());
    const late = track(await begin());
    await sql(db, 'SELECT pg_current_xact_id()', [], early);
    await sql(db, 'SELECT pg_current_xact_id()', [], late);
    const smaller = await record(late);
    const larger = await record(early);
    expect(BigInt(smaller.seq)).toBeLessThan(BigInt(larger.seq));
    await early.commit();

    const start = await drain(null);
    expect(start.events.map((e) => e.id)).toEqual([larger.id]);
    await late.commit();
    const rest = await drain(start.cursor);
    expect(rest.events.map((e) => e.id)).toEqual([smaller.id]);
    expect([...start.events, ...rest.events].map((e) => e.id)).toEqual(await committedIds());
  });

  it('holds back events of younger transactions while an older one that recorded is open', async () => {
    const before = await drain(null);
    const older = track(await begin());
    const held = await record(older);
    const younger = track(await begin());
    const next = await record(younger);
    await younger.commit();
    expect((await drain(before.cursor)).events).toEqual([]);
    await older.rollback();
    expect((await drain(before.cursor)).events.map((e) => e.id)).toEqual([next.id]);
    expect(await findEvent(db, held.id)).toBeUndefined();
  });

  it('gives a paging reader exactly the committed events, once each, in the feed order, while transactions race', async () => {
    const before = await committedIds();
    let cursor: string | null = (await listEventsAfter(db, { afterSeq: null, limit: 1000 })).at(-1)?.seq ?? null;
    const seen: FeedEvent[] = [];
    const rolledBack = new Set<string>();
    let reading: Promise<void> = Promise.resolve();
    // A fixed pseudo-random schedule, so a failure replays the same way.
    let seed = 14;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    for (let round = 0; round < 4; round++) {
      const writers = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const tx = track(await begin());
          // Half take their transaction id early (as a use case does when it changes a row first).
          if (random() < 0.5) await sql(db, 'SELECT pg_current_xact_id()', [], tx);
          return { tx, ids: [] as string[], rollback: random() < 0.25 };
        }),
      );
      // Record events in a shuffled order, the reader paging in between.
      const steps = writers.flatMap((w) => Array.from({ length: 1 + Math.floor(random() * 3) }, () => w));
      steps.sort(() => random() - 0.5);
      // One reader: its pages follow each other (a page asked for while one is being read waits its turn).
      const page = () =>
        (reading = reading.then(async () => {
          const next = await drain(cursor, 1 + Math.floor(random() * 4));
          seen.push(...next.events);
          cursor = next.cursor;
        }));
      await Promise.all(
        steps.map(async (w, i) => {
          w.ids.push((await record(w.tx)).id);
          if (i % 5 === 0) await page();
        }),
      );
      // End them in a shuffled order, concurrently with the reader; a few stay open into the next round's reads.
      const order = [...writers].sort(() => random() - 0.5);
      const heldOpen = order.splice(0, 3);
      await Promise.all([
        ...order.map(async (w, i) => {
          if (w.rollback) {
            await w.tx.rollback();
            w.ids.forEach((id) => rolledBack.add(id));
          } else await w.tx.commit();
          if (i % 4 === 0) await page();
        }),
        page(),
      ]);
      await page();
      // Nothing recorded by a held transaction may have been handed out yet, nor anything after its first seq.
      for (const w of heldOpen) expect(seen.map((e) => e.id).filter((id) => w.ids.includes(id))).toEqual([]);
      await Promise.all(heldOpen.map((w) => (w.rollback ? w.tx.rollback() : w.tx.commit())));
      heldOpen.filter((w) => w.rollback).forEach((w) => w.ids.forEach((id) => rolledBack.add(id)));
    }
    await drain(cursor).then((last) => seen.push(...last.events));

    const committed = (await committedIds()).filter((id) => !before.includes(id));
    expect(committed.length).toBeGreaterThan(100);
    expect(rolledBack.size).toBeGreaterThan(10);
    expect(seen.map((e) => e.id)).toEqual(committed);
    expect(seen.filter((e) => rolledBack.has(e.id))).toEqual([]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });

  it('is not held back by a transaction open in another database on the same server', async () => {
    const elsewhere = await createTestDatabase();
    const other = connectDatabase(elsewhere.url, createLogger({ level: 'silent' }));
    const open = await other.sequelize.transaction();
    try {
      await sql(other, 'SELECT pg_current_xact_id()', [], open);
      const before = await drain(null, 1000);
      const tx = track(await begin());
      const event = await record(tx);
      await tx.commit();
      expect((await drain(before.cursor)).events.map((e) => e.id)).toEqual([event.id]);
    } finally {
      await open.rollback();
      await other.close();
      await elsewhere.drop();
    }
  });

  it('filters by type and audience, and finds an event by id', async () => {
    const client = '7b0f6c1e-0000-4000-8000-000000000001';
    const other = '7b0f6c1e-0000-4000-8000-000000000002';
    const tx = await begin();
    const mine = await recordPublicEvent(db, tx, {
      type: 'invoice.issued',
      data: { id: 'inv-1' },
      audience: [client],
      occurredAt: at,
    });
    const kit = await record(tx, 'kit.created');
    await tx.commit();
    const start = (await committedIds()).length;
    expect(start).toBeGreaterThan(2);

    const forClient = await listEventsAfter(db, { afterSeq: null, limit: 1000, visibleTo: client });
    expect(forClient.map((e) => e.id)).toEqual([mine.id]);
    expect(await listEventsAfter(db, { afterSeq: null, limit: 1000, visibleTo: other })).toEqual([]);
    const kits = await listEventsAfter(db, { afterSeq: null, limit: 1000, types: ['kit.created'] });
    expect(kits.map((e) => e.id)).toEqual([kit.id]);
    expect(await findEvent(db, mine.id)).toEqual({
      id: mine.id,
      seq: mine.seq,
      type: 'invoice.issued',
      createdAt: at.toISOString(),
      data: { id: 'inv-1' },
      apiVersion: '2026-12-01',
    });
    expect(await findEvent(db, 'not-a-uuid')).toBeUndefined();
    expect(await findEvent(db, other)).toBeUndefined();
  });

  it('records many events at once in the order given, over several statements, each with its own audience', async () => {
    const [a, b] = ['0b5c4d41-8f3e-4c39-9d0f-0a7c1f1e2a01', '0b5c4d41-8f3e-4c39-9d0f-0a7c1f1e2a02'];
    // 2,500 events: more than one statement's thousand, so the order must hold across statements too.
    const many = Array.from({ length: 2500 }, (_, i) => ({
      type: i % 2 ? 'invoice.paid' : 'invoice.issued',
      data: { i, lines: [{ price: '1.00' }] },
      audience: i % 3 ? [a] : [a, b],
    }));
    const before = await committedIds();
    const tx = await begin();
    await recordPublicEvents(db, tx, many, at);
    await tx.commit();
    const rows = await sql<{ type: string; data: { i: number }; audience: string[]; created_at: Date }>(
      db,
      'SELECT type, data, audience, created_at FROM events WHERE NOT (id = ANY($1::uuid[])) ORDER BY tx, seq',
      [before],
    );
    expect(rows.map((r) => [r.type, r.data.i, r.audience])).toEqual(many.map((e) => [e.type, e.data.i, e.audience]));
    expect(rows.every((r) => r.created_at.getTime() === at.getTime())).toBe(true);
    // And none when the transaction rolls back.
    const rolledBack = await begin();
    await recordPublicEvents(db, rolledBack, many.slice(0, 10), at);
    await rolledBack.rollback();
    expect((await committedIds()).length).toBe(before.length + many.length);
  });

  it('refuses a cursor that names no event', async () => {
    await expect(listEventsAfter(db, { afterSeq: '999999999', limit: 10 })).rejects.toMatchObject({ code: 'EVENTS.UNKNOWN_CURSOR' });
  });

  it('purges events recorded before a moment', async () => {
    const tx = await begin();
    const old = await recordPublicEvent(db, tx, {
      type: 'kit.created',
      data: {},
      audience: [],
      occurredAt: new Date('2026-01-01T00:00:00Z'),
    });
    await tx.commit();
    const purged = await purgeEventsBefore(db, new Date('2026-06-01T00:00:00Z'));
    expect(purged).toBe(1);
    expect(await findEvent(db, old.id)).toBeUndefined();
    expect(await findEvent(db, (await committedIds())[0]!)).toBeDefined();
  });
});
