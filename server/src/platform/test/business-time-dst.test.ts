import { describe, it, expect } from 'vitest';
import { lastCronOccurrence, nextCronOccurrence } from '../scheduler.ts';

/**
 * Issue #18, fault 7 (its date rule): with TZ_BUSINESS=Europe/Berlin the
 * Sunday 23:00 invoice and the month end (last day, 23:00) fall once each,
 * on the right day, across every daylight-saving switch (last Sunday of
 * March and of October). The expected instants come from Intl, not from the
 * cron code under test.
 */
const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKLY = '0 23 * * 0';
const MONTH_END = '0 23 L * *';

const local = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const partsOf = (ms: number) => Object.fromEntries(local.formatToParts(ms).map((p) => [p.type, p.value]));

/** 23:00 in Berlin on the calendar day starting at `dayUtc` (21:00 UTC in summer time, 22:00 in winter). */
function elevenPm(dayUtc: number): number {
  const found = [21, 22]
    .map((h) => dayUtc + h * HOUR)
    .filter((t) => {
      const p = partsOf(t);
      return p.hour === '23' && p.minute === '00' && Number(p.day) === new Date(dayUtc).getUTCDate();
    });
  expect(found).toHaveLength(1);
  return found[0]!;
}

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const sundays: number[] = [];
const monthEnds: number[] = [];
for (let day = FROM; day < TO; day += DAY) {
  const date = new Date(day);
  if (date.getUTCDay() === 0) sundays.push(elevenPm(day));
  if (new Date(day + DAY).getUTCMonth() !== date.getUTCMonth()) monthEnds.push(elevenPm(day));
}
/** The days clocks change in Berlin: the last Sundays of March and October. */
const switchDays = sundays
  .map((t) => new Date(t))
  .filter((d) => [2, 9].includes(d.getUTCMonth()) && d.getUTCDate() > 24)
  .map((d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

describe('business time across daylight saving (Europe/Berlin)', () => {
  it('has its reference right: 261 Sundays, 60 month ends, two switch days a year, 23:00 local at 21:00 or 22:00 UTC', () => {
    expect(sundays).toHaveLength(261);
    expect(monthEnds).toHaveLength(60);
    expect(switchDays).toHaveLength(10);
    // 2026: summer time from Sunday 29 March, winter time from Sunday 25 October.
    expect(new Date(elevenPm(Date.UTC(2026, 2, 29))).toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(new Date(elevenPm(Date.UTC(2026, 9, 25))).toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it.each([
    ['the Sunday invoice', WEEKLY, sundays],
    ['the month end', MONTH_END, monthEnds],
  ])('steps through %s occurrence by occurrence, each once, none skipped, as the sandbox clock does', (_name, cron, expected) => {
    const seen: number[] = [];
    let cursor = FROM;
    while (seen.length < expected.length) {
      cursor = nextCronOccurrence(cron, TZ, new Date(cursor)).getTime();
      seen.push(cursor);
    }
    expect(seen).toEqual(expected);
    for (const at of expected) {
      // The period a run at (or a little after) its due time closes is that occurrence, not a neighbour.
      expect(lastCronOccurrence(cron, TZ, new Date(at)).getTime()).toBe(at);
      expect(lastCronOccurrence(cron, TZ, new Date(at + 2 * HOUR)).getTime()).toBe(at);
      expect(lastCronOccurrence(cron, TZ, new Date(at - 1)).getTime()).toBeLessThan(at);
    }
  });

  it.each([
    ['the Sunday invoice', WEEKLY, sundays],
    ['the month end', MONTH_END, monthEnds],
  ])('finds the next and the last of %s from every 10 minutes of each switch day', (_name, cron, expected) => {
    for (const day of switchDays) {
      for (let t = day - 2 * HOUR; t < day + DAY + 2 * HOUR; t += 10 * 60_000) {
        const next = expected.find((at) => at > t)!;
        const last = expected.findLast((at) => at <= t)!;
        expect(nextCronOccurrence(cron, TZ, new Date(t)).getTime(), new Date(t).toISOString()).toBe(next);
        expect(lastCronOccurrence(cron, TZ, new Date(t)).getTime(), new Date(t).toISOString()).toBe(last);
      }
    }
  });
});
