import { describe, it, expect } from 'vitest';
import {
  KIT_STATUSES,
  KIT_EVENTS,
  decideKit,
  readiness,
  packLines,
  kitActions,
  supplierRetryDelayMs,
  type KitStatus,
  type KitEvent,
  type KitActor,
  type KitLine,
} from '../domain/kit-lifecycle.ts';

/** Written from SPEC §6 independently of the table: where each event may start, where it leads, who may take it. */
const EXPECTED: Record<KitEvent, { from: KitStatus[]; to: KitStatus; by: KitActor[] }> = {
  pack: { from: ['open', 'assembling'], to: 'assembling', by: ['supplies', 'manager', 'admin'] },
  ready: { from: ['open', 'assembling'], to: 'ready', by: ['supplies', 'manager', 'admin'] },
  cancel: { from: ['open', 'assembling', 'ready'], to: 'cancelled', by: ['system'] },
};
const ACTORS: KitActor[] = ['supplies', 'manager', 'admin', 'system'];

describe('kit lifecycle: every status × event × actor', () => {
  for (const status of KIT_STATUSES) {
    for (const event of KIT_EVENTS) {
      for (const actor of ACTORS) {
        const { from, to, by } = EXPECTED[event];
        const expected = !from.includes(status) ? 'illegal_transition' : !by.includes(actor) ? 'not_allowed' : to;
        it(`${status} × ${event} by ${actor} → ${expected}`, () => {
          const decision = decideKit(status, event, [actor]);
          expect(decision.ok ? decision.to : decision.reason).toBe(expected);
        });
      }
    }
  }
});

describe('kit readiness and packing', () => {
  const lines: KitLine[] = [
    { name: 'Litter', quantity: 2, packed: false },
    { name: 'Scoop', quantity: 1, packed: false },
  ];

  it('waits for the cookie first, then for every line', () => {
    expect(readiness({ items: lines, cookieStatus: 'ordered' })).toMatchObject({ ok: false, reason: 'cookie_not_arrived' });
    expect(readiness({ items: lines, cookieStatus: 'delivered' })).toEqual({
      ok: false,
      reason: 'items_unpacked',
      unpacked: ['Litter', 'Scoop'],
    });
    const packed = packLines(lines).items;
    for (const status of ['pending', 'ordered', 'cancelling', 'cancelled'] as const) {
      expect(readiness({ items: packed, cookieStatus: status }).ok).toBe(false);
    }
    expect(readiness({ items: packed, cookieStatus: 'delivered' })).toEqual({ ok: true });
    // A kit with no items waits only for its cookie.
    expect(readiness({ items: [], cookieStatus: 'delivered' })).toEqual({ ok: true });
  });

  it('packs named lines case-insensitively, all when none are named, and reports unknown names', () => {
    expect(packLines(lines, [' litter ']).items.map((l) => l.packed)).toEqual([true, false]);
    expect(packLines(lines).items.every((l) => l.packed)).toBe(true);
    expect(packLines(lines, ['Litter', 'Feather']).unknown).toEqual(['Feather']);
    // Pure: the input is untouched.
    expect(lines.every((l) => !l.packed)).toBe(true);
  });

  it('offers staff pack while something is unpacked and ready only when it would be accepted', () => {
    const staff: KitActor[] = ['supplies'];
    expect(kitActions({ status: 'open', items: lines, cookieStatus: 'ordered' }, staff)).toEqual(['pack']);
    expect(kitActions({ status: 'assembling', items: packLines(lines).items, cookieStatus: 'delivered' }, staff)).toEqual(['ready']);
    expect(kitActions({ status: 'ready', items: packLines(lines).items, cookieStatus: 'delivered' }, staff)).toEqual([]);
    expect(kitActions({ status: 'open', items: lines, cookieStatus: 'delivered' }, ['system'])).toEqual([]);
  });

  it('backs off 30 s, 1, 2, 4 … minutes between supplier tries, capped at 30 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(supplierRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000]);
    expect(supplierRetryDelayMs(50)).toBe(1_800_000);
  });
});
