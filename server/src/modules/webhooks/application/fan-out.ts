import { transaction } from '../../../platform/database.ts';
import { listEventsAfter } from '../../../platform/event-feed.ts';
import { acceptsEventType, envelopeBody } from '../domain/endpoint.ts';
import { activeEndpointFilters, advanceFeedCursor, insertDeliveries, readFeedCursor } from '../infra/webhooks.repository.ts';
import type { Webhooks } from './context.ts';

const BATCH = 200;
/** A run's share of the backlog; the rest waits for the next run (a poll is seconds away). */
const MAX_BATCHES = 25;

/**
 * Reads the public event feed from webhooks' own cursor and writes one
 * delivery per matching active endpoint (one that existed when the event
 * happened). The feed is read outside any transaction (a reader's open
 * transaction would hold the feed back); the cursor row is then locked, and
 * only if nobody advanced it meanwhile are the deliveries written and the
 * cursor moved, in one transaction: each event is fanned out exactly once
 * even with two processes at it (the unique key (endpoint, event) is the
 * second fence). Returns the deliveries written.
 */
export async function fanOut(webhooks: Webhooks): Promise<number> {
  const { db, clock } = webhooks.kernel;
  let written = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const after = await readFeedCursor(db);
    const events = await listEventsAfter(db, { afterSeq: after, limit: BATCH });
    if (events.length === 0) break;
    const outcome = await transaction(db, async (tx) => {
      if ((await readFeedCursor(db, tx, true)) !== after) return 'raced' as const;
      const endpoints = await activeEndpointFilters(db, tx);
      const rows = events.flatMap((event) =>
        endpoints
          .filter((e) => acceptsEventType(e.event_types, event.type) && e.created_at.getTime() <= Date.parse(event.createdAt))
          .map((e) => ({ endpointId: e.id, eventId: event.id, eventType: event.type, body: envelopeBody(event) })),
      );
      const count = await insertDeliveries(db, tx, rows, clock.now());
      await advanceFeedCursor(db, tx, events.at(-1)!.seq);
      return count;
    });
    // Another process fanned this batch out: read on from where it left the cursor.
    if (outcome === 'raced') continue;
    written += outcome;
    if (events.length < BATCH) break;
  }
  return written;
}
