import type { Kernel } from '../../../platform/module.ts';
import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { findCursor, listEventsAfter, type FeedEvent } from '../../../platform/event-feed.ts';

export interface EventView {
  id: string;
  type: string;
  apiVersion: string;
  createdAt: string;
  /** The resource's snapshot, as the API returns it. */
  data: Record<string, unknown>;
}

const toView = (event: FeedEvent): EventView => ({
  id: event.id,
  type: event.type,
  apiVersion: event.apiVersion,
  createdAt: event.createdAt,
  data: event.data as Record<string, unknown>,
});

/**
 * Who reads what: managers and admins every event; supplies staff the kit
 * events (the kits are their work, the rest is not their business); anyone
 * else (client, worker, applicant) the events addressed to them.
 */
function scopeOf(kernel: Pick<Kernel, 'events'>, principal: Principal): { types?: string[]; visibleTo?: string } {
  if (isManager(principal)) return {};
  if (principal.roles.includes('supplies')) return { types: kernel.events.publicEventTypes().filter((t) => t.startsWith('kit.')) };
  return { visibleTo: principal.id };
}

const mayRead = (scope: { types?: string[]; visibleTo?: string }, event: { type: string; audience: readonly string[] }) =>
  (!scope.types || scope.types.includes(event.type)) && (scope.visibleTo === undefined || event.audience.includes(scope.visibleTo));

/** A page of the feed as `principal` may read it, after the event `after` (its id). */
export async function listEvents(
  kernel: Pick<Kernel, 'db' | 'events'>,
  principal: Principal,
  query: { after?: string; types?: string[]; limit: number },
): Promise<{ data: EventView[]; nextCursor: string | null }> {
  const known = new Set(kernel.events.publicEventTypes());
  const asked = query.types?.flatMap((t) => t.split(',')).filter((t) => t !== '');
  const unknown = asked?.filter((t) => !known.has(t)) ?? [];
  if (unknown.length) throw new AppError('EVENTS.UNKNOWN_TYPE', `No public event is of type ${unknown.join(', ')}.`);
  const scope = scopeOf(kernel, principal);
  let cursor: { seq: string; tx: string } | undefined;
  if (query.after !== undefined) {
    const found = await findCursor(kernel.db, query.after);
    // One answer for an event that is not there and one the caller may not read: the cursor reveals nothing.
    if (!found || !mayRead(scope, found)) {
      throw new AppError('EVENTS.UNKNOWN_CURSOR', `No event ${query.after} that you may read is kept; start again without "after".`);
    }
    cursor = found;
  }
  const types = asked?.length ? (scope.types ? asked.filter((t) => scope.types!.includes(t)) : asked) : scope.types;
  // Asked only for types this caller may not read: nothing, whatever the feed holds.
  const events =
    types && types.length === 0
      ? []
      : await listEventsAfter(kernel.db, {
          afterSeq: cursor?.seq ?? null,
          afterTx: cursor?.tx,
          limit: query.limit,
          types,
          visibleTo: scope.visibleTo,
        });
  return { data: events.map(toView), nextCursor: events.at(-1)?.id ?? query.after ?? null };
}
