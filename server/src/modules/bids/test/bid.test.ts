import { describe, it, expect } from 'vitest';
import { EDITABLE_STATUSES, ORDER_STATUSES, TERMINAL_STATUSES } from '../../orders/index.ts';
import {
  BID_CONDITIONS,
  BID_STATUSES,
  SETTLEMENT_OUTCOMES,
  matches,
  settledStatus,
  stakesOpen,
  type BidCondition,
  type SettlementOutcome,
} from '../domain/bid.ts';
import { ORDER_ENDING_EVENTS } from '../application/settle-ended-order.ts';

/** Written from SPEC §9: a bid wins when its condition is how the order ended; a cancelled order matches nothing. */
const WINS: Record<BidCondition, Record<SettlementOutcome, boolean>> = {
  completed: { completed: true, failed: false, cancelled: false },
  failed: { completed: false, failed: true, cancelled: false },
};

describe('bids: conditions, outcomes and the settlement of one bid', () => {
  for (const condition of BID_CONDITIONS) {
    for (const outcome of SETTLEMENT_OUTCOMES) {
      for (const status of BID_STATUSES) {
        const expected = status === 'open' ? { ok: true, to: WINS[condition][outcome] ? 'won' : 'lost' } : { ok: false };
        it(`a ${status} bid on ${condition}, order ${outcome} → ${expected.ok ? expected.to : 'refused'}`, () => {
          expect(matches(condition, outcome)).toBe(WINS[condition][outcome]);
          expect(settledStatus({ status, condition }, outcome)).toEqual(expected);
        });
      }
    }
  }

  it('takes stakes until the order starts: in the statuses managers may edit it, never in progress, reported or ended', () => {
    const open = ORDER_STATUSES.filter(stakesOpen);
    expect(open).toEqual(['created', 'matching', 'scheduled']);
    expect(open).toEqual([...EDITABLE_STATUSES]);
    for (const status of ['in_progress', 'reported', ...TERMINAL_STATUSES]) expect(stakesOpen(status), status).toBe(false);
  });

  it('settles on exactly the order events whose transition ends an order (read from orders’ lifecycle table)', () => {
    expect([...ORDER_ENDING_EVENTS].sort()).toEqual(
      ['order.accept', 'order.auto_accept', 'order.cancel', 'order.no_check_in', 'order.no_worker', 'order.reject'].sort(),
    );
  });
});
