/**
 * Who gets an order (SPEC §7): a ranking orders the active workers free
 * for the order's whole slot, chosen by configuration (`MATCHING_RANKING`;
 * `nearest` ranks in SQL, see application/rank-candidates.ts, and falls
 * back to one of these). Rankings are pure: candidates and randomness come
 * in, an ordered list of preferences goes out (the database's exclusion
 * constraint has the last word, so the caller tries them in order, or
 * offers the order to them in order).
 */
export interface Candidate {
  workerId: string;
  /** When the worker was last assigned an order (null: never). */
  lastAssignedAt: Date | null;
}

export interface MatchingStrategy {
  readonly name: string;
  rank(candidates: readonly Candidate[], random: () => number): Candidate[];
}

/** Uniformly random order (Fisher–Yates), so each free worker is equally likely to be first. */
export const randomMatching: MatchingStrategy = {
  name: 'random',
  rank(candidates, random) {
    const ranked = [...candidates];
    for (let i = ranked.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ranked[i], ranked[j]] = [ranked[j]!, ranked[i]!];
    }
    return ranked;
  },
};

/** The worker who has waited longest since their last order first (never assigned = longest); ties by id, stable. */
export const leastRecentlyAssignedMatching: MatchingStrategy = {
  name: 'least-recently-assigned',
  rank(candidates) {
    return [...candidates].sort((a, b) => {
      const at = a.lastAssignedAt?.getTime() ?? -Infinity;
      const bt = b.lastAssignedAt?.getTime() ?? -Infinity;
      return at === bt ? a.workerId.localeCompare(b.workerId) : at - bt;
    });
  },
};

export const MATCHING_STRATEGIES: Record<string, MatchingStrategy> = {
  [randomMatching.name]: randomMatching,
  [leastRecentlyAssignedMatching.name]: leastRecentlyAssignedMatching,
};

/** A small seedable generator (mulberry32), for reproducible tests and runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
