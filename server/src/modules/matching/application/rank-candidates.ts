import { activeWorkerIds, nearestWorkers } from '../../identity/index.ts';
import { busyWorkerIds, lastAssignedAt, type OrderSlot } from '../../orders/index.ts';
import { leastRecentlyAssignedMatching, MATCHING_STRATEGIES, type Candidate } from '../domain/matching.ts';
import type { Matcher } from './matcher.ts';

/** How far down the nearest list an offers round or a direct match looks (the rest are farther than anyone sensible). */
export const NEAREST_LIMIT = 100;

/** What a matching try works through: the free workers in rank order, the ranking used, and why it is not the configured one. */
export interface Ranked {
  workerIds: string[];
  ranking: string;
  note: string | null;
  /** Great-circle metres from the order's address to each ranked worker's home base (nearest only). */
  distances: Map<string, number>;
}

/**
 * The candidates (active workers free for the whole slot, never the
 * order's own client) in the configured ranking. `nearest` asks identity
 * for the workers nearest the order's address by the index, leaving out
 * the busy; workers without a home base come after them, and an address
 * the geocoder cannot place ranks everyone least-recently-assigned — each
 * said in the attempt's note.
 */
export async function rankCandidates(m: Matcher, slot: OrderSlot): Promise<Ranked> {
  const { kernel } = m;
  const [pool, busy] = await Promise.all([activeWorkerIds(kernel), busyWorkerIds(kernel, slot.startsAt, slot.endsAt)]);
  const free = pool.filter((id) => !busy.has(id) && id !== slot.clientId);
  const candidates = async (ids: string[]): Promise<Candidate[]> => {
    const last = await lastAssignedAt(kernel, ids);
    return ids.map((workerId) => ({ workerId, lastAssignedAt: last.get(workerId) ?? null }));
  };
  if (kernel.config.matchingRanking !== 'nearest') {
    const ranking = MATCHING_STRATEGIES[kernel.config.matchingRanking]!;
    return {
      workerIds: ranking.rank(await candidates(free), m.random).map((c) => c.workerId),
      ranking: ranking.name,
      note: null,
      distances: new Map(),
    };
  }
  const fallback = leastRecentlyAssignedMatching;
  const point = await m.geocoder.locate(slot.address);
  if (!point) {
    return {
      workerIds: fallback.rank(await candidates(free), m.random).map((c) => c.workerId),
      ranking: fallback.name,
      note: `nearest: the ${m.geocoder.name} geocoder could not place the address; ranked ${fallback.name}`,
      distances: new Map(),
    };
  }
  const near = await nearestWorkers(kernel, point, { exclude: [...busy, slot.clientId], limit: NEAREST_LIMIT });
  const nearIds = new Set(near.map((n) => n.workerId));
  const unplaced = free.filter((id) => !nearIds.has(id));
  // Workers beyond the limit have a home base too: only those without one are "unplaced" for the note.
  const withoutBase = near.length < NEAREST_LIMIT ? unplaced : [];
  const rest = withoutBase.length ? fallback.rank(await candidates(withoutBase), m.random).map((c) => c.workerId) : [];
  return {
    workerIds: [...near.map((n) => n.workerId), ...rest],
    ranking: 'nearest',
    note:
      `address at ${point.lat.toFixed(5)},${point.lng.toFixed(5)} (${m.geocoder.name} geocoder)` +
      (rest.length ? `; ${rest.length} worker${rest.length === 1 ? '' : 's'} without a home base ranked last, ${fallback.name}` : ''),
    distances: new Map(near.map((n) => [n.workerId, n.distanceMeters])),
  };
}
