import { Money } from '../../../platform/money.ts';

/**
 * A client may tip when accepting an order or "within 7 days after"
 * (issue 19): we read that as calendar days of the business time zone, so
 * the window ends when the seventh day after the day of acceptance ends —
 * accepted on a Monday at 21:00, tippable until the next Monday's midnight.
 * A rolling 168 hours would end at an hour nobody is told, and would be an
 * hour off across a daylight-saving switch.
 */
export const TIP_WINDOW_DAYS = 7;

export type TipRefusal =
  | { code: 'ORDERS.TIP_OUT_OF_RANGE'; detail: string }
  | { code: 'ORDERS.NOT_TIPPABLE'; detail: string }
  | { code: 'ORDERS.TIP_WINDOW_CLOSED'; detail: string };

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: number, timeZone: string): { y: number; m: number; d: number; ms: number } {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    dayFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  const y = p.year!;
  const m = p.month!;
  const d = p.day!;
  // The wall-clock reading as if it were UTC (milliseconds kept): its difference to `at` is the zone's offset then.
  return { y, m, d, ms: Date.UTC(y, m - 1, d, p.hour!, p.minute!, p.second!) + (((at % 1000) + 1000) % 1000) };
}

/**
 * The first instant of the calendar day `days` days after the day of `at`,
 * in `timeZone`: local midnight, found from the zone's offset (Intl knows
 * every switch), or the first instant after a switch that skips midnight.
 */
export function startOfDayAfter(at: Date, days: number, timeZone: string): Date {
  const { y, m, d } = wallClock(at.getTime(), timeZone);
  const midnight = Date.UTC(y, m - 1, d + days);
  let guess = midnight;
  for (let i = 0; i < 3; i++) guess = midnight - (wallClock(guess, timeZone).ms - guess);
  // Where midnight does not exist (a switch at 00:00), the guess may land before it: the day starts at the switch.
  const short = midnight - wallClock(guess, timeZone).ms;
  if (short > 0) guess += short;
  return new Date(guess);
}

/** The moment from which an order accepted at `acceptedAt` can no longer be tipped (exclusive end of the window). */
export function tipWindowEnd(acceptedAt: Date, timeZone: string): Date {
  return startOfDayAfter(acceptedAt, TIP_WINDOW_DAYS + 1, timeZone);
}

/**
 * Whether a tip of `amount` may be added to an order: it is completed
 * (accepted by its client or automatically), the window has not ended, the
 * amount is more than zero, and all its tips together stay at most its
 * price (100 %). Several tips are allowed (a client who tips at acceptance
 * may add more later); the cap is on their sum. Pure: the caller holds the
 * order's row lock, and the database's CHECK holds the cap too.
 */
export function tipRefusal(
  order: { status: string; priceCents: bigint | null; tipsCents: bigint; acceptedAt: Date | null },
  amount: Money,
  now: Date,
  timeZone: string,
): TipRefusal | null {
  if (amount.cents <= 0n) return { code: 'ORDERS.TIP_OUT_OF_RANGE', detail: 'A tip is more than 0.00.' };
  if (order.status !== 'completed' || !order.acceptedAt || order.priceCents === null) {
    return { code: 'ORDERS.NOT_TIPPABLE', detail: 'Only an accepted (completed) order can be tipped.' };
  }
  if (now.getTime() >= tipWindowEnd(order.acceptedAt, timeZone).getTime()) {
    return {
      code: 'ORDERS.TIP_WINDOW_CLOSED',
      detail: `An order can be tipped until the end of the ${TIP_WINDOW_DAYS}th day after the day it was accepted.`,
    };
  }
  const room = order.priceCents - order.tipsCents;
  if (amount.cents > room) {
    return {
      code: 'ORDERS.TIP_OUT_OF_RANGE',
      detail: `Tips on an order are at most its price (${Money.fromCents(order.priceCents).toString()}) in total: at most ${Money.fromCents(room > 0n ? room : 0n).toString()} more.`,
    };
  }
  return null;
}
