/**
 * The kit lifecycle (SPEC §6) as data. A kit is opened with its order; staff
 * pack its items (`assembling` once the first is packed); it is `ready` when
 * every item is packed and the supplier's cookie has arrived; it is
 * cancelled with its order. Anything not in the table is illegal (409).
 */
export const KIT_STATUSES = ['open', 'assembling', 'ready', 'cancelled'] as const;
export type KitStatus = (typeof KIT_STATUSES)[number];

export const KIT_EVENTS = ['pack', 'ready', 'cancel'] as const;
export type KitEvent = (typeof KIT_EVENTS)[number];

export type KitActor = 'supplies' | 'manager' | 'admin' | 'system';

export interface KitTransition {
  from: readonly KitStatus[];
  to: KitStatus;
  actors: readonly KitActor[];
}

const STAFF: readonly KitActor[] = ['supplies', 'manager', 'admin'];

export const KIT_TRANSITIONS: Record<KitEvent, KitTransition> = {
  pack: { from: ['open', 'assembling'], to: 'assembling', actors: STAFF },
  // Readiness has a guard besides the table (every item packed, the cookie in): see `readiness`.
  ready: { from: ['open', 'assembling'], to: 'ready', actors: STAFF },
  // Only when the order is cancelled or fails before its kit is used.
  cancel: { from: ['open', 'assembling', 'ready'], to: 'cancelled', actors: ['system'] },
};

export type KitDecision = { ok: true; to: KitStatus } | { ok: false; reason: 'illegal_transition' | 'not_allowed' };

export function decideKit(status: KitStatus, event: KitEvent, actors: readonly KitActor[]): KitDecision {
  const transition = KIT_TRANSITIONS[event];
  if (!transition.from.includes(status)) return { ok: false, reason: 'illegal_transition' };
  if (!transition.actors.some((a) => actors.includes(a))) return { ok: false, reason: 'not_allowed' };
  return { ok: true, to: transition.to };
}

export interface KitLine {
  name: string;
  quantity: number;
  packed: boolean;
}

export const COOKIE_STATUSES = ['pending', 'ordered', 'delivered', 'cancelling', 'cancelled'] as const;
export type CookieStatus = (typeof COOKIE_STATUSES)[number];

export type Readiness = { ok: true } | { ok: false; reason: 'cookie_not_arrived' | 'items_unpacked'; unpacked: string[] };

/** The guard of `ready`: the cookie first (it is what staff wait for), then every line packed. */
export function readiness(kit: { items: readonly KitLine[]; cookieStatus: CookieStatus }): Readiness {
  const unpacked = kit.items.filter((i) => !i.packed).map((i) => i.name);
  if (kit.cookieStatus !== 'delivered') return { ok: false, reason: 'cookie_not_arrived', unpacked };
  if (unpacked.length > 0) return { ok: false, reason: 'items_unpacked', unpacked };
  return { ok: true };
}

/**
 * Packs the named lines (all of them when no names are given); names match
 * case-insensitively. Returns the new lines and the names that match no
 * line, so the caller can refuse them.
 */
export function packLines(items: readonly KitLine[], names?: readonly string[]): { items: KitLine[]; unknown: string[] } {
  const wanted = names?.map((n) => n.trim().toLowerCase());
  const unknown = (names ?? []).filter((n) => !items.some((i) => i.name.toLowerCase() === n.trim().toLowerCase()));
  return {
    items: items.map((i) => (!wanted || wanted.includes(i.name.toLowerCase()) ? { ...i, packed: true } : { ...i })),
    unknown,
  };
}

/** What staff could do with the kit now (the buttons of a supplies app). */
export function kitActions(kit: { status: KitStatus; items: readonly KitLine[]; cookieStatus: CookieStatus }, actors: readonly KitActor[]) {
  const actions: ('pack' | 'ready')[] = [];
  if (decideKit(kit.status, 'pack', actors).ok && kit.items.some((i) => !i.packed)) actions.push('pack');
  if (decideKit(kit.status, 'ready', actors).ok && readiness(kit).ok) actions.push('ready');
  return actions;
}

/**
 * When the next try to reach the supplier is due after `attempts` failures:
 * 30 s, 1, 2, 4 … minutes, at most 30 minutes apart. Never given up: the
 * order fails with `no_worker` at its start if the cookie never comes.
 */
export function supplierRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** After this many failures in a row operators are alerted (once per kit and step). */
export const SUPPLIER_ALERT_AFTER = 5;
