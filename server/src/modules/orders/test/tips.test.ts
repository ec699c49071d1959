import { describe, it, expect } from 'vitest';
import { Money } from '../../../platform/money.ts';
import { startOfDayAfter, tipRefusal, tipWindowEnd } from '../domain/tips.ts';

const m = (s: string) => Money.parse(s);
const BERLIN = 'Europe/Berlin';
// Accepted on Wednesday 7 January 2032, 21:30 in Berlin (20:30 UTC, winter time).
const ACCEPTED = new Date('2032-01-07T20:30:00Z');
const completed = (tips = '0.00', price = '100.00') => ({
  status: 'completed',
  priceCents: m(price).cents,
  tipsCents: m(tips).cents,
  acceptedAt: ACCEPTED,
});
const code = (r: ReturnType<typeof tipRefusal>) => r?.code ?? null;

describe('orders: the tip rule (issue 19)', () => {
  it('takes 0.01 up to exactly the price, and refuses 0.00, negatives and one hundredth over', () => {
    expect(tipRefusal(completed(), m('0.01'), ACCEPTED, BERLIN)).toBeNull();
    expect(tipRefusal(completed(), m('100.00'), ACCEPTED, BERLIN)).toBeNull();
    expect(code(tipRefusal(completed(), m('100.01'), ACCEPTED, BERLIN))).toBe('ORDERS.TIP_OUT_OF_RANGE');
    expect(code(tipRefusal(completed(), m('0.00'), ACCEPTED, BERLIN))).toBe('ORDERS.TIP_OUT_OF_RANGE');
    expect(code(tipRefusal(completed(), m('-5.00'), ACCEPTED, BERLIN))).toBe('ORDERS.TIP_OUT_OF_RANGE');
    // The cap follows the order's own price.
    expect(tipRefusal(completed('0.00', '33.33'), m('33.33'), ACCEPTED, BERLIN)).toBeNull();
    expect(code(tipRefusal(completed('0.00', '33.33'), m('33.34'), ACCEPTED, BERLIN))).toBe('ORDERS.TIP_OUT_OF_RANGE');
  });

  it('caps the sum of several tips at 100 %: the last hundredth fits, one more does not', () => {
    // Tips of 40.00 and 59.99 given: 0.01 more makes exactly 100 %, 0.02 more is over.
    expect(tipRefusal(completed('99.99'), m('0.01'), ACCEPTED, BERLIN)).toBeNull();
    const over = tipRefusal(completed('99.99'), m('0.02'), ACCEPTED, BERLIN);
    expect(over).toEqual({ code: 'ORDERS.TIP_OUT_OF_RANGE', detail: expect.stringContaining('at most 0.01 more') });
    // At 100 % nothing more fits, not even 0.01.
    expect(tipRefusal(completed('100.00'), m('0.01'), ACCEPTED, BERLIN)).toEqual({
      code: 'ORDERS.TIP_OUT_OF_RANGE',
      detail: expect.stringContaining('at most 0.00 more'),
    });
  });

  it('tips only a completed (accepted) order', () => {
    for (const status of ['created', 'matching', 'scheduled', 'in_progress', 'reported', 'failed', 'cancelled']) {
      expect(code(tipRefusal({ ...completed(), status }, m('1.00'), ACCEPTED, BERLIN)), status).toBe('ORDERS.NOT_TIPPABLE');
    }
    expect(code(tipRefusal({ ...completed(), acceptedAt: null }, m('1.00'), ACCEPTED, BERLIN))).toBe('ORDERS.NOT_TIPPABLE');
    expect(code(tipRefusal({ ...completed(), priceCents: null }, m('1.00'), ACCEPTED, BERLIN))).toBe('ORDERS.NOT_TIPPABLE');
  });

  it('is open until the 7th day after acceptance ends (business time zone), closed from the 8th day', () => {
    // Day 0 is Wednesday 7 January (Berlin); day 7 is Wednesday 14 January; day 8 starts Thursday 15 January 00:00 Berlin = 14th 23:00 UTC.
    expect(tipWindowEnd(ACCEPTED, BERLIN).toISOString()).toBe('2032-01-14T23:00:00.000Z');
    const lastMoment = new Date('2032-01-14T22:59:59.999Z');
    const day8 = new Date('2032-01-14T23:00:00.000Z');
    expect(tipRefusal(completed(), m('1.00'), lastMoment, BERLIN)).toBeNull();
    expect(code(tipRefusal(completed(), m('1.00'), day8, BERLIN))).toBe('ORDERS.TIP_WINDOW_CLOSED');
    // The window closes before the cap is looked at: a late tip is refused as late, whatever its size.
    expect(code(tipRefusal(completed(), m('500.00'), day8, BERLIN))).toBe('ORDERS.TIP_WINDOW_CLOSED');
    // The same acceptance in UTC: 20:30 UTC is still 7 January there, so the window ends at 15 January 00:00 UTC.
    expect(tipWindowEnd(ACCEPTED, 'UTC').toISOString()).toBe('2032-01-15T00:00:00.000Z');
    // Accepted at 00:30 Berlin on the 8th (23:30 UTC the 7th): that is day 0 in Berlin, a day later than in UTC.
    expect(tipWindowEnd(new Date('2032-01-07T23:30:00Z'), BERLIN).toISOString()).toBe('2032-01-15T23:00:00.000Z');
    expect(tipWindowEnd(new Date('2032-01-07T23:30:00Z'), 'UTC').toISOString()).toBe('2032-01-15T00:00:00.000Z');
  });

  it('counts calendar days across a daylight-saving switch (a week of 167 or 169 hours)', () => {
    // Spring: accepted Friday 26 March 2032, 12:00 Berlin (11:00 UTC); clocks go forward on Sunday 28 March.
    // Day 8 starts Saturday 3 April 00:00 Berlin, summer time = 2 April 22:00 UTC.
    const spring = tipWindowEnd(new Date('2032-03-26T11:00:00Z'), BERLIN);
    expect(spring.toISOString()).toBe('2032-04-02T22:00:00.000Z');
    // Autumn: accepted Friday 29 October 2032, 12:00 Berlin (10:00 UTC); clocks go back on Sunday 31 October.
    const autumn = tipWindowEnd(new Date('2032-10-29T10:00:00Z'), BERLIN);
    expect(autumn.toISOString()).toBe('2032-11-05T23:00:00.000Z');
    // Against Intl: each end is a local midnight, 8 local days after the acceptance's day.
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: BERLIN, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' });
    expect(local.format(spring)).toBe('2032-04-03, 00:00:00');
    expect(local.format(new Date(spring.getTime() - 1))).toBe('2032-04-02, 23:59:59');
    expect(local.format(autumn)).toBe('2032-11-06, 00:00:00');
  });

  it('finds the day start where midnight is skipped (a switch at 00:00)', () => {
    // America/Santiago went to summer time at 2022-09-11 00:00 local (04:00 UTC): that day began at 01:00 (-03).
    expect(startOfDayAfter(new Date('2022-09-10T15:00:00Z'), 1, 'America/Santiago').toISOString()).toBe('2022-09-11T04:00:00.000Z');
    expect(startOfDayAfter(new Date('2022-09-10T15:00:00Z'), 2, 'America/Santiago').toISOString()).toBe('2022-09-12T03:00:00.000Z');
  });
});
