import { describe, it, expect } from 'vitest';
import {
  ORDER_STATUSES,
  ORDER_EVENTS,
  decide,
  allowedActions,
  checkInOpen,
  entersReview,
  type OrderStatus,
  type OrderEvent,
  type OrderActor,
} from '../domain/order-lifecycle.ts';

/**
 * Written from SPEC §4 independently of the table: for every event, the one
 * status it leaves and the status it reaches; every other pair is illegal.
 */
const EXPECTED: Record<OrderEvent, { from: OrderStatus[]; to: OrderStatus; by: OrderActor }> = {
  kit_ready: { from: ['created'], to: 'matching', by: 'supplies' },
  worker_assigned: { from: ['matching'], to: 'scheduled', by: 'system' },
  no_worker: { from: ['created', 'matching'], to: 'failed', by: 'system' },
  check_in: { from: ['scheduled'], to: 'in_progress', by: 'assigned_worker' },
  no_check_in: { from: ['scheduled'], to: 'failed', by: 'system' },
  report: { from: ['in_progress'], to: 'reported', by: 'assigned_worker' },
  accept: { from: ['reported'], to: 'completed', by: 'owner_client' },
  auto_accept: { from: ['reported'], to: 'completed', by: 'system' },
  reject: { from: ['reported'], to: 'failed', by: 'owner_client' },
  cancel: { from: ['created', 'matching', 'scheduled'], to: 'cancelled', by: 'owner_client' },
};

const ALL_ACTORS: OrderActor[] = ['owner_client', 'assigned_worker', 'manager', 'admin', 'supplies', 'system'];

describe('order lifecycle: every status × event', () => {
  for (const status of ORDER_STATUSES) {
    for (const event of ORDER_EVENTS) {
      const expected = EXPECTED[event];
      const legal = expected.from.includes(status);
      it(`${status} × ${event} → ${legal ? expected.to : 'illegal'}`, () => {
        const decision = decide(status, event, ALL_ACTORS);
        if (legal) expect(decision).toMatchObject({ ok: true, to: expected.to });
        else expect(decision).toEqual({ ok: false, reason: 'illegal_transition' });
      });
    }
  }

  it('terminal statuses have no way out', () => {
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      for (const event of ORDER_EVENTS) expect(decide(status, event, ALL_ACTORS).ok).toBe(false);
    }
  });

  it('names the failure reason of each failing event', () => {
    expect(decide('scheduled', 'no_check_in', ['system'])).toEqual({ ok: true, to: 'failed', failureReason: 'no_check_in' });
    expect(decide('matching', 'no_worker', ['system'])).toEqual({ ok: true, to: 'failed', failureReason: 'no_worker' });
    expect(decide('reported', 'reject', ['owner_client'])).toEqual({ ok: true, to: 'failed', failureReason: 'rejected' });
    expect(decide('reported', 'accept', ['owner_client'])).toEqual({ ok: true, to: 'completed' });
  });
});

describe('who may act', () => {
  it('lets each event be done by its actor and refuses everyone else', () => {
    const allowedBy: Record<OrderEvent, OrderActor[]> = {
      kit_ready: ['supplies', 'manager', 'admin', 'system'],
      worker_assigned: ['system'],
      no_worker: ['system'],
      check_in: ['assigned_worker'],
      no_check_in: ['system'],
      report: ['assigned_worker'],
      accept: ['owner_client'],
      auto_accept: ['system'],
      reject: ['owner_client'],
      cancel: ['owner_client', 'manager', 'admin'],
    };
    for (const event of ORDER_EVENTS) {
      const from = EXPECTED[event].from[0]!;
      for (const actor of ALL_ACTORS) {
        const decision = decide(from, event, [actor]);
        if (allowedBy[event].includes(actor)) expect(decision.ok, `${actor} ${event}`).toBe(true);
        else expect(decision, `${actor} ${event}`).toEqual({ ok: false, reason: 'not_allowed' });
      }
    }
  });
});

describe('check-in window', () => {
  const start = new Date('2026-05-10T14:00:00Z');
  it('opens exactly 2 hours before the start and closes at the start', () => {
    expect(checkInOpen(start, new Date('2026-05-10T11:59:59.999Z'))).toBe(false);
    expect(checkInOpen(start, new Date('2026-05-10T12:00:00.000Z'))).toBe(true);
    expect(checkInOpen(start, new Date('2026-05-10T13:59:59.999Z'))).toBe(true);
    expect(checkInOpen(start, new Date('2026-05-10T14:00:00.000Z'))).toBe(false);
  });
});

describe('allowed actions', () => {
  const start = new Date('2026-05-10T14:00:00Z');
  it('offers the client cancel before check-in and accept/reject after the report', () => {
    expect(allowedActions({ status: 'scheduled', startsAt: start }, ['owner_client'], new Date('2026-05-09T00:00:00Z'))).toEqual([
      'cancel',
    ]);
    expect(allowedActions({ status: 'reported', startsAt: start }, ['owner_client'], start)).toEqual(['accept', 'reject']);
    expect(allowedActions({ status: 'in_progress', startsAt: start }, ['owner_client'], start)).toEqual([]);
  });

  it('offers the assigned worker check-in only inside the window', () => {
    expect(allowedActions({ status: 'scheduled', startsAt: start }, ['assigned_worker'], new Date('2026-05-10T11:00:00Z'))).toEqual([]);
    expect(allowedActions({ status: 'scheduled', startsAt: start }, ['assigned_worker'], new Date('2026-05-10T13:00:00Z'))).toEqual([
      'check_in',
    ]);
    expect(allowedActions({ status: 'in_progress', startsAt: start }, ['assigned_worker'], start)).toEqual(['report']);
  });

  it('never offers system events, nor kit_ready (the kit is made ready on the kit), and offers staff their actions', () => {
    expect(allowedActions({ status: 'created', startsAt: start }, ['manager'], start)).toEqual(['cancel']);
    expect(allowedActions({ status: 'created', startsAt: start }, ['supplies'], start)).toEqual([]);
    expect(allowedActions({ status: 'matching', startsAt: start }, ['supplies'], start)).toEqual([]);
    for (const status of ORDER_STATUSES) {
      const offered = allowedActions({ status, startsAt: start }, ALL_ACTORS, new Date('2026-05-10T13:00:00Z'));
      expect(offered.filter((e) => ['worker_assigned', 'no_worker', 'no_check_in', 'auto_accept'].includes(e))).toEqual([]);
    }
  });
});

describe('quality review', () => {
  it('takes failed and cancelled orders', () => {
    expect(ORDER_STATUSES.filter(entersReview)).toEqual(['failed', 'cancelled']);
  });
});
